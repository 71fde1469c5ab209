// The helpers that sequence a provider's calls (core/provider): ActionFollower,
// PagedList::concat, PageNumberList::Paging::checkingTotal and SshPublicKey::resolve. The clouds
// are stood in for by callbacks that answer later, as HttpClient does.

#include "actionfollower.h"
#include "asyncresult.h"
#include "negativewait.h"
#include "pagedlist.h"
#include "pagenumberlist.h"
#include "sshpublickey.h"

#include <QTimer>

namespace {

/// A cloud's action as the fake check sees it: how many looks until it ends, and how.
struct FakeAction
{
    int id = 0;
    int runningLooks = 0;
    bool fails = false;
};

/// Answers later, as a request would.
template<typename T>
void later(QObject *context, Callback<T> done, Result<T> result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}

const QString keyLine = QStringLiteral(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl laptop");

} // namespace

class TestProviderFlows : public QObject
{
    Q_OBJECT

    QObject m_context;
    QList<int> m_looks; ///< the action ids the check was asked about, in order

    ActionFollower<FakeAction>::Check check()
    {
        return [this](const FakeAction &action, Callback<bool> finished) {
            m_looks.append(action.id);
            const int looksSoFar = int(m_looks.count(action.id));
            if (looksSoFar <= action.runningLooks)
                return later<bool>(&m_context, std::move(finished), false);
            if (action.fails)
                return later<bool>(&m_context, std::move(finished),
                                   Error(Error::Server, QStringLiteral("the cloud says no")));
            later<bool>(&m_context, std::move(finished), true);
        };
    }
    static Error timedOut(const FakeAction &action)
    {
        return Error(Error::Timeout, QStringLiteral("action %1 still running").arg(action.id));
    }

private Q_SLOTS:
    void init() { m_looks.clear(); }

