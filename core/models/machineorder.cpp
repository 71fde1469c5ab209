#include "machineorder.h"

namespace {
// QChar::toCaseFolded() is a call into Unicode's tables for every character, and sorting 10,000
// names calls this some 130,000 times at a start: ASCII, what names mostly are, folds inline
// (its case folding is exactly A-Z to a-z).
char16_t folded(QChar c)
{
    const char16_t unit = c.unicode();
    if (unit < 0x80)
        return unit >= u'A' && unit <= u'Z' ? char16_t(unit + (u'a' - u'A')) : unit;
    return c.toCaseFolded().unicode();
}
} // namespace

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
        const char16_t ca = folded(a.at(i));
        const char16_t cb = folded(b.at(j));
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
    case MachineState::Error:
        return 0;
    case MachineState::Pending:
    case MachineState::Starting:
    case MachineState::Stopping:
    case MachineState::Rebooting:
        return 1;
    case MachineState::Running:
        return 2;
    case MachineState::Suspended:
        return 3;
    case MachineState::Stopped:
        return 4;
    case MachineState::Unknown:
        return 5;
    case MachineState::Template:
        return 6;
    case MachineState::Terminated:
        return 7;
    }
    return 8;
}
