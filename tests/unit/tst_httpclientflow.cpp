// HttpClient across several requests: pagination, pacing by rate-limit headers, many requests in
// parallel.
#include "httpclienttesting.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QUrlQuery>
#include <array>

class TestHttpClientFlow : public HttpClientTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void pagesAcrossThreePages()
    {
        servePages(QStringLiteral("/v2/droplets"), 3, -1);
        QStringList names;
        QList<int> pages;
        Outcome<void> outcome;
        m_client->getPages(
            HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets?page=1&per_page=2"))),
            [&](const HttpResponse &response) { return readPage(response, &names, &pages); },
            outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(pages, (QList<int> {1, 2, 3}));
        QCOMPARE(names.size(), 6);
        QCOMPARE(names.first(), QStringLiteral("vm-1-a"));
        QCOMPARE(names.last(), QStringLiteral("vm-3-b"));
        const QList<RecordedRequest> requests = m_server->requests();
        QCOMPARE(requests.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(requests.at(i).query.queryItemValue(QStringLiteral("page")),
                     QString::number(i + 1));
            QCOMPARE(requests.at(i).query.queryItemValue(QStringLiteral("per_page")),
                     QStringLiteral("2"));
        }
    }

    void pagesStopAtAnErrorMidway()
    {
        servePages(QStringLiteral("/v2/droplets"), 3, 2);
        QStringList names;
        QList<int> pages;
        Outcome<void> outcome;
        m_client->getPages(
            HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets?page=1&per_page=2"))),
            [&](const HttpResponse &response) { return readPage(response, &names, &pages); },
            outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.error().kind(), Error::Forbidden);
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(pages, QList<int> {1});
        QCOMPARE(m_server->requestCount(), 2); // page 3 was never asked for
    }

    void pageHandlerErrorStops()
    {
        servePages(QStringLiteral("/v2/droplets"), 3, -1);
        Outcome<void> outcome;
        int handled = 0;
        m_client->getPages(
            HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets?page=1"))),
            [&](const HttpResponse &) -> Result<std::optional<HttpRequest>> {
                ++handled;
                return Error(Error::InvalidReply, QStringLiteral("droplets is not an array"));
            },
            outcome.callback());
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        QCOMPARE(handled, 1);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void pagesStopAtMaxPages()
    {
        // A provider whose "next" link never ends.
        m_server->on("GET", QStringLiteral("/v2/loop"), FakeResponse::json(QJsonObject()));
        Outcome<void> outcome;
        const QUrl url = m_server->url(QStringLiteral("/v2/loop"));
        m_client->getPages(
            HttpRequest::get(url),
            [&](const HttpResponse &) -> Result<std::optional<HttpRequest>> {
                return std::optional<HttpRequest>(HttpRequest::get(url));
            },
            outcome.callback(), 4);
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        QCOMPARE(m_server->requestCount(), 4);
    }

    void rateLimitHoldsNextRequestUntilReset()
    {
        // The budget is spent; the window refills at the next full second but one.
        const qint64 resetSeconds = QDateTime::currentSecsSinceEpoch() + 2;
        m_server->enqueue("GET", QStringLiteral("/v2/droplets"),
                          FakeResponse::json(QJsonObject())
                              .withHeader("RateLimit-Limit", "5000")
                              .withHeader("RateLimit-Remaining", "0")
                              .withHeader("RateLimit-Reset", QByteArray::number(resetSeconds)));
        m_server->on("GET", QStringLiteral("/v2/droplets"),
                     FakeResponse::json(QJsonObject())
                         .withHeader("RateLimit-Limit", "5000")
                         .withHeader("RateLimit-Remaining", "4999")
                         .withHeader("RateLimit-Reset", QByteArray::number(resetSeconds + 3600)));
        QList<qint64> arrivalsMs; // wall clock, as the reset is
        connect(m_server.get(), &FakeCloudServer::requestReceived, this,
                [&] { arrivalsMs.append(QDateTime::currentMSecsSinceEpoch()); });
        QSignalSpy rateLimitChanged(m_client.get(), &HttpClient::rateLimitChanged);

        QVERIFY(get(QStringLiteral("/v2/droplets")).ok());
        QCOMPARE(rateLimitChanged.size(), 1);
        QVERIFY(m_client->lastRateLimit());
        QCOMPARE(m_client->lastRateLimit()->remaining, 0);
        QCOMPARE(m_client->lastRateLimit()->limit, 5000);

        // Two requests right away: both wait for the reset, neither is lost.
        Outcome<HttpResponse> second;
        Outcome<HttpResponse> third;
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       second.callback());
        m_client->send(HttpRequest::get(m_server->url(QStringLiteral("/v2/droplets"))),
                       third.callback());
        QVERIFY(second.wait(5'000));
        QVERIFY(third.wait(5'000));
        QVERIFY(second.result->ok() && third.result->ok());
        QCOMPARE(arrivalsMs.size(), 3);
        QVERIFY2(arrivalsMs.at(1) >= resetSeconds * 1000 && arrivalsMs.at(2) >= resetSeconds * 1000,
                 qPrintable(QStringLiteral("sent %1 ms before the reset")
                                .arg(resetSeconds * 1000 - arrivalsMs.at(1))));
        QVERIFY(arrivalsMs.at(1) - arrivalsMs.at(0) >= 900);
        QCOMPARE(m_client->lastRateLimit()->remaining, 4999);

        // With plenty left, the next one goes at once (well under the second we just waited).
        QElapsedTimer clock;
        clock.start();
        QVERIFY(get(QStringLiteral("/v2/droplets")).ok());
        QVERIFY(clock.elapsed() < 900);
    }

    void customRateLimitReader()
    {
        m_client->setRateLimitReader([](const HttpResponse &response) -> std::optional<RateLimit> {
            if (response.header("X-Budget").isEmpty())
                return std::nullopt;
            RateLimit limit;
            limit.remaining = response.header("X-Budget").toInt();
            return limit;
        });
        m_server->on("GET", QStringLiteral("/v2/x"),
                     FakeResponse::json(QJsonObject()).withHeader("X-Budget", "17"));
        QVERIFY(get(QStringLiteral("/v2/x")).ok());
        QVERIFY(m_client->lastRateLimit());
        QCOMPARE(m_client->lastRateLimit()->remaining, 17);
    }

    void parallelRequestsAllComplete()
    {
        m_server->on("GET", QStringLiteral("/v2/regions/*"), [](const RecordedRequest &request) {
            return FakeResponse::json(
                       QJsonObject {{QStringLiteral("region"), request.pathArgs.at(0)}})
                .withDelay(100);
        });
        std::array<Outcome<QJsonObject>, 8> outcomes;
        for (size_t i = 0; i < outcomes.size(); ++i)
            m_client->sendJson(
                HttpRequest::get(m_server->url(QStringLiteral("/v2/regions/r%1").arg(i))),
                outcomes[i].callback());
        QCOMPARE(m_client->pendingRequests(), 8);
        for (size_t i = 0; i < outcomes.size(); ++i) {
            QVERIFY(outcomes[i].wait());
            QVERIFY(outcomes[i].result->ok());
            QCOMPARE(outcomes[i].result->value().value(QLatin1String("region")).toString(),
                     QStringLiteral("r%1").arg(i));
            QCOMPARE(outcomes[i].calls, 1);
        }
        QCOMPARE(m_client->pendingRequests(), 0);
        QVERIFY(m_server->connectionCount() > 1); // QNAM opened several connections at once
    }

private:
    /// @p count pages of two droplets each at @p path, DigitalOcean style (links.pages.next);
    /// page @p failingPage (or none) answers 403.
    void servePages(const QString &path, int count, int failingPage)
    {
        m_server->on("GET", path, [this, count, failingPage](const RecordedRequest &request) {
            const int page = request.query.queryItemValue(QStringLiteral("page")).toInt();
            if (page == failingPage)
                return errorBody(403, "forbidden", "You do not have access.");
            QJsonArray droplets;
            for (const char *suffix : {"a", "b"})
                droplets.append(QJsonObject {
                    {QStringLiteral("name"),
                     QStringLiteral("vm-%1-%2").arg(page).arg(QLatin1String(suffix))}});
            QJsonObject pages;
            if (page < count) {
                QUrl next = m_server->url(request.path);
                next.setQuery(QStringLiteral("page=%1&per_page=2").arg(page + 1));
                pages.insert(QStringLiteral("next"), next.toString());
            }
            return FakeResponse::json(QJsonObject {
                {QStringLiteral("droplets"), droplets},
                {QStringLiteral("links"), QJsonObject {{QStringLiteral("pages"), pages}}},
                {QStringLiteral("meta"), QJsonObject {{QStringLiteral("total"), count * 2}}}});
        });
    }

    static Result<std::optional<HttpRequest>> readPage(const HttpResponse &response,
                                                       QStringList *names, QList<int> *pages)
    {
        Result<QJsonObject> body = response.jsonObject();
        if (!body.ok())
            return body.error();
        pages->append(QUrlQuery(response.url).queryItemValue(QStringLiteral("page")).toInt());
        const QJsonArray droplets = body.value().value(QLatin1String("droplets")).toArray();
        for (const QJsonValue &droplet : droplets)
            names->append(droplet.toObject().value(QLatin1String("name")).toString());
        const QString next = body.value()
                                 .value(QLatin1String("links"))
                                 .toObject()
                                 .value(QLatin1String("pages"))
                                 .toObject()
                                 .value(QLatin1String("next"))
                                 .toString();
        if (next.isEmpty())
            return std::optional<HttpRequest>();
        return std::optional<HttpRequest>(HttpRequest::get(QUrl(next)));
    }
};

QTEST_GUILESS_MAIN(TestHttpClientFlow)
#include "tst_httpclientflow.moc"
