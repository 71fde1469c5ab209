// How ProxmoxProvider fails: each HTTP error class with Proxmox's own words, 500 "does not exist"
// read as not found, a 401 without a body, timeouts, cut-off and malformed replies, and TLS:
// Proxmox's self-signed certificate refused with its fingerprint until pinned, accepted once
// pinned, refused when it changes.
#include "providererrorchecks.h"
#include "proxmoxtesting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProxmoxTesting;

namespace {
const QString resourcesPath = u"/api2/json/cluster/resources"_s;

ErrorScenario scenario(FakeCloudServer &server)
{
    return {&server, resourcesPath, {}, [](const FakeCloudServer &fake) {
                return std::unique_ptr<Provider>(ProxmoxTesting::provider(fake));
            }};
}
} // namespace

class TestProxmoxErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpErrors_data();
    void httpErrors();
    void unauthorizedWithoutBody();
    void missingGuestIsNotFound();
    void parameterErrorsNameTheField();
    void retriesAGatewayError();
    void timesOut();
    void truncatedBody();
    void wrongShapes_data();
    void wrongShapes();
    void tlsSelfSignedRefusedThenPinnedThenChanged();
};

void TestProxmoxErrors::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("403") << 403 << u"error_permission.json"_s << Error::Forbidden
                         << u"Permission check failed (/vms/100, VM.PowerMgmt)"_s;
    QTest::newRow("404") << 404 << u"error_no_config.json"_s << Error::NotFound
                         << u"does not exist"_s;
    QTest::newRow("500") << 500 << u"error_server.json"_s << Error::Server
                         << u"got lock request timeout"_s;
    // pveproxy's own code when it cannot reach the node that should answer.
    QTest::newRow("595") << 595 << u"error_server.json"_s << Error::Server
                         << u"got lock request timeout"_s;
}

void TestProxmoxErrors::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QString, fixture);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, reason);
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, authorization);
    ProviderErrorChecks::httpError(
        scenario(server), FakeResponse::file(u"proxmox/"_s + fixture, status), status, kind, reason,
        u"/api2/json/nodes/*/qemu/*/status/start"_s, u"qemu/100"_s, MachineAction::Start);
}

void TestProxmoxErrors::unauthorizedWithoutBody()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, "PVEAPIToken=clouddeck@pve!ci=another-secret");
    const auto provider = ProxmoxTesting::provider(server);
    const auto verified = verify(*provider);
    QCOMPARE(verified->error().kind(), Error::Auth);
    QCOMPARE(verified->error().httpStatus(), 401);
    QVERIFY2(verified->error().message().contains(u"HTTP 401"_s), verified->describe());
    QCOMPARE(server.requestCount(), 1); // not retried
    const auto listed = listMachines(*provider);
    QCOMPARE(listed->error().kind(), Error::Auth);
}

void TestProxmoxErrors::missingGuestIsNotFound()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, authorization);
    const auto provider = ProxmoxTesting::provider(server);
    QVERIFY(listMachines(*provider)->ok());
    // Deleted behind our back: Proxmox answers 500 "Configuration file ... does not exist".
    cluster.resources().removeAt(1);
    const auto acted = runAction(*provider, u"qemu/101"_s, MachineAction::Start);
    QCOMPARE(acted->error().kind(), Error::NotFound);
    QCOMPARE(acted->error().httpStatus(), 500);
    QVERIFY2(acted->error().message().contains(u"qemu-server/101.conf' does not exist"_s),
             acted->describe());
}

void TestProxmoxErrors::parameterErrorsNameTheField()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, authorization);
    server.on("POST", u"/api2/json/nodes/*/qemu/*/clone"_s,
              FakeResponse::file(u"proxmox/error_parameters.json"_s, 400));
    const auto provider = ProxmoxTesting::provider(server);
    CreateMachineRequest request;
    request.name = u"web-05"_s;
    request.image = u"qemu/9000"_s;
    const auto created = createMachine(*provider, request);
    QCOMPARE(created->error().kind(), Error::BadRequest);
    QVERIFY2(
        created->error().message().contains(u"newid: value must have a minimum value of 100"_s),
        created->describe());
}

