// The Inventory with a real provider plugin (DigitalOcean) against FakeCloudServer, the secret in
// a real keychain: the path the app takes, from the registry to the scheduler's next interval.
#include "digitaloceanroutes.h"
#include "fakecloudserver.h"
#include "inventorytestsupport.h"
#include "pollscheduler.h"
#include "testhelpers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace InventoryTest;

class TestInventoryProvider : public QObject
{
    Q_OBJECT

    FakeCloudServer m_server;
    std::unique_ptr<InventoryRig> m_rig;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_account;
    QByteArray m_lastPageRemaining = "4990";
    QDateTime m_reset;

    Error refresh()
    {
        QSignalSpy finished(&m_rig->inventory, &Inventory::refreshFinished);
        m_rig->inventory.refresh(m_account);
        if (!finished.wait(15'000))
            return Error(Error::Timeout, QStringLiteral("test: no refreshFinished"));
        return finished.first().at(1).value<Error>();
    }
    QString stateOf(const QString &id) const
    {
        return m_rig->model.index(m_rig->model.rowOf(m_account, id))
            .data(MachineModel::StateIdRole)
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.on("GET", QStringLiteral("/v2/droplets"), [this](const RecordedRequest &request) {
            const bool last =
                request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("3");
            return DigitalOceanRoutes::withRateLimit(
                DigitalOceanRoutes::dropletsPage(request), last ? m_lastPageRemaining : "4990",
                QByteArray::number(m_reset.toSecsSinceEpoch()));
        });
        DigitalOceanRoutes::serveActions(m_server);
    }

    void init()
    {
        m_reset = QDateTime::currentDateTimeUtc().addSecs(3600);
        m_lastPageRemaining = "4990";
        m_rig.reset(new InventoryRig);
        m_rig->inventory.setProviderFactory({}); // the registry and its plugins, as in the app
        if (!m_rig->registry.contains(QStringLiteral("digitalocean")))
            QSKIP("the DigitalOcean plugin is not built");
        m_tester.reset(new QAbstractItemModelTester(
            &m_rig->model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        Account account;
        account.name = QStringLiteral("do");
        account.providerId = QStringLiteral("digitalocean");
        account.endpoint = m_server.url();
        QVERIFY(!m_rig->accounts.add(account, &m_rig->registry).isError());
        m_account = account.id;
        bool stored = false;
        m_rig->credentials.write(m_account, {{QStringLiteral("token"), QStringLiteral("dop_v1_t")}},
                                 [&stored](Result<void> result) {
                                     QVERIFY2(result.ok(), qPrintable(result.error().message()));
                                     stored = true;
                                 });
        QTRY_VERIFY_WITH_TIMEOUT(stored, 10'000);
        m_server.clearRequests();
    }

    void cleanup()
    {
        m_tester.reset();
        m_rig.reset();
    }

    void refreshThroughThePlugin()
    {
        QCOMPARE(refresh().message(), QString());
        QCOMPARE(m_rig->model.rowCount(), 5);
        QCOMPARE(stateOf(QStringLiteral("3164444")), QStringLiteral("running"));
        QCOMPARE(stateOf(QStringLiteral("3164445")), QStringLiteral("pending"));
        // The token from the keychain authorised every page.
        const auto pages = m_server.requests("GET", QStringLiteral("/v2/droplets"));
        QCOMPARE(pages.size(), 3);
        for (const RecordedRequest &page : pages)
            QCOMPARE(page.header("Authorization"), QByteArray("Bearer dop_v1_t"));
        // A machine being created ("new"): the account is polled fast.
        const PollScheduler *scheduler = m_rig->inventory.scheduler();
        QCOMPARE(scheduler->lastDelayMs(m_account), scheduler->intervals().fastMs);
        // Capabilities come from the plugin's metadata.
        QVERIFY(m_rig->model.index(m_rig->model.rowOf(m_account, QStringLiteral("3164444")))
                    .data(MachineModel::AllowedActionsRole)
                    .toStringList()
                    .contains(QStringLiteral("reboot")));
    }

    /// The provider's rate-limit headers reach the scheduler: a spent budget means no refresh
    /// until the window refills, whatever the interval says.
    void rateLimitHeadersSetTheNextRefresh()
    {
        m_lastPageRemaining = "0";
        m_reset = QDateTime::currentDateTimeUtc().addSecs(600);
        QCOMPARE(refresh().message(), QString());
        const qint64 delay = m_rig->inventory.scheduler()->lastDelayMs(m_account);
        QVERIFY2(delay > 590'000 && delay <= 600'000, qPrintable(QString::number(delay)));
    }

    void actionGoesToTheProviderAndIsConfirmed()
    {
        QCOMPARE(refresh().message(), QString());
        QSignalSpy finished(&m_rig->inventory, &Inventory::actionFinished);
        m_rig->inventory.runAction(m_account, QStringLiteral("3164444"), MachineAction::Reboot);
        QCOMPARE(stateOf(QStringLiteral("3164444")), QStringLiteral("rebooting"));
        QVERIFY(finished.wait(15'000));
        QVERIFY(!finished.first().at(3).value<Error>().isError());
        const auto posts = m_server.requests("POST", QStringLiteral("/v2/droplets/*/actions"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().path, QStringLiteral("/v2/droplets/3164444/actions"));
        QCOMPARE(posts.first().json().value(QLatin1String("type")).toString(),
                 QStringLiteral("reboot"));
        QCOMPARE(stateOf(QStringLiteral("3164444")), QStringLiteral("running"));
    }

    void refusedActionShowsTheProvidersReason()
    {
        QCOMPARE(refresh().message(), QString());
        m_server.enqueue(
            "POST", QStringLiteral("/v2/droplets/*/actions"),
            FakeResponse::file(
                testDataPath(QStringLiteral("digitalocean/error_unprocessable_entity.json")), 422));
        QSignalSpy finished(&m_rig->inventory, &Inventory::actionFinished);
        m_rig->inventory.runAction(m_account, QStringLiteral("3164444"), MachineAction::Shutdown);
        QCOMPARE(stateOf(QStringLiteral("3164444")), QStringLiteral("stopping"));
        QVERIFY(finished.wait(15'000));
        const Error error = finished.first().at(3).value<Error>();
        QCOMPARE(error.kind(), Error::BadRequest);
        QVERIFY2(error.message().contains(QLatin1String("request payload validation failed")),
                 qPrintable(error.message()));
        QCOMPARE(stateOf(QStringLiteral("3164444")), QStringLiteral("running"));
        const int row = m_rig->model.rowOf(m_account, QStringLiteral("3164444"));
        QCOMPARE(m_rig->model.actionError(row), error.message());
    }

    void authFailureKeepsTheMachines()
    {
        QCOMPARE(refresh().message(), QString());
        m_server.enqueue(
            "GET", QStringLiteral("/v2/droplets"),
            FakeResponse::file(testDataPath(QStringLiteral("digitalocean/error_unauthorized.json")),
                               401));
        const Error error = refresh();
        QCOMPARE(error.kind(), Error::Auth);
        QCOMPARE(m_rig->model.rowCount(), 5);
        QCOMPARE(m_rig->inventory.lastError(m_account).kind(), Error::Auth);
        QVERIFY(m_rig->inventory.lastSuccess(m_account).isValid());
        // Backoff, not the fast interval, after a failure.
        const PollScheduler *scheduler = m_rig->inventory.scheduler();
        QCOMPARE(scheduler->lastDelayMs(m_account), scheduler->intervals().backoffInitialMs);
    }
};

QTEST_GUILESS_MAIN(TestInventoryProvider)
#include "tst_inventoryprovider.moc"
