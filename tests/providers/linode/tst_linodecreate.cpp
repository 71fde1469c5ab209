// LinodeProvider creating Linodes and listing what the create flow needs, against a fake Linode
// API: the request body Linode documents (with a random root password that is never logged),
// SSH keys looked up in the profile, and the catalogs of regions, types, images and keys.
#include "linodetesting.h"
#include "logcapture.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace LinodeTesting;

using namespace Qt::StringLiterals;

namespace {
const QString profileKey = QStringLiteral(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJrSa03j48EuW+I0kKSokg2scCRdihrPX243S1eeGl82 "
    "ops@example.com");
const QString literalKey = QStringLiteral(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvzOyD6BnX3pwXFkLoJHGwplQoys/ykH1CRBOVK2GKg laptop");

// Every log line written while a test runs, to prove a secret never reaches one.
CreateMachineRequest webServer()
{
    CreateMachineRequest request;
    request.name = QStringLiteral("web-01");
    request.region = QStringLiteral("us-east");
    request.size = QStringLiteral("g6-nanode-1");
    request.image = QStringLiteral("linode/debian12");
    request.sshKeys = {QStringLiteral("42"), literalKey};
    request.tags = {QStringLiteral("web")};
    request.userData = QStringLiteral("#cloud-config\npackages: [nginx]\n");
    return request;
}
} // namespace

class TestLinodeCreate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsALinode();
    void createsWithoutImageOrPassword();
    void refusesAnUnknownKey();
    void refusesIncompleteCreate();
    void listsRegions();
    void listsSizes();
    void listsImages();
    void listsSshKeys();
};

void TestLinodeCreate::createsALinode()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/profile/sshkeys"),
              FakeResponse::file(QStringLiteral("linode/sshkeys.json")));
    server.on("POST", QStringLiteral("/v4/linode/instances"),
              withRateLimit(FakeResponse::file(QStringLiteral("linode/instance-created.json"))));
    auto linode = provider(server);

    auto capture = std::make_unique<LogCapture>(QStringLiteral("clouddeck.*=true"));
    const auto outcome = createMachine(*linode, webServer());
    const QStringList log = capture->lines();
    capture.reset();
    QVERIFY2(outcome->ok(), outcome->describe());
    QVERIFY(!outcome->calledSynchronously);

    // The key id was looked up in the profile first, then the create request went out.
    QCOMPARE(server.requestCount(), 2);
    const RecordedRequest keys = server.requests().at(0);
    QCOMPARE(keys.path, QStringLiteral("/v4/profile/sshkeys"));
    QCOMPARE(keys.header("Authorization"), "Bearer " + token);
    const RecordedRequest create = server.requests().at(1);
    QCOMPARE(create.method, QByteArray("POST"));
    QCOMPARE(create.path, QStringLiteral("/v4/linode/instances"));
    QCOMPARE(create.header("Authorization"), "Bearer " + token);
    QCOMPARE(create.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = create.json();
    QStringList fields = body.keys();
    fields.sort();
    QCOMPARE(fields, QStringList({u"authorized_keys"_s, u"image"_s, u"label"_s, u"metadata"_s,
                                  u"region"_s, u"root_pass"_s, u"tags"_s, u"type"_s}));
    QCOMPARE(body.value(u"label").toString(), QStringLiteral("web-01"));
    QCOMPARE(body.value(u"region").toString(), QStringLiteral("us-east"));
    QCOMPARE(body.value(u"type").toString(), QStringLiteral("g6-nanode-1"));
    QCOMPARE(body.value(u"image").toString(), QStringLiteral("linode/debian12"));
    QCOMPARE(body.value(u"authorized_keys").toArray(),
             QJsonArray({profileKey, literalKey})); // key 42's public key, then the literal one
    QCOMPARE(body.value(u"tags").toArray(), QJsonArray({QStringLiteral("web")}));
    QCOMPARE(QByteArray::fromBase64(
                 body.value(u"metadata").toObject().value(u"user_data").toString().toLatin1()),
             QByteArray("#cloud-config\npackages: [nginx]\n"));

    // Linode requires a root password with an image: a strong random one, never logged.
    const QString rootPass = body.value(u"root_pass").toString();
    QCOMPARE(rootPass.size(), 32);
    QVERIFY(rootPass.contains(QRegularExpression(QStringLiteral("[A-Z]"))));
    QVERIFY(rootPass.contains(QRegularExpression(QStringLiteral("[a-z]"))));
    QVERIFY(rootPass.contains(QRegularExpression(QStringLiteral("[0-9]"))));
    QVERIFY(rootPass.contains(QRegularExpression(QStringLiteral("[^A-Za-z0-9]"))));
    QVERIFY(!log.isEmpty()); // the capture worked
    for (const QString &line : std::as_const(log))
        QVERIFY2(!line.contains(rootPass), qPrintable(line));
    QVERIFY(!outcome->result->value().extra.contains(QStringLiteral("root_pass")));

    const Machine &machine = outcome->result->value();
    QCOMPARE(machine.id, QStringLiteral("9001"));
    QCOMPARE(machine.name, QStringLiteral("web-01"));
    QCOMPARE(machine.state, MachineState::Pending);
    QCOMPARE(machine.providerState, QStringLiteral("provisioning"));
    QCOMPARE(machine.publicIpv4, QStringList {u"203.0.113.50"_s});

    // Each Linode gets its own password.
    const auto again = createMachine(*linode, webServer());
    QVERIFY2(again->ok(), again->describe());
    const QString secondPass = server.lastRequest().json().value(u"root_pass").toString();
    QCOMPARE(secondPass.size(), 32);
    QVERIFY(secondPass != rootPass);
}

