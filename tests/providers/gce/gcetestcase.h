#pragma once

#include "asyncresult.h"
#include "fakegce.h"
#include "gceprovider.h"

#include <QObject>
#include <QTest>
#include <memory>

/**
 * @brief The fixture of the GCE provider tests: a FakeCloudServer with the fake token endpoint
 * and Compute Engine API, a service-account provider made fresh for every test function, and
 * after each the check that every grant and every request was what Google accepts.
 */
class GceTestCase : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<FakeCloudServer> m_server;
    std::unique_ptr<FakeGce> m_fake;
    std::unique_ptr<GceProvider> m_provider;

    std::shared_ptr<AsyncOutcome<QList<Machine>>> list()
    {
        return AsyncResult::await<QList<Machine>>(
            [this](auto done) { m_provider->listMachines(done); });
    }
    [[nodiscard]] QList<RecordedRequest> requests(const QByteArray &method,
                                                  const QString &path) const
    {
        return m_server->requests(method, FakeGce::path(path));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeCloudServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeGce>(*m_server);
        m_fake->serveFixtures();
        m_provider = m_fake->provider();
    }
    void cleanup()
    {
        if (m_fake)
            QVERIFY2(m_fake->failures().isEmpty(),
                     qPrintable(m_fake->failures().join(QLatin1Char('\n'))));
        m_provider.reset();
        m_fake.reset();
        m_server.reset();
    }
};
