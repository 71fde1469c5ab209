// Numbered pages fetched concurrently once page 1 states the total (ConcurrentPages through
// PageNumberList::collect), against the local FakeCloudServer: several pages really are in flight
// together, the items keep page order, one failed page fails the list exactly once, a last page
// that names a next one is followed, and the stated-total check still holds.
#include "httpclienttesting.h"
#include "numberedpages.h"
#include "pagenumberlist.h"

#include <QSet>

using namespace NumberedPages;

class TestConcurrentPages : public HttpClientTestCase
{
    Q_OBJECT

    PageNumberList::Paging paging(int pageSize) const
    {
        return {QStringLiteral("per_page"), pageSize, &nextNumber, &statedTotal};
    }

    static int pageOf(const RecordedRequest &request)
    {
        return request.query.queryItemValue(QStringLiteral("page")).toInt();
    }

private Q_SLOTS:
    void pagesAfterTheFirstGoOutTogether()
    {
        // Page 2 hangs mid-reply: pages 3-5 are asked for all the same, while it is open.
        m_client->setTimeoutMs(1'500);
        m_server->on("GET", QStringLiteral("/things"), [](const RecordedRequest &request) {
            FakeResponse response = FakeResponse::json(page(pageOf(request), 10, 2, 20));
            if (pageOf(request) == 2)
                response.withStall(5);
            return response;
        });
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(2), &items, outcome.callback());
        QTRY_VERIFY(m_server->requestCount() >= 5);
        QSet<int> asked;
        for (const RecordedRequest &request : m_server->requests())
            asked.insert(pageOf(request));
        QVERIFY(asked.contains(2) && asked.contains(3) && asked.contains(4) && asked.contains(5));
        QVERIFY(outcome.result == std::nullopt); // nothing handed back while page 2 is open

        // The stalled page times out: the whole listing fails, and says so exactly once.
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::Timeout);
        QCOMPARE(outcome.calls, 1);
        // No more than four pages in flight: page 6 onwards only as others completed.
        QVERIFY2(m_server->requestCount() <= 10, qPrintable(QString::number(m_server->requestCount())));
    }

    void itemsKeepPageOrder()
    {
        m_server->on("GET", QStringLiteral("/things"), [](const RecordedRequest &request) {
            // Early pages answer last, so the replies arrive out of order.
            return FakeResponse::json(page(pageOf(request), 11, 3, 33))
                .withDelay(pageOf(request) <= 4 ? 150 : 0);
        });
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(3), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        const QList<Item> all = outcome.result->value();
        QCOMPARE(all.size(), 33);
        for (int i = 0; i < 33; ++i)
            QCOMPARE(all.at(i).id, QStringLiteral("p%1-%2").arg(i / 3 + 1).arg(i % 3));
        QCOMPARE(m_server->requestCount(), 11);
    }

    void smallerPagesThanAskedForAreCounted()
    {
        // Asked for 100 a page, the server gives 4 (its own maximum): 5 pages for 20 items.
        servePagesOf(5, 4, 20);
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(100), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(outcome.result->value().size(), 20);
        QCOMPARE(m_server->requestCount(), 5);
    }

    void aLastPageThatGoesOnIsFollowed()
    {
        // The total says 3 pages, but machines were created while we paged: page 3 names a 4th.
        m_server->on("GET", QStringLiteral("/things"), [](const RecordedRequest &request) {
            const int number = pageOf(request);
            return FakeResponse::json(page(number, 4, 2, number == 1 ? 6 : 8));
        });
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(2), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QCOMPARE(outcome.result->value().size(), 8);
        QCOMPARE(outcome.result->value().last().id, QStringLiteral("p4-1"));
    }

    void repeatsAcrossPagesAreDropped()
    {
        // Pages are offsets: a machine created while we page shifts one item onto the next page.
        m_server->on("GET", QStringLiteral("/things"), [](const RecordedRequest &request) {
            QJsonObject body = page(pageOf(request), 3, 2, 6);
            if (pageOf(request) == 3)
                body[QLatin1String("items")] = QJsonArray {QStringLiteral("p2-1"),
                                                           QStringLiteral("p3-0")};
            return FakeResponse::json(body);
        });
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(2), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.error().message()));
        QStringList ids;
        for (const Item &item : outcome.result->value())
            ids.append(item.id);
        QCOMPARE(ids, QStringList({QStringLiteral("p1-0"), QStringLiteral("p1-1"),
                                   QStringLiteral("p2-0"), QStringLiteral("p2-1"),
                                   QStringLiteral("p3-0")}));
    }

    void aBrokenPageFailsTheListOnce()
    {
        m_server->on("GET", QStringLiteral("/things"), [](const RecordedRequest &request) {
            if (pageOf(request) == 4)
                return FakeResponse::raw(200, "{\"items\": 7}");
            return FakeResponse::json(page(pageOf(request), 8, 2, 16));
        });
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(2), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        // The pages still in flight arrive too: none may call back again.
        QTRY_COMPARE(m_client->pendingRequests(), 0);
        QCOMPARE(outcome.calls, 1);
    }

    void farShortOfTheTotalStillFails()
    {
        // 5 pages of 2 while the first page claims 1,000 items (500 pages: too many to fan out,
        // so read one after another; the count is compared at the end either way).
        servePagesOf(5, 2, 1'000);
        Outcome<QList<Item>> outcome;
        PageNumberList::collect(m_client.get(), m_server->url(QStringLiteral("/things")),
                                paging(2), &items, outcome.callback());
        QVERIFY(outcome.wait());
        QCOMPARE(outcome.error().kind(), Error::InvalidReply);
        QVERIFY2(outcome.error().message().contains(QLatin1String("1000")),
                 qPrintable(outcome.error().message()));
    }

private:
    void servePagesOf(int pages, int perPage, qint64 total)
    {
        m_server->on("GET", QStringLiteral("/things"), [=](const RecordedRequest &request) {
            return FakeResponse::json(page(pageOf(request), pages, perPage, total));
        });
    }
};

QTEST_GUILESS_MAIN(TestConcurrentPages)
#include "tst_concurrentpages.moc"
