#pragma once

#include <QTest>

/// Runs the event loop for @p ms to show that something does NOT happen (no further poll, no
/// late callback). No signal announces "nothing came", so this is the one fixed wait a test may
/// use: named so it reads as the negative check it is, and capped at 500 ms because every run of
/// the suite pays for it.
inline void expectNothingWithin(int ms)
{
    QTEST_ASSERT(ms > 0 && ms <= 500);
    QTest::qWait(ms);
}
