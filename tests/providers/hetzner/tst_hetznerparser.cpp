// HetznerParser and HetznerCatalogParser against fixtures written from Hetzner's API reference
// (docs.hetzner.cloud): every field we map, every server status, and replies of the wrong shape.
#include "hetznercatalogparser.h"
#include "hetznerparser.h"
#include "hetznerrequests.h"
#include "httpresponse.h"
#include "resourceid.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QTest>

namespace {
QJsonObject fixture(const QString &name)
{
    return readJsonFixture(QStringLiteral("hetzner/") + name).object();
}

QJsonObject firstServer(const QString &page)
{
    return fixture(page).value(QLatin1String("servers")).toArray().first().toObject();
}

HttpResponse response(int status, const QByteArray &body,
                      QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    HttpResponse result;
    result.status = status;
    result.body = body;
    result.headers = std::move(headers);
    return result;
}
} // namespace

class TestHetznerParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverWithEveryField()
    {
        const auto machines = HetznerParser::servers(fixture(QStringLiteral("servers_page1.json")));
        QVERIFY2(machines.ok(), qPrintable(machines.error().message()));
        QCOMPARE(machines.value().size(), 2);
        const Machine &web = machines.value().at(0);
        QCOMPARE(web.providerId, QStringLiteral("hetzner"));
        QCOMPARE(web.id, QStringLiteral("42"));
        QCOMPARE(web.name, QStringLiteral("web-1"));
        QCOMPARE(web.state, MachineState::Running);
        QCOMPARE(web.providerState, QStringLiteral("running"));
        QCOMPARE(web.region, QStringLiteral("fsn1"));
        QCOMPARE(web.extra.value(QStringLiteral("regionName")).toString(),
                 QStringLiteral("Falkenstein"));
        QCOMPARE(web.size, QStringLiteral("cpx11"));
        QCOMPARE(web.vcpus, 2);
        QCOMPARE(web.memoryMb, 2048);
        QCOMPARE(web.diskGb, 40);
        // Gross, the fsn1 entry of server_type.prices.
        QVERIFY(web.pricePerMonth.has_value());
        QCOMPARE(*web.pricePerMonth, 5.6525);
        QCOMPARE(*web.pricePerHour, 0.009044);
        QCOMPARE(web.extra.value(QStringLiteral("pricePerMonthNet")).toDouble(), 4.75);
        QCOMPARE(web.image, QStringLiteral("Ubuntu 24.04"));
        QCOMPARE(web.extra.value(QStringLiteral("imageName")).toString(),
                 QStringLiteral("ubuntu-24.04"));
        QCOMPARE(web.publicIpv4, QStringList {QStringLiteral("46.62.147.153")});
        // The /64 becomes its ::1 address (what ssh takes); the network is kept beside it.
        QCOMPARE(web.publicIpv6, QStringList {QStringLiteral("2a01:4f9:c012:fa81::1")});
        QCOMPARE(web.extra.value(QStringLiteral("ipv6Network")).toString(),
                 QStringLiteral("2a01:4f9:c012:fa81::/64"));
        QCOMPARE(web.privateIpv4,
                 (QStringList {QStringLiteral("10.0.0.2"), QStringLiteral("10.0.0.3"),
                               QStringLiteral("10.0.0.4")}));
        QVERIFY(web.privateIpv6.isEmpty());
        QCOMPARE(web.tags, (QStringList {QStringLiteral("env=prod"), QStringLiteral("monitoring"),
                                         QStringLiteral("team=web")}));
        QCOMPARE(web.createdAt, QDateTime(QDate(2025, 12, 15), QTime(15, 22, 19), Qt::UTC));
        QCOMPARE(web.extra.value(QStringLiteral("floatingIpCount")).toInt(), 1);
        QCOMPARE(web.primaryIp(), QStringLiteral("46.62.147.153"));
    }

    void serverWithNullIpsAndNoImage()
    {
        // Servers may have no public IPv4/IPv6 (Primary IPs) and no image (installed from an ISO):
        // a valid machine, not an error.
        const auto machines = HetznerParser::servers(fixture(QStringLiteral("servers_page1.json")));
        QVERIFY(machines.ok());
        const Machine &db = machines.value().at(1);
        QCOMPARE(db.state, MachineState::Stopped);
        QCOMPARE(db.providerState, QStringLiteral("off"));
        QVERIFY(db.publicIpv4.isEmpty());
        QVERIFY(db.publicIpv6.isEmpty());
        QVERIFY(!db.extra.contains(QStringLiteral("ipv6Network")));
        QCOMPARE(db.privateIpv4, QStringList {QStringLiteral("10.0.0.5")});
        QCOMPARE(db.primaryIp(), QStringLiteral("10.0.0.5"));
        QVERIFY(db.image.isEmpty());
        QCOMPARE(db.region, QStringLiteral("nbg1"));
        QCOMPARE(*db.pricePerMonth, 5.6525);
        QCOMPARE(db.diskGb, 80); // primary_disk_size, not the type's 40
        QCOMPARE(db.createdAt, QDateTime(QDate(2025, 12, 16), QTime(8, 1), Qt::UTC));
    }

    void serverFromOlderReplyWithDatacenter()
    {
        // Before 2026-07-01 servers had "datacenter" (with the location inside) instead of
        // "location"; such replies still give the region.
        const auto machines = HetznerParser::servers(fixture(QStringLiteral("servers_page2.json")));
        QVERIFY(machines.ok());
        const Machine &builder = machines.value().at(0);
        QCOMPARE(builder.region, QStringLiteral("hel1"));
        QCOMPARE(builder.extra.value(QStringLiteral("datacenter")).toString(),
                 QStringLiteral("hel1-dc2"));
        QCOMPARE(builder.state, MachineState::Pending);
        QCOMPARE(builder.memoryMb, 4096);
        QCOMPARE(*builder.pricePerMonth, 4.5101);
        QCOMPARE(builder.extra.value(QStringLiteral("architecture")).toString(),
                 QStringLiteral("arm"));
        // The reference's own sample time has no seconds: "2016-01-30T23:50+00:00".
        QCOMPARE(builder.createdAt, QDateTime(QDate(2016, 1, 30), QTime(23, 50), Qt::UTC));
        QCOMPARE(builder.publicIpv6, QStringList {QStringLiteral("2001:db8::1")});
    }

    void serverPricedInItsOwnLocation()
    {
        const Machine us =
            HetznerParser::server(firstServer(QStringLiteral("servers_page3.json"))).value();
        QCOMPARE(us.region, QStringLiteral("ash"));
        QCOMPARE(*us.pricePerMonth, 8.99); // the ash entry, not fsn1's 9.5081
        QCOMPARE(*us.pricePerHour, 0.0144);
        QCOMPARE(us.image, QStringLiteral("web-1 before upgrade")); // a snapshot: its description
        QVERIFY(us.publicIpv6.isEmpty());
    }

    void everyStatus_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<MachineState::State>("state");
        QTest::newRow("running") << "running" << MachineState::Running;
        QTest::newRow("initializing") << "initializing" << MachineState::Pending;
        QTest::newRow("starting") << "starting" << MachineState::Starting;
        QTest::newRow("stopping") << "stopping" << MachineState::Stopping;
        QTest::newRow("off") << "off" << MachineState::Stopped;
        QTest::newRow("deleting") << "deleting" << MachineState::Stopping;
        QTest::newRow("migrating") << "migrating" << MachineState::Pending;
        QTest::newRow("rebuilding") << "rebuilding" << MachineState::Pending;
        QTest::newRow("unknown") << "unknown" << MachineState::Unknown;
        QTest::newRow("new word") << "hibernating" << MachineState::Unknown;
        QTest::newRow("empty") << "" << MachineState::Unknown;
    }
    void everyStatus()
    {
        QFETCH(QString, status);
        QFETCH(MachineState::State, state);
        QJsonObject server = firstServer(QStringLiteral("servers_page1.json"));
        server.insert(QStringLiteral("status"), status);
        const auto machine = HetznerParser::server(server);
        QVERIFY(machine.ok());
        QCOMPARE(machine.value().state, state);
        QCOMPARE(machine.value().providerState, status); // Hetzner's own word is kept
        QCOMPARE(HetznerParser::state(status), state);
    }

    void ipv6HostAddress_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("address");
        QTest::newRow("documentation /64") << "2001:db8::/64"
                                           << "2001:db8::1";
        QTest::newRow("real /64") << "2a01:4f8:c17:abcd::/64"
                                  << "2a01:4f8:c17:abcd::1";
        QTest::newRow("already an address") << "2001:db8::5"
                                            << "2001:db8::5";
        QTest::newRow("ipv4 network") << "1.2.3.4/32"
                                      << "";
        QTest::newRow("ipv4 address") << "1.2.3.4"
                                      << "";
        QTest::newRow("garbage") << "not-an-ip/64"
                                 << "";
        QTest::newRow("bad prefix") << "2001:db8::/abc"
                                    << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void ipv6HostAddress()
    {
        QFETCH(QString, given);
        QFETCH(QString, address);
        QCOMPARE(HetznerParser::ipv6HostAddress(given), address);
    }

    void labelsAndTags()
    {
        const QJsonObject labels {{QStringLiteral("env"), QStringLiteral("prod")},
                                  {QStringLiteral("example.com/my"), QStringLiteral("label")},
                                  {QStringLiteral("just-a-key"), QString()}};
        const QStringList tags = HetznerParser::tags(labels);
        QCOMPARE(tags,
                 (QStringList {QStringLiteral("env=prod"), QStringLiteral("example.com/my=label"),
                               QStringLiteral("just-a-key")}));
        QCOMPARE(HetznerRequests::labels(tags), labels);
        QVERIFY(HetznerParser::tags(QJsonValue(QStringLiteral("env=prod"))).isEmpty());
        // A value that is not a string counts as empty rather than being invented.
        QCOMPARE(HetznerParser::tags(QJsonObject {{QStringLiteral("n"), 3}}),
                 QStringList {QStringLiteral("n")});
    }

    void pagination()
    {
        const auto page1 =
            HetznerParser::nextPage(fixture(QStringLiteral("servers_page1.json")), 1);
        QVERIFY(page1.ok());
        QCOMPARE(page1.value(), std::optional<int>(2));
        const auto last = HetznerParser::nextPage(fixture(QStringLiteral("servers_page3.json")), 3);
        QVERIFY(last.ok());
        QVERIFY(!last.value().has_value());
        QCOMPARE(HetznerParser::totalEntries(fixture(QStringLiteral("servers_page1.json"))),
                 std::optional<qint64>(5));
        // No meta at all: everything is on this page.
        const auto bare =
            HetznerParser::nextPage(QJsonObject {{QStringLiteral("servers"), QJsonArray()}}, 1);
        QVERIFY(bare.ok() && !bare.value());
        QVERIFY(!HetznerParser::totalEntries({}).has_value());
    }

    void paginationOfTheWrongShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("meta a string") << QByteArray(R"({"meta": "page 2"})");
        QTest::newRow("pagination an array") << QByteArray(R"({"meta": {"pagination": [2]}})");
        QTest::newRow("next_page text")
            << QByteArray(R"({"meta": {"pagination": {"next_page": "x"}}})");
        QTest::newRow("next_page zero")
            << QByteArray(R"({"meta": {"pagination": {"next_page": 0}}})");
        QTest::newRow("next_page object")
            << QByteArray(R"({"meta": {"pagination": {"next_page": {"n": 2}}}})");
        QTest::newRow("loops back") << QByteArray(R"({"meta": {"pagination": {"next_page": 1}}})");
    }
    void paginationOfTheWrongShape()
    {
        QFETCH(QByteArray, body);
        const auto next =
            HetznerParser::nextPage(QJsonDocument::fromJson(body).object(), /*currentPage*/ 1);
        QVERIFY(!next.ok());
        QCOMPARE(next.error().kind(), Error::InvalidReply);
        QVERIFY(!next.error().message().isEmpty());
    }

    void actions()
    {
        const auto running = HetznerParser::action(fixture(QStringLiteral("action_running.json")));
        QVERIFY(running.ok());
        QCOMPARE(running.value().id, 13);
        QCOMPARE(running.value().status, QStringLiteral("running"));
        QCOMPARE(running.value().command, QStringLiteral("start_server"));
        const auto failed = HetznerParser::action(fixture(QStringLiteral("action_error.json")));
        QVERIFY(failed.ok());
        QCOMPARE(failed.value().status, QStringLiteral("error"));
        QCOMPARE(failed.value().errorCode, QStringLiteral("action_failed"));
        QCOMPARE(failed.value().errorMessage,
                 QStringLiteral("Server could not be started: host maintenance"));
        for (const char *body :
             {R"({})", R"({"action": "running"})", R"({"action": {"id": 1}})",
              R"({"action": {"status": "running"}})", R"({"action": {"id": "x", "status": 5}})",
              R"({"action": {"id": "x", "status": "running"}})"}) {
            const auto bad = HetznerParser::action(QJsonDocument::fromJson(body).object());
            QVERIFY2(!bad.ok(), body);
            QCOMPARE(bad.error().kind(), Error::InvalidReply);
        }
    }

    void createdServer()
    {
        const auto machine =
            HetznerParser::createdServer(fixture(QStringLiteral("server_create.json")));
        QVERIFY(machine.ok());
        QCOMPARE(machine.value().id, QStringLiteral("47"));
        QCOMPARE(machine.value().state, MachineState::Pending);
        QCOMPARE(machine.value().tags,
                 (QStringList {QStringLiteral("env=dev"), QStringLiteral("temp")}));
        QCOMPARE(machine.value().extra.value(QStringLiteral("createActionId")).toString(),
                 QStringLiteral("1337"));
        QVERIFY(!HetznerParser::createdServer(
                     QJsonObject {{QStringLiteral("server"), QStringLiteral("new-1")}})
                     .ok());
    }

    void serversOfTheWrongShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("servers a string") << QByteArray(R"({"servers": "web-1"})");
        QTest::newRow("servers an object") << QByteArray(R"({"servers": {"id": 1}})");
        QTest::newRow("servers missing") << QByteArray(R"({"server": []})");
        QTest::newRow("server a string") << QByteArray(R"({"servers": ["web-1"]})");
        QTest::newRow("server null") << QByteArray(R"({"servers": [null]})");
        QTest::newRow("server without id") << QByteArray(R"({"servers": [{"name": "web-1"}]})");
        QTest::newRow("id an object") << QByteArray(R"({"servers": [{"id": {"n": 1}}]})");
        QTest::newRow("id fractional") << QByteArray(R"({"servers": [{"id": 1.5}]})");
        QTest::newRow("id a word") << QByteArray(R"({"servers": [{"id": "garbage"}]})");
        QTest::newRow("id negative") << QByteArray(R"({"servers": [{"id": -43}]})");
    }
    void serversOfTheWrongShape()
    {
        QFETCH(QByteArray, body);
        const auto machines = HetznerParser::servers(QJsonDocument::fromJson(body).object());
        QVERIFY(!machines.ok());
        QCOMPARE(machines.error().kind(), Error::InvalidReply);
        QVERIFY(machines.error().message().contains(QStringLiteral("documented form")));
    }

    void nestedFieldsOfTheWrongShapeFailTheServer_data()
    {
        // Reading any of these as "empty" would wipe what CloudDeck already knows of the server
        // (its addresses, region, size): the reply is refused instead.
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("public_net a string")
            << "public_net" << QJsonValue(QStringLiteral("1.2.3.4"));
        QTest::newRow("public_net missing") << "public_net" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("public_net null") << "public_net" << QJsonValue(QJsonValue::Null);
        QTest::newRow("ipv4 a string")
            << "public_net"
            << QJsonValue(QJsonObject {{QStringLiteral("ipv4"), QStringLiteral("1.2.3.4")},
                                       {QStringLiteral("ipv6"), QJsonValue::Null}});
        QTest::newRow("ipv4 without ip")
            << "public_net"
            << QJsonValue(
                   QJsonObject {{QStringLiteral("ipv4"), QJsonObject {{QStringLiteral("id"), 1}}},
                                {QStringLiteral("ipv6"), QJsonValue::Null}});
        QTest::newRow("ipv6 not a network")
            << "public_net"
            << QJsonValue(
                   QJsonObject {{QStringLiteral("ipv4"), QJsonValue::Null},
                                {QStringLiteral("ipv6"),
                                 QJsonObject {{QStringLiteral("ip"), QStringLiteral("x/64")}}}});
        QTest::newRow("private_net an object") << "private_net" << QJsonValue(QJsonObject());
        QTest::newRow("private_net missing") << "private_net" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("private ip missing")
            << "private_net"
            << QJsonValue(QJsonArray {QJsonObject {{QStringLiteral("network"), 1}}});
        QTest::newRow("alias_ips a string")
            << "private_net"
            << QJsonValue(
                   QJsonArray {QJsonObject {{QStringLiteral("ip"), QStringLiteral("10.0.0.2")},
                                            {QStringLiteral("alias_ips"), QStringLiteral("x")}}});
        QTest::newRow("server_type a string")
            << "server_type" << QJsonValue(QStringLiteral("cpx11"));
        QTest::newRow("location a number") << "location" << QJsonValue(7);
        QTest::newRow("image a string") << "image" << QJsonValue(QStringLiteral("ubuntu"));
        QTest::newRow("labels a list")
            << "labels" << QJsonValue(QJsonArray {QStringLiteral("env")});
    }
    void nestedFieldsOfTheWrongShapeFailTheServer()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject server = firstServer(QStringLiteral("servers_page1.json"));
        if (value.isUndefined())
            server.remove(field);
        else
            server.insert(field, value);
        const auto machine = HetznerParser::server(server);
        QVERIFY(!machine.ok());
        QCOMPARE(machine.error().kind(), Error::InvalidReply);
        QVERIFY2(machine.error().message().contains(QStringLiteral("server 42")),
                 qPrintable(machine.error().message()));
    }

    void absentOptionalFieldsAreEmpty()
    {
        // What the reference allows to be null or absent reads as "none": no public addresses
        // (Primary IPs), no image (an ISO install), no labels, no location at all.
        QJsonObject server = firstServer(QStringLiteral("servers_page1.json"));
        server.insert(QStringLiteral("public_net"),
                      QJsonObject {{QStringLiteral("ipv4"), QJsonValue::Null},
                                   {QStringLiteral("ipv6"), QJsonValue::Null},
                                   {QStringLiteral("floating_ips"), QJsonArray()}});
        server.insert(QStringLiteral("private_net"), QJsonArray());
        server.insert(QStringLiteral("image"), QJsonValue::Null);
        server.remove(QStringLiteral("labels"));
        server.remove(QStringLiteral("location"));
        server.insert(QStringLiteral("created"), QStringLiteral("yesterday"));
        const auto machine = HetznerParser::server(server);
        QVERIFY2(machine.ok(), qPrintable(machine.error().message()));
        QCOMPARE(machine.value().name, QStringLiteral("web-1"));
        QVERIFY(machine.value().publicIps().isEmpty());
        QVERIFY(machine.value().privateIps().isEmpty());
        QVERIFY(machine.value().image.isEmpty());
        QVERIFY(machine.value().tags.isEmpty());
        QVERIFY(machine.value().region.isEmpty());
        QVERIFY(!machine.value().pricePerMonth.has_value()); // no location, no price to pick
        QCOMPARE(machine.value().size, QStringLiteral("cpx11"));
        QVERIFY(!machine.value().createdAt.isValid());
    }

    void errorBody()
    {
        const auto error = HetznerParser::error(
            response(422, readFixture(QStringLiteral("hetzner/error_422.json"))));
        QCOMPARE(error.code, QStringLiteral("invalid_input"));
        QCOMPARE(error.message, QStringLiteral("invalid input in field 'name': is not a valid "
                                               "hostname"));
        const auto codeOnly =
            HetznerParser::error(response(409, R"({"error": {"code": "conflict"}})"));
        QCOMPARE(codeOnly.message, QStringLiteral("conflict"));
        for (const QByteArray &body :
             {QByteArray("<html>502 Bad Gateway</html>"), QByteArray(R"({"error": "boom"})"),
              QByteArray("[]"), QByteArray(R"({"error": {"code": 5}})"), QByteArray()}) {
            const auto empty = HetznerParser::error(response(500, body));
            QVERIFY(empty.code.isEmpty());
            QVERIFY(empty.message.isEmpty());
        }
    }

    void rateLimitPacesByTheRefill()
    {
        const QDateTime now(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
        const QByteArray fullAt = QByteArray::number(now.addSecs(3600).toSecsSinceEpoch());
        // Budget gone: Hetzner's reset is when it is full again (an hour away), but one request
        // is back after a second, so the next one waits about a second.
        const auto empty = HetznerParser::rateLimit(response(429, {},
                                                             {{"RateLimit-Limit", "3600"},
                                                              {"RateLimit-Remaining", "0"},
                                                              {"RateLimit-Reset", fullAt}}),
                                                    now);
        QVERIFY(empty.has_value());
        QCOMPARE(empty->limit, 3600);
        QCOMPARE(empty->remaining, 0);
        QCOMPARE(empty->reset, now.addSecs(1));
        QCOMPARE(empty->delayBeforeNextMs(now), 1000);
        // Plenty left: the real reset stands, and nothing is held.
        const QByteArray soon = QByteArray::number(now.addSecs(600).toSecsSinceEpoch());
        const auto plenty = HetznerParser::rateLimit(response(200, {},
                                                              {{"RateLimit-Limit", "3600"},
                                                               {"RateLimit-Remaining", "3000"},
                                                               {"RateLimit-Reset", soon}}),
                                                     now);
        QCOMPARE(plenty->reset, now.addSecs(600));
        QCOMPARE(plenty->delayBeforeNextMs(now), 0);
        // Running low: one request per refill interval.
        const auto low = HetznerParser::rateLimit(response(200, {},
                                                           {{"RateLimit-Limit", "3600"},
                                                            {"RateLimit-Remaining", "4"},
                                                            {"RateLimit-Reset", fullAt}}),
                                                  now);
        QCOMPARE(low->delayBeforeNextMs(now), 1000);
        QVERIFY(!HetznerParser::rateLimit(response(200, {}), now).has_value());
        const auto garbage = HetznerParser::rateLimit(
            response(200, {}, {{"RateLimit-Limit", "x"}, {"RateLimit-Remaining", "7"}}), now);
        QVERIFY(garbage.has_value());
        QCOMPARE(garbage->remaining, 7);
    }

    void locations()
    {
        const auto regions =
            HetznerCatalogParser::locations(fixture(QStringLiteral("locations_page1.json")));
        QVERIFY(regions.ok());
        QCOMPARE(regions.value().size(), 3);
        QCOMPARE(regions.value().at(0).id, QStringLiteral("fsn1"));
        QCOMPARE(regions.value().at(0).name, QStringLiteral("Falkenstein"));
        QCOMPARE(regions.value().at(0).country, QStringLiteral("DE"));
        QVERIFY(!HetznerCatalogParser::locations(
                     QJsonDocument::fromJson(R"({"locations": [{"id": 1}]})").object())
                     .ok());
    }

    void serverTypesOfferedWhereTheyHaveAPrice()
    {
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
        const auto sizes =
            HetznerCatalogParser::serverTypes(fixture(QStringLiteral("server_types.json")), now);
        QVERIFY2(sizes.ok(), qPrintable(sizes.error().message()));
        QCOMPARE(sizes.value().size(), 5);
        const Size &cpx11 = sizes.value().at(0);
        QCOMPARE(cpx11.id, QStringLiteral("cpx11"));
        QCOMPARE(cpx11.description, QStringLiteral("CPX11"));
        QCOMPARE(cpx11.vcpus, 2);
        QCOMPARE(cpx11.memoryMb, 2048);
        QCOMPARE(cpx11.diskGb, 40);
        // Priced in fsn1, nbg1 and hel1, but no longer available in hel1.
        QCOMPARE(cpx11.regions, (QStringList {QStringLiteral("fsn1"), QStringLiteral("nbg1")}));
        QCOMPARE(*cpx11.priceMonthly, 5.6525);
        QCOMPARE(*cpx11.priceHourly, 0.009044);
        QVERIFY(cpx11.available);
        const Size &cpx21 = sizes.value().at(2);
        QCOMPARE(cpx21.regions, (QStringList {QStringLiteral("ash"), QStringLiteral("fsn1")}));
        QCOMPARE(*cpx21.priceMonthly, 8.99); // the lowest of its locations
        const Size &cx22 = sizes.value().at(3);
        QVERIFY(cx22.regions.isEmpty()); // past its deprecation, unavailable everywhere
        QVERIFY(!cx22.available);
        const Size &cx11 = sizes.value().at(4); // an older reply without "locations"
        QCOMPARE(cx11.regions, QStringList {QStringLiteral("nbg1")});
        QCOMPARE(cx11.memoryMb, 512);
        QVERIFY(cx11.available);
        // Before cx22's unavailable_after only its locations entry (available: false) counts.
        const auto earlier =
            HetznerCatalogParser::serverTypes(fixture(QStringLiteral("server_types.json")),
                                              QDateTime(QDate(2025, 11, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(earlier.value().at(3).regions.isEmpty());
    }

    void images()
    {
        const auto system =
            HetznerCatalogParser::images(fixture(QStringLiteral("images_system.json")));
        QVERIFY(system.ok());
        // ubuntu-24.04 comes once per architecture; create takes the name for both.
        QCOMPARE(system.value().size(), 2);
        QCOMPARE(system.value().at(0).id, QStringLiteral("ubuntu-24.04"));
        QCOMPARE(system.value().at(0).name, QStringLiteral("Ubuntu 24.04"));
        QCOMPARE(system.value().at(0).distribution, QStringLiteral("ubuntu"));
        QCOMPARE(system.value().at(0).kind, QStringLiteral("distribution"));
        QCOMPARE(system.value().at(1).id, QStringLiteral("debian-13"));
        const auto own =
            HetznerCatalogParser::images(fixture(QStringLiteral("images_snapshot.json")));
        QVERIFY(own.ok());
        QCOMPARE(own.value().size(), 1); // the one still "creating" cannot be booted
        QCOMPARE(own.value().at(0).id, QStringLiteral("203442153"));
        QCOMPARE(own.value().at(0).name, QStringLiteral("web-1 before upgrade"));
        QCOMPARE(own.value().at(0).kind, QStringLiteral("snapshot"));
    }

    void sshKeys()
    {
        const auto keys = HetznerCatalogParser::sshKeys(fixture(QStringLiteral("ssh_keys.json")));
        QVERIFY(keys.ok());
        QCOMPARE(keys.value().size(), 2);
        QCOMPARE(keys.value().at(0).id, QStringLiteral("2323"));
        QCOMPARE(keys.value().at(0).name, QStringLiteral("laptop"));
        QCOMPARE(keys.value().at(0).fingerprint,
                 QStringLiteral("b7:2f:30:a0:2f:6c:58:6c:21:04:58:61:ba:06:3b:2f"));
        QVERIFY(keys.value().at(0).publicKey.startsWith(QStringLiteral("ssh-ed25519 ")));
        QVERIFY(
            !HetznerCatalogParser::sshKeys(QJsonDocument::fromJson(R"({"ssh_keys": "k"})").object())
                 .ok());
    }

    void createBody()
    {
        CreateMachineRequest request;
        request.name = QStringLiteral("new-1");
        request.region = QStringLiteral("fsn1");
        request.size = QStringLiteral("cpx11");
        request.image = QStringLiteral("ubuntu-24.04");
        request.sshKeys = {QStringLiteral("2323"), QStringLiteral("laptop")};
        request.tags = {QStringLiteral("env=dev"), QStringLiteral("temp")};
        request.userData = QStringLiteral("#cloud-config\npackages: [nginx]\n");
        request.extra.insert(QStringLiteral("networks"), QVariantList {456});
        request.extra.insert(QStringLiteral("not_an_option"), true);
        const auto body = HetznerRequests::createBody(request);
        QVERIFY(body.ok());
        QJsonObject expected =
            readJsonFixture(QStringLiteral("hetzner/create_request.json")).object();
        expected.insert(QStringLiteral("networks"), QJsonArray {456});
        QCOMPARE(body.value(), expected);
        // A snapshot by id: a string too, as the published description types "image".
        request.image = QStringLiteral("203442153");
        QCOMPARE(HetznerRequests::createBody(request).value().value(QLatin1String("image")),
                 QJsonValue(QStringLiteral("203442153")));
        for (QString CreateMachineRequest::*field :
             {&CreateMachineRequest::name, &CreateMachineRequest::size,
              &CreateMachineRequest::image}) {
            CreateMachineRequest incomplete = request;
            incomplete.*field = QStringLiteral("  ");
            const auto refused = HetznerRequests::createBody(incomplete);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind(), Error::InvalidInput);
        }
    }

    void ids()
    {
        QVERIFY(ResourceId::isValid(ResourceId::Numeric, QStringLiteral("42")));
        for (const char *id : {"", "0", "-1", "42a", "../42", "4 2", "1e3", "99999999999999999999"})
            QVERIFY2(!ResourceId::isValid(ResourceId::Numeric, QString::fromLatin1(id)), id);
        QCOMPARE(HetznerRequests::actionCommand(MachineAction::Start), QStringLiteral("poweron"));
        QCOMPARE(HetznerRequests::actionCommand(MachineAction::Shutdown),
                 QStringLiteral("shutdown"));
        QCOMPARE(HetznerRequests::actionCommand(MachineAction::PowerOff),
                 QStringLiteral("poweroff"));
        QCOMPARE(HetznerRequests::actionCommand(MachineAction::Reboot), QStringLiteral("reboot"));
        QVERIFY(HetznerRequests::actionCommand(MachineAction::Destroy).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHetznerParser)
#include "tst_hetznerparser.moc"
