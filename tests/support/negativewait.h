#pragma once

#include <QTest>

/// Runs the event loop for @p ms to show that something does NOT happen (no further poll, no
/// late callback). No signal announces "nothing came", so this is the one fixed wait a test may
/// use: named so it reads as the negative check it is, and capped at 500 ms because every run of
/// the suite pays for it.
inline void expectNothingWithin(int ms)
{
    if (ms <= 0 || ms > 500)
        qFatal("expectNothingWithin(%d): a negative wait is between 1 and 500 ms", ms);
    QTest::qWait(ms);
}