void TestLinodeCreate::createsWithoutImageOrPassword()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("POST", QStringLiteral("/v4/linode/instances"),
              FakeResponse::file(QStringLiteral("linode/instance-created.json")));
    auto linode = provider(server);
    CreateMachineRequest request;
    request.region = QStringLiteral("us-east");
    request.size = QStringLiteral("g6-nanode-1");
    request.sshKeys = {literalKey}; // a key line needs no lookup
    const auto outcome = createMachine(*linode, request);
    QVERIFY2(outcome->ok(), outcome->describe());
    QCOMPARE(server.requestCount(), 1);
    const QJsonObject body = server.lastRequest().json();
    QStringList fields = body.keys();
    fields.sort();
    QCOMPARE(fields, QStringList({u"authorized_keys"_s, u"region"_s, u"type"_s}));
}

void TestLinodeCreate::refusesAnUnknownKey()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/profile/sshkeys"),
              FakeResponse::file(QStringLiteral("linode/sshkeys.json")));
    auto linode = provider(server);
    CreateMachineRequest request = webServer();
    request.sshKeys = {QStringLiteral("ci"), QStringLiteral("no-such-key")}; // by label
    const auto outcome = createMachine(*linode, request);
    QVERIFY(outcome->result);
    QCOMPARE(outcome->error().kind(), Error::InvalidInput);
    QVERIFY2(outcome->error().message().contains(QStringLiteral("no-such-key")),
             outcome->describe());
    QCOMPARE(server.requests("POST", QStringLiteral("/v4/linode/instances")).size(), 0);
}

void TestLinodeCreate::refusesIncompleteCreate()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    auto linode = provider(server);
    CreateMachineRequest request = webServer();
    request.region.clear();
    const auto outcome = createMachine(*linode, request);
    QVERIFY(outcome->result);
    QVERIFY(!outcome->calledSynchronously);
    QCOMPARE(outcome->error().kind(), Error::InvalidInput);
    QCOMPARE(server.requestCount(), 0);
}

