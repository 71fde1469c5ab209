#pragma once

#include "asyncresult.h"
#include "awsprovider.h"
#include "fakeec2.h"

#include <QObject>
#include <QTest>
#include <memory>

/**
 * @brief The fixture of the EC2 provider tests: a FakeCloudServer serving every fixture action,
 * a provider for its default account, made fresh for every test function, and after each the
 * check that every request carried a valid signature.
 *
 * A test class derives from it instead of QObject; Qt Test finds the inherited init() and
 * cleanup().
 */
class AwsTestCase : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeEc2> m_fake;
    std::unique_ptr<AwsProvider> m_provider;

    /// listMachines(), waited for (null, and a recorded failure, if the contract broke).
    std::shared_ptr<AsyncOutcome<QList<Machine>>> list()
    {
        return AsyncResult::await<QList<Machine>>(
            [this](auto done) { m_provider->listMachines(done); });
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeEc2>(*m_server);
        m_fake->serveFixtures();
        m_provider = m_fake->provider(m_fake->account());
    }
    void cleanup()
    {
        if (m_fake)
            QVERIFY2(m_fake->signatureFailures().isEmpty(),
                     qPrintable(m_fake->signatureFailures().join(QLatin1Char('\n'))));
        m_provider.reset();
        m_fake.reset();
        m_server.reset();
    }
};
