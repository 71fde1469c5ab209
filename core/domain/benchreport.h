#pragma once

#include "processmemory.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

/**
 * @brief What `clouddeck` and the benchmarks' empty windows tell bench_startup after their first
 * frame (CLOUDDECK_EXIT_AFTER_FIRST_FRAME). Header only: the empty windows do not load core.
 */
class BenchReport
{
public:
    /// Ends the program; with CLOUDDECK_REPORT_MEMORY set, first waits that many milliseconds
    /// (what starts after the first frame has started) and prints a line
    /// "memory <resident KiB> <peak KiB>".
    static void memoryThenExit()
    {
        const int settle = qEnvironmentVariableIntValue("CLOUDDECK_REPORT_MEMORY");
        if (settle <= 0)
            return QCoreApplication::exit(0);
        QTimer::singleShot(settle, QCoreApplication::instance(), [] {
            std::printf("memory %lld %lld\n", ProcessMemory::statusKib("VmRSS"),
                        ProcessMemory::statusKib("VmHWM"));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }
};
