// The helpers every provider shares (core/provider): ResourceId, BearerToken, JsonCall,
// PageNumberList and PagedList's stated-total check, against the local FakeCloudServer.
#include "bearertoken.h"
#include "httpclienttesting.h"
#include "jsoncall.h"
#include "jsonreader.h"
#include "numberedpages.h"
#include "pagenumberlist.h"
#include "resourceid.h"

#include <QJsonArray>


using namespace NumberedPages;

class TestProviderHelpers : public HttpClientTestCase
{
    Q_OBJECT

    PageNumberList::Paging paging(int pageSize) const
    {
        return {QStringLiteral("per_page"), pageSize, &nextNumber, &statedTotal};
    }

    void servePages(int pages, int perPage, std::optional<qint64> total)
    {
        m_server->on("GET", QStringLiteral("/things"), [=](const RecordedRequest &request) {
            const int number = request.query.queryItemValue(QStringLiteral("page")).toInt();
            return FakeResponse::json(page(number, pages, perPage, total));
        });
    }

private Q_SLOTS:
    void numericIds()
    {
        for (const char *id : {"1", "42", "123456789012345678"})
            QVERIFY2(ResourceId::isValid(ResourceId::Numeric, QString::fromLatin1(id)), id);
        for (const char *id : {"", "0", "007", "-1", "+1", "42a", "../42", "4 2", "1e3", "４２",
                               "1234567890123456789"})
            QVERIFY2(!ResourceId::isValid(ResourceId::Numeric, QString::fromLatin1(id)), id);
    }

