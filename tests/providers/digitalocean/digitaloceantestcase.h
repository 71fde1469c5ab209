#pragma once

#include "asyncresult.h"
#include "digitaloceanprovider.h"
#include "fakedigitalocean.h"

#include <QObject>
#include <QTest>
#include <memory>

/**
 * @brief The fixture of the DigitalOcean provider tests: a FakeCloudServer serving every fixture
 * route and a provider for it, made fresh for every test function.
 *
 * A test class derives from it instead of QObject; Qt Test finds the inherited init() and
 * cleanup().
 */
class DigitalOceanTestCase : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeDigitalOcean> m_fake;
    std::unique_ptr<DigitalOceanProvider> m_provider;

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
        m_fake = std::make_unique<FakeDigitalOcean>(*m_server);
        m_fake->serveFixtures();
        m_provider = m_fake->provider();
    }
    void cleanup()
    {
        m_provider.reset();
        m_fake.reset();
        m_server.reset();
    }
};