    void followsTheAcceptedActionUntilItCompletes()
    {
        ActionFollower<FakeAction> follower(&m_context, {1, 4, 60'000});
        follower.accept(QStringLiteral("m1"), {7, 3, false});
        const auto followed = AsyncResult::run<void>(
            [&](auto done) { follower.follow(QStringLiteral("m1"), check(), &timedOut, done); });
        QVERIFY2(followed->ok(), followed->describe());
        QVERIFY(!followed->calledSynchronously);
        QCOMPARE(followed->calls, 1);
        QCOMPARE(m_looks, QList<int>({7, 7, 7, 7})); // three "running", then "completed"

        // The handle was taken: a second follow has nothing to wait for and asks nothing.
        const auto again = AsyncResult::run<void>(
            [&](auto done) { follower.follow(QStringLiteral("m1"), check(), &timedOut, done); });
        QVERIFY(again->ok());
        QVERIFY(!again->calledSynchronously);
        QCOMPARE(m_looks.size(), 4);
    }

    void aFailedActionIsTheCloudsError()
    {
        ActionFollower<FakeAction> follower(&m_context, {1, 1, 60'000});
        follower.accept(QStringLiteral("m1"), {8, 1, true});
        const auto followed = AsyncResult::run<void>(
            [&](auto done) { follower.follow(QStringLiteral("m1"), check(), &timedOut, done); });
        QCOMPARE(followed->error().kind(), Error::Server);
        QCOMPARE(followed->error().message(), QStringLiteral("the cloud says no"));
        QCOMPARE(followed->calls, 1);
    }

    void aNewActionReplacesTheOldAndForgetLeavesNone()
    {
        ActionFollower<FakeAction> follower(&m_context, {1, 1, 60'000});
        follower.accept(QStringLiteral("m1"), {1, 0, false});
        follower.accept(QStringLiteral("m1"), {2, 0, false});
        follower.accept(QStringLiteral("m2"), {3, 0, false});
        follower.forget(QStringLiteral("m2"));
        QVERIFY(AsyncResult::run<void>([&](auto done) {
                    follower.follow(QStringLiteral("m1"), check(), &timedOut, done);
                })->ok());
        QVERIFY(AsyncResult::run<void>([&](auto done) {
                    follower.follow(QStringLiteral("m2"), check(), &timedOut, done);
                })->ok());
        QCOMPARE(m_looks, QList<int>({2})); // only the latest action of m1 was looked at
    }

    void aStillRunningActionStopsAtTheDeadline()
    {
        ActionFollower<FakeAction> follower(&m_context, {5, 5, 40});
        follower.accept(QStringLiteral("m1"), {9, 1'000'000, false});
        const auto followed = AsyncResult::run<void>(
            [&](auto done) { follower.follow(QStringLiteral("m1"), check(), &timedOut, done); });
        QCOMPARE(followed->error().kind(), Error::Timeout);
        QCOMPARE(followed->error().message(), QStringLiteral("action 9 still running"));
        QVERIFY(m_looks.size() >= 1);
    }

    void timingIsKeptSane()
    {
        ActionFollower<FakeAction> follower(&m_context);
        follower.setTiming({0, -5, 1000});
        QCOMPARE(follower.timing().firstMs, 1);
        QCOMPARE(follower.timing().maxMs, 1);
        follower.setTiming({200, 100, 1000});
        QCOMPARE(follower.timing().maxMs, 200);
        follower.setTimeoutMs(5000);
        follower.setPollIntervalMs(10, 40);
        QCOMPARE(follower.timing().firstMs, 10);
        QCOMPARE(follower.timing().maxMs, 40);
        QCOMPARE(follower.timing().timeoutMs, 5000);
    }

    void deletingTheContextCancelsWithoutACallback()
    {
        auto context = std::make_unique<QObject>();
        ActionFollower<FakeAction> follower(context.get(), {1, 1, 60'000});
        follower.accept(QStringLiteral("m1"), {4, 0, false});
        int calls = 0;
        follower.follow(QStringLiteral("m1"), check(), &timedOut,
                        [&calls](Result<void>) { ++calls; });
        context.reset(); // the provider goes away before the first look
        expectNothingWithin(20);
        QCOMPARE(calls, 0);
        QVERIFY(m_looks.isEmpty());
    }

    void concatKeepsOrderAndFailsWhole()
    {
        QList<QString> started;
        const auto listing = [&](const QString &name, Result<QList<QString>> result) {
            return PagedList::Listing<QString>([&, name, result](Callback<QList<QString>> done) {
                started.append(name);
                later<QList<QString>>(&m_context, std::move(done), result);
            });
        };
        const auto both = AsyncResult::run<QList<QString>>([&](auto done) {
            PagedList::concat<QString>(
                listing(QStringLiteral("a"),
                        QStringList {QStringLiteral("1"), QStringLiteral("2")}),
                listing(QStringLiteral("b"), QStringList {QStringLiteral("3")}), done);
        });
        QCOMPARE(both->value(),
                 (QStringList {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QCOMPARE(started, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));

        started.clear();
        const Error broken(Error::InvalidReply, QStringLiteral("page 2 broke"));
        const auto firstFails = AsyncResult::run<QList<QString>>([&](auto done) {
            PagedList::concat<QString>(
                listing(QStringLiteral("a"), broken),
                listing(QStringLiteral("b"), QStringList {QStringLiteral("3")}), done);
        });
        QCOMPARE(firstFails->error().kind(), Error::InvalidReply);
        QCOMPARE(started, (QStringList {QStringLiteral("a")})); // the second listing never started

        const auto secondFails = AsyncResult::run<QList<QString>>([&](auto done) {
            PagedList::concat<QString>(
                listing(QStringLiteral("a"), QStringList {QStringLiteral("1")}),
                listing(QStringLiteral("b"), broken), done);
        });
        QCOMPARE(secondFails->error().message(), QStringLiteral("page 2 broke"));
    }

    void checkingTotalLeavesTheRestOfThePaging()
    {
        const PageNumberList::Paging catalog {QStringLiteral("per_page"), 50, {}, {}};
        const PageNumberList::Paging machines =
            catalog.checkingTotal([](const QJsonObject &) { return std::optional<qint64>(3); });
        QVERIFY(!catalog.total);
        QVERIFY(machines.total);
        QCOMPARE(machines.total(QJsonObject()), std::optional<qint64>(3));
        QCOMPARE(machines.sizeParameter, QStringLiteral("per_page"));
        QCOMPARE(machines.pageSize, 50);
    }

    void resolveLooksUpOnlyWhatTheApiCannotTake()
    {
        const QList<SshKey> catalog {
            {QStringLiteral("11"), QStringLiteral("laptop"), QStringLiteral("SHA256:abc"), keyLine},
            {QStringLiteral("12"), QStringLiteral("desk"), QStringLiteral("SHA256:def"), {}}};
        int listings = 0;
        const SshPublicKey::KeyListing list = [&](Callback<QList<SshKey>> done) {
            ++listings;
            later<QList<SshKey>>(&m_context, std::move(done), catalog);
        };
        const SshPublicKey::KeyForm keyLines {&SshPublicKey::isPublicKey, [](const SshKey &key) {
                                                  return key.publicKey;
                                              }};

        // Only key lines: taken as they are, no listing.
        const auto direct = AsyncResult::run<QStringList>([&](auto done) {
            SshPublicKey::resolve({QStringLiteral("  ") + keyLine}, keyLines, list, done);
        });
        QCOMPARE(direct->value(), QStringList({keyLine}));
        QCOMPARE(listings, 0);

        // An id and a name: looked up once, in order, key lines kept.
        const auto lookedUp = AsyncResult::run<QStringList>([&](auto done) {
            SshPublicKey::resolve({QStringLiteral("11"), keyLine, QStringLiteral("laptop")},
                                  keyLines, list, done);
        });
        QCOMPARE(lookedUp->value(), QStringList({keyLine, keyLine, keyLine}));
        QCOMPARE(listings, 1);

        // A key the account does not have: refused before anything is created.
        const auto missing = AsyncResult::run<QStringList>([&](auto done) {
            SshPublicKey::resolve({QStringLiteral("nope")}, keyLines, list, done);
        });
        QCOMPARE(missing->error().kind(), Error::InvalidInput);
        QVERIFY(missing->error().message().contains(QLatin1String("nope")));

        // The listing's own failure is the answer.
        const SshPublicKey::KeyListing failing = [&](Callback<QList<SshKey>> done) {
            later<QList<SshKey>>(&m_context, std::move(done),
                                 Error(Error::Auth, QStringLiteral("token revoked")));
        };
        const auto failed = AsyncResult::run<QStringList>([&](auto done) {
            SshPublicKey::resolve({QStringLiteral("desk")}, keyLines, failing, done);
        });
        QCOMPARE(failed->error().kind(), Error::Auth);
    }
};

QTEST_GUILESS_MAIN(TestProviderFlows)
#include "tst_providerflows.moc"