    void uuidIds()
    {
        QVERIFY(ResourceId::isValid(ResourceId::Uuid,
                                    QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60")));
        QVERIFY(ResourceId::isValid(ResourceId::Uuid,
                                    QStringLiteral("CB676A46-66FD-4DFB-B839-443F2E6C0B60")));
        for (const char *id : {"", "42", "cb676a46-66fd-4dfb-b839-443f2e6c0b6",
                               "cb676a46-66fd-4dfb-b839-443f2e6c0b600",
                               "cb676a4666fd-4dfb-b839-443f2e6c0b60-",
                               "cb676a46-66fd-4dfb-b839-443f2e6c0b6g",
                               "../76a46-66fd-4dfb-b839-443f2e6c0b60"})
            QVERIFY2(!ResourceId::isValid(ResourceId::Uuid, QString::fromLatin1(id)), id);
    }

    void opaqueIds()
    {
        for (const char *id : {"i-0abc123def4567890", "web.1", "a_b~c", "0"})
            QVERIFY2(ResourceId::isValid(ResourceId::Opaque, QString::fromLatin1(id)), id);
        for (const char *id : {"", ".", "..", "a/b", "a?b", "a#b", "a%2Fb", "a b", "é"})
            QVERIFY2(!ResourceId::isValid(ResourceId::Opaque, QString::fromUtf8(id)), id);
        QVERIFY(!ResourceId::isValid(ResourceId::Opaque, QString(256, u'a')));
        QVERIFY(ResourceId::isValid(ResourceId::Opaque, QString(255, u'a')));
    }

    void checkSaysWhatIsWrong()
    {
        QVERIFY(ResourceId::check(ResourceId::Numeric, QStringLiteral("42"), QStringLiteral("x"))
                    .ok());
        const Result<void> refused = ResourceId::check(
            ResourceId::Numeric, QStringLiteral("../account"), QStringLiteral("droplet id"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind(), Error::InvalidInput);
        QVERIFY2(refused.error().message().contains(QLatin1String("\"../account\"")),
                 qPrintable(refused.error().message()));
        QVERIFY(refused.error().message().contains(QLatin1String("droplet id")));
    }

    void bearerTokenOnEveryRequest()
    {
        m_server->on("GET", QStringLiteral("/me"),
                     FakeResponse::json(QJsonObject {{QStringLiteral("name"), QStringLiteral("ops")}}));
        m_server->on("GET", QStringLiteral("/denied"),
                     FakeResponse::json(QJsonObject {{QStringLiteral("code"), QStringLiteral("nope")},
                                                     {QStringLiteral("text"),
                                                      QStringLiteral("Token revoked.")}},
                                        401));
        m_server->on("GET", QStringLiteral("/html"),
                     FakeResponse::raw(503, "<html>proxy</html>", "text/html"));
        HttpClient http;
        http.setRetryPolicy({0, 1, 1, 1}); // the 503 is not retried
        BearerToken::install(&http, QStringLiteral("s3cr3t"),
                             BearerToken::jsonErrors([](const QJsonObject &body) {
                                 return HttpClient::ProviderError {
                                     body.value(QLatin1String("code")).toString(),
                                     body.value(QLatin1String("text")).toString()};
                             }));
        QVERIFY(sendAndWait(http, HttpRequest::get(m_server->url(QStringLiteral("/me")))).ok());
        QCOMPARE(m_server->requests().last().header("Authorization"), QByteArray("Bearer s3cr3t"));

        const Result<HttpResponse> denied =
            sendAndWait(http, HttpRequest::get(m_server->url(QStringLiteral("/denied"))));
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().kind(), Error::Auth);
        QCOMPARE(denied.error().providerCode(), QStringLiteral("nope"));
        QVERIFY2(denied.error().message().contains(QLatin1String("Token revoked.")),
                 qPrintable(denied.error().message()));

        // A body that is not JSON gives no provider words: the status speaks.
        const Result<HttpResponse> html =
            sendAndWait(http, HttpRequest::get(m_server->url(QStringLiteral("/html"))));
        QVERIFY(!html.ok());
        QCOMPARE(html.error().kind(), Error::Server);
        QVERIFY(html.error().providerCode().isEmpty());
        QVERIFY(!html.error().message().contains(QLatin1String("proxy")));
    }

    void jsonCallParsesOrFails()
    {
        m_server->on("GET", QStringLiteral("/me"),
                     FakeResponse::json(QJsonObject {{QStringLiteral("name"), QStringLiteral("ops")}}));
        m_server->on("GET", QStringLiteral("/broken"), FakeResponse::raw(200, "{\"name\":"));
        m_server->on("GET", QStringLiteral("/gone"), FakeResponse::raw(404, "{}"));
        const JsonCall::Parser<QString> name = [](const QJsonObject &reply) -> Result<QString> {
            const QString value = reply.value(QLatin1String("name")).toString();
            if (value.isEmpty())
                return JsonReader::shapeError(QStringLiteral("no name"));
            return value;
        };

        Outcome<QString> ok;
        JsonCall::send(m_client.get(), HttpRequest::get(m_server->url(QStringLiteral("/me"))), name,
                       ok.callback());
        QCOMPARE(ok.calls, 0); // never from inside the call
        QVERIFY(ok.wait());
        QVERIFY2(ok.result->ok(), qPrintable(ok.error().message()));
        QCOMPARE(ok.result->value(), QStringLiteral("ops"));

        Outcome<QString> broken;
        JsonCall::send(m_client.get(), HttpRequest::get(m_server->url(QStringLiteral("/broken"))),
                       name, broken.callback());
        QVERIFY(broken.wait());
        QCOMPARE(broken.error().kind(), Error::InvalidReply);

        Outcome<QString> gone;
        JsonCall::send(m_client.get(), HttpRequest::get(m_server->url(QStringLiteral("/gone"))),
                       name, gone.callback());
        QVERIFY(gone.wait());
        QCOMPARE(gone.error().kind(), Error::NotFound);
        QCOMPARE(gone.calls, 1);

        // The parser's own error, for a well-formed reply of the wrong shape.
        m_server->on("GET", QStringLiteral("/nameless"), FakeResponse::json(QJsonObject {}));
        Outcome<QString> nameless;
        JsonCall::send(m_client.get(),
                       HttpRequest::get(m_server->url(QStringLiteral("/nameless"))), name,
                       nameless.callback());
        QVERIFY(nameless.wait());
        QCOMPARE(nameless.error().kind(), Error::InvalidReply);
        QVERIFY(nameless.error().message().contains(QLatin1String("no name")));
    }

    void jsonCallWithoutBody()
    {
        m_server->on("POST", QStringLiteral("/things/*/start"), FakeResponse::raw(204, {}));
        m_server->on("DELETE", QStringLiteral("/things/*"), FakeResponse::raw(409, "{}"));
        Outcome<void> started;
        JsonCall::send(m_client.get(),
                       HttpRequest::make("POST", m_server->url(QStringLiteral("/things/7/start"))),
                       started.callback());
        QVERIFY(started.wait());
        QVERIFY2(started.result->ok(), qPrintable(started.error().message()));
        QCOMPARE(m_server->requests().last().method, QByteArray("POST"));
        QVERIFY(m_server->requests().last().body.isEmpty());

        Outcome<void> refused;
        JsonCall::send(m_client.get(),
                       HttpRequest::make("DELETE", m_server->url(QStringLiteral("/things/7"))),
                       refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error().kind(), Error::BadRequest);
        QCOMPARE(m_server->requests().last().method, QByteArray("DELETE"));
    }

    void requestBuilders()
    {
        const QUrl url(QStringLiteral("https://api.example.com/v2/things/1"));
        const HttpRequest deletion = HttpRequest::make("DELETE", url);
        QCOMPARE(deletion.method, QByteArray("DELETE"));
        QCOMPARE(deletion.url, url);
        QVERIFY(deletion.body.isEmpty());
        QVERIFY(deletion.isIdempotent());
        QVERIFY(!HttpRequest::make("POST", url).isIdempotent());
        QCOMPARE(HttpRequest::get(url).method, QByteArray("GET"));
        const HttpRequest json = HttpRequest::json(
            "PATCH", url, QJsonDocument(QJsonObject {{QStringLiteral("a"), 1}}));
        QCOMPARE(json.method, QByteArray("PATCH"));
        QCOMPARE(json.body, QByteArray("{\"a\":1}"));
        QCOMPARE(json.header("content-type"), QByteArray("application/json"));
    }

    void pageNumbersToTheEnd()
    {
        servePages(3, 2, 6);
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(),
                                m_server->url(QStringLiteral("/things?type=all")), paging(2),
                                &items, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(outcome.result->value().size(), 6);
        QCOMPARE(outcome.result->value().last().id, QStringLiteral("p3-1"));
        QList<QByteArray> targets;
        for (const RecordedRequest &request : m_server->requests())
            targets.append(request.target);
        std::sort(targets.begin(), targets.end()); // pages 2 and 3 go out together
        QCOMPARE(targets.size(), 3);
        for (int i = 0; i < 3; ++i) {
            // The caller's filter first, then the page parameters, always on our own host.
            QCOMPARE(targets.at(i), QByteArray("/things?type=all&page=") + QByteArray::number(i + 1)
                                        + "&per_page=2");
        }
    }

    void pageNumbersStopAtABrokenPage()
    {
        m_server->on("GET", QStringLiteral("/things"), [](const RecordedRequest &request) {
            const int number = request.query.queryItemValue(QStringLiteral("page")).toInt();
            if (number == 2)
                return FakeResponse::raw(200, "{\"items\": 7}");
            return FakeResponse::json(page(number, 3, 2, std::nullopt));
        });
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(2), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        QCOMPARE(m_server->requestCount(), 2); // page 3 was never asked for
    }

    void listingFarShortOfItsTotalFails()
    {
        // One page of 10 that says there are 1,000,000 and no next page: not a complete listing.
        servePages(1, 10, 1'000'000);
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(10), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        QVERIFY2(outcome.error().message().contains(QLatin1String("1000000")),
                 qPrintable(outcome.error().message()));
    }

    void listingSlightlyShortOfItsTotalPasses()
    {
        // Machines deleted while we page: a few missing is honest.
        servePages(4, 100, 405);
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(100), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(outcome.result->value().size(), 400);
    }

    void shortfallRule()
    {
        QVERIFY(!PagedList::fallsShort(10, 10));
        QVERIFY(!PagedList::fallsShort(0, 10)); // 10 missing: not more than 10
        QVERIFY(PagedList::fallsShort(0, 11));
        QVERIFY(!PagedList::fallsShort(400, 440)); // a tenth missing exactly
        QVERIFY(PagedList::fallsShort(395, 440));
        QVERIFY(PagedList::fallsShort(10, 1'000'000));
        QVERIFY(!PagedList::fallsShort(500, 440)); // more than stated: created while paging
    }
};

QTEST_GUILESS_MAIN(TestProviderHelpers)
#include "tst_providerhelpers.moc"
