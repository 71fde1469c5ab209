#pragma once

#include <QByteArray>
#include <QFile>

/**
 * @brief This process's memory as the kernel counts it: Linux's /proc/self/status.
 *
 * Header only, so the benchmarks' empty windows (which must not load core) read it the same way
 * as `clouddeck` and the tests do. Elsewhere there is no such file and every figure is -1.
 */
class ProcessMemory
{
public:
    /// A "Vm..." line in KiB: "VmRSS" (resident now), "VmHWM" (the peak), -1 if unreadable.
    [[nodiscard]] static qint64 statusKib(const QByteArray &field)
    {
        QFile file(QStringLiteral("/proc/self/status"));
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.startsWith(field + ':'))
                return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
        }
        return -1;
    }
    /// Resets the peak (VmHWM) to the resident size now ("5" to clear_refs); false elsewhere.
    static bool resetPeak()
    {
        QFile file(QStringLiteral("/proc/self/clear_refs"));
        return file.open(QIODevice::WriteOnly) && file.write("5") == 1;
    }
};
