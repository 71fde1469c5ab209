#include "machineorder.h"

int MachineOrder::naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            while (i < a.size() && a.at(i) == u'0')
                ++i;
            while (j < b.size() && b.at(j) == u'0')
                ++j;
            qsizetype endA = i;
            qsizetype endB = j;
            while (endA < a.size() && a.at(endA).isDigit())
                ++endA;
            while (endB < b.size() && b.at(endB).isDigit())
                ++endB;
            if (endA - i != endB - j)
                return endA - i < endB - j ? -1 : 1;
            for (; i < endA; ++i, ++j) {
                if (a.at(i) != b.at(j))
                    return a.at(i) < b.at(j) ? -1 : 1;
            }
            continue;
        }
        const char16_t ca = a.at(i).toCaseFolded().unicode();
        const char16_t cb = b.at(j).toCaseFolded().unicode();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    return j < b.size() ? -1 : 0;
}

int MachineOrder::stateRank(MachineState::State state)
{
    switch (state) {
    case MachineState::Running:
        return 0;
    case MachineState::Starting:
        return 1;
    case MachineState::Rebooting:
        return 2;
    case MachineState::Pending:
        return 3;
    case MachineState::Stopping:
        return 4;
    case MachineState::Stopped:
        return 5;
    case MachineState::Suspended:
        return 6;
    case MachineState::Error:
        return 7;
    case MachineState::Unknown:
        return 8;
    case MachineState::Terminated:
        return 9;
    }
    return 10;
}