void TestLinodeCreate::listsRegions()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/regions"),
              FakeResponse::file(QStringLiteral("linode/regions.json")));
    auto linode = provider(server);
    const auto outcome = listRegions(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    const QList<Region> regions = outcome->result->value();
    QCOMPARE(regions.size(), 4);
    QCOMPARE(regions.at(0).id, QStringLiteral("us-east"));
    QCOMPARE(regions.at(0).name, QStringLiteral("Newark, NJ, USA"));
    QCOMPARE(regions.at(0).country, QStringLiteral("US"));
    QVERIFY(regions.at(0).available);
    QVERIFY(regions.at(1).available);
    QVERIFY(!regions.at(2).available); // "status": "outage"
    QVERIFY(!regions.at(3).available); // no "Linodes" capability
    const RecordedRequest request = server.lastRequest();
    QCOMPARE(request.query.queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
    QCOMPARE(request.query.queryItemValue(QStringLiteral("page_size")), QStringLiteral("500"));
    QCOMPARE(request.header("Authorization"), "Bearer " + token);
}

void TestLinodeCreate::listsSizes()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/linode/types"),
              FakeResponse::file(QStringLiteral("linode/types.json")));
    auto linode = provider(server);
    const auto outcome = listSizes(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    const QList<Size> sizes = outcome->result->value();
    QCOMPARE(sizes.size(), 4);
    const Size &nanode = sizes.at(0);
    QCOMPARE(nanode.id, QStringLiteral("g6-nanode-1"));
    QCOMPARE(nanode.description, QStringLiteral("Nanode 1GB"));
    QCOMPARE(nanode.vcpus, 1);
    QCOMPARE(nanode.memoryMb, 1024);
    QCOMPARE(nanode.diskGb, 25);
    QCOMPARE(nanode.priceMonthly, std::optional<double>(5));
    QCOMPARE(nanode.priceHourly, std::optional<double>(0.0075));
    QVERIFY(nanode.available);
    QVERIFY(nanode.regions.isEmpty()); // every region
    QCOMPARE(server.lastRequest().path, QStringLiteral("/v4/linode/types"));
}

void TestLinodeCreate::listsImages()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/images"),
              FakeResponse::file(QStringLiteral("linode/images.json")));
    auto linode = provider(server);
    const auto outcome = listImages(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    const QList<Image> images = outcome->result->value();
    QCOMPARE(images.size(), 3); // "private/16" is still being captured
    QCOMPARE(images.at(0).id, QStringLiteral("linode/debian12"));
    QCOMPARE(images.at(0).name, QStringLiteral("Debian 12"));
    QCOMPARE(images.at(0).distribution, QStringLiteral("Debian"));
    QCOMPARE(images.at(0).kind, QStringLiteral("distribution"));
    QCOMPARE(images.at(2).id, QStringLiteral("private/15"));
    QCOMPARE(images.at(2).kind, QStringLiteral("custom"));
    QCOMPARE(images.at(2).regions, QStringList({u"us-east"_s, u"br-gru"_s}));
    // Authenticated, so Linode includes the account's own images.
    QCOMPARE(server.lastRequest().header("Authorization"), "Bearer " + token);
}

void TestLinodeCreate::listsSshKeys()
{
    FakeCloudServer server;
    QVERIFY(server.listen());
    server.on("GET", QStringLiteral("/v4/profile/sshkeys"),
              FakeResponse::file(QStringLiteral("linode/sshkeys.json")));
    auto linode = provider(server);
    const auto outcome = listSshKeys(*linode);
    QVERIFY2(outcome->ok(), outcome->describe());
    const QList<SshKey> keys = outcome->result->value();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).id, QStringLiteral("42"));
    QCOMPARE(keys.at(0).name, QStringLiteral("ops"));
    QCOMPARE(keys.at(0).publicKey, profileKey);
    // As "ssh-keygen -l" prints them.
    QCOMPARE(keys.at(0).fingerprint,
             QStringLiteral("SHA256:eyV579JWcVqhyeWqsDcP//hSwjPpMv/4DpVn9nV0HYk"));
    QCOMPARE(keys.at(1).fingerprint,
             QStringLiteral("SHA256:4r/L9XR6bpaBfWK8BGAcKK4QeZG+ieOPME0NXT9llpQ"));
}

QTEST_GUILESS_MAIN(TestLinodeCreate)
#include "tst_linodecreate.moc"