void TestProxmoxErrors::retriesAGatewayError()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, authorization);
    server.enqueue("GET", resourcesPath, FakeResponse::raw(503, "busy", "text/plain"));
    const auto provider = ProxmoxTesting::provider(server, 2);
    const auto listed = listMachines(*provider);
    QVERIFY2(listed->ok(), listed->describe());
    QCOMPARE(server.requests("GET", resourcesPath).size(), 2);
}

void TestProxmoxErrors::timesOut()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, authorization);
    ProviderErrorChecks::timesOut(scenario(server), u"/api2/json/version"_s,
                                  FakeResponse::file(u"proxmox/version.json"_s));
}

void TestProxmoxErrors::truncatedBody()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, authorization);
    ProviderErrorChecks::truncatedList(scenario(server),
                                       FakeResponse::file(u"proxmox/cluster_resources.json"_s));
}

void TestProxmoxErrors::wrongShapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::newRow("html") << QByteArray("<html>proxy error</html>") << false;
    QTest::newRow("array") << QByteArray("[]") << false;
    QTest::newRow("no data") << QByteArray(R"({"success": 1})") << false;
    QTest::newRow("data null") << QByteArray(R"({"data": null})") << false;
    QTest::newRow("empty cluster") << QByteArray(R"({"data": []})") << true;
    QTest::newRow("template as string")
        << QByteArray(R"({"data": [{"id": "qemu/300", "type": "qemu", "vmid": "300", "node": "pve1",
                      "status": "stopped", "template": "1"}]})")
        << true;
}

void TestProxmoxErrors::wrongShapes()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    FakeCloudServer server;
    QVERIFY(server.listen());
    FakeProxmox cluster(server, authorization);
    ProviderErrorChecks::wrongShape(scenario(server), body, valid, [](const Machine &machine) {
        QVERIFY(ProxmoxRequests::guestId(machine.id));
        QCOMPARE(machine.state, MachineState::Template);
    });
}

void TestProxmoxErrors::tlsSelfSignedRefusedThenPinnedThenChanged()
{
    const TestCertificate proxmox = makeSelfSignedCertificate(u"pve1.lab"_s);
    const TestCertificate other = makeSelfSignedCertificate(u"pve1.lab"_s);
    QVERIFY(!proxmox.isNull() && !other.isNull());
    FakeCloudServer server;
    QVERIFY(server.listenTls(proxmox.certificate, proxmox.key));
    FakeProxmox cluster(server, authorization);
    Account account = ProxmoxTesting::account(server);
    QCOMPARE(account.endpoint.scheme(), u"https"_s);

    // First contact: refused, the fingerprint offered for pinning, no request (and no token) sent.
    const auto unpinned = ProxmoxTesting::provider(account);
    const auto refused = verify(*unpinned);
    QCOMPARE(refused->error().kind(), Error::Tls);
    QCOMPARE(refused->error().peerCertificateSha256(), proxmox.sha256());
    QVERIFY2(refused->error().message().contains(QString::fromLatin1(proxmox.sha256())),
             refused->describe());
    QCOMPARE(server.requestCount(), 0);

    // Pinned, as the add-account form or `--pin-cert` stores it: accepted.
    account.pinnedCertificateSha256 = proxmox.sha256();
    const auto pinned = ProxmoxTesting::provider(account);
    const auto accepted = verify(*pinned);
    QVERIFY2(accepted->ok(), accepted->describe());
    const auto listed = listMachines(*pinned);
    QVERIFY2(listed->ok(), listed->describe());
    QCOMPARE(listed->result->value().size(), 9);

    // The node now presents another certificate: refused as a change, nothing sent.
    server.setCertificate(other.certificate, other.key);
    server.disconnectAll();
    QTRY_COMPARE(server.openConnectionCount(), 0);
    const int before = server.requestCount();
    const auto changed = verify(*ProxmoxTesting::provider(account));
    QCOMPARE(changed->error().kind(), Error::Tls);
    QCOMPARE(changed->error().peerCertificateSha256(), other.sha256());
    QVERIFY2(changed->error().message().contains(u"has changed"_s), changed->describe());
    QCOMPARE(server.requestCount(), before);
    QVERIFY(cluster.violations().isEmpty());
}

QTEST_GUILESS_MAIN(TestProxmoxErrors)
#include "tst_proxmoxerrors.moc"
