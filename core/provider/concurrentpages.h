#pragma once

#include "httpclient.h"
#include "pagedlist.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

/**
 * @brief A numbered, paginated listing whose pages after the first are fetched concurrently.
 *
 * Page 1 states the collection's total and shows the page size the server really uses, so the
 * number of pages is known: pages 2..N are requested a few at a time (HttpClient still paces them
 * by the provider's rate limit). 10,000 droplets are 50 pages; over a 100 ms round trip that is
 * 5 s one after another and about 1.3 s four at a time.
 *
 * The guarantees are PagedList's: nothing is handed back until every page arrived, one failed
 * page fails the whole list, an item that comes twice is dropped (the first copy kept), and a
 * listing far short of its stated total fails as InvalidReply. A page that says it is the last
 * ends the listing there (nothing past it is asked for or kept); should the last page of the
 * fan-out still name a next one (machines created while we paged), the rest is read one page
 * after another.
 *
 * Each page is parsed on QThreadPool's global pool (JSON decoding and the provider's mapping are
 * most of a large listing's CPU: with 50 pages of 200 droplets, more than what the network and
 * the merge cost together), so pages are read while others arrive and the event loop stays free.
 * Everything else (the slots, the count, the next request) happens on the HttpClient's thread.
 */
template<typename T>
class ConcurrentPages : public std::enable_shared_from_this<ConcurrentPages<T>>
{
public:
    struct Setup
    {
        HttpClient *http = nullptr;
        std::function<QUrl(int number)> pageUrl;
        // read, next and total run on a worker thread, several pages at once: they must be
        // pure functions of the page (the providers' static parsers are).
        PagedList::PageReader<T> read;
        /// The page after page @p current, from its body (nullopt: the last), or an error.
        std::function<Result<std::optional<int>>(const QJsonObject &page, int current)> next;
        PagedList::StatedTotal total;
        /// Reads the rest one page after another from page @p from (used only when the last
        /// page names a next one).
        std::function<void(int from, Callback<QList<T>> done)> tail;
        int parallel = 4;
        /// More pages than this are not fetched concurrently (HttpClient::getPages' own limit).
        int maxPages = 500;
        int pageSize = 0;
    };

    static void collect(Setup setup, Callback<QList<T>> done)
    {
        auto self = std::shared_ptr<ConcurrentPages>(new ConcurrentPages(std::move(setup)));
        self->m_done = std::move(done);
        self->request(1);
    }

private:
    /// What a worker made of one page's reply.
    struct Page
    {
        Result<QList<T>> items = QList<T>();
        std::optional<qint64> stated;
        Result<std::optional<int>> next = std::optional<int>();
    };

    explicit ConcurrentPages(Setup setup)
        : m_setup(std::move(setup))
    { }

    void request(int number)
    {
        m_setup.http->send(HttpRequest::get(m_setup.pageUrl(number)),
                           [self = this->shared_from_this(), number](Result<HttpResponse> reply) {
                               self->parseAside(number, std::move(reply));
                           });
    }

    void parseAside(int number, Result<HttpResponse> reply)
    {
        auto page = std::make_shared<Page>();
        if (!reply.ok()) {
            page->items = reply.error();
            return arrived(number, *page);
        }
        QPointer<HttpClient> http = m_setup.http;
        QThreadPool::globalInstance()->start(
            [self = this->shared_from_this(), number, response = reply.takeValue(), page, http] {
                *page = self->parse(response, number);
                // Back on the client's thread; dropped with it if it is gone (and with it the
                // listing's caller).
                QMetaObject::invokeMethod(
                    http.data(), [self, number, page] { self->arrived(number, *page); },
                    Qt::QueuedConnection);
            });
    }

    /// On a worker: the page's items, stated total and next page. What the reader built is
    /// freed here too, so its thousands of small blocks never reach the client's thread.
    Page parse(const HttpResponse &response, int number) const
    {
        Page page;
        Result<PagedList::Page<T>> read = m_setup.read(response);
        if (!read.ok()) {
            page.items = read.error();
            return page;
        }
        page.items = std::move(read.value().items);
        if (m_setup.total)
            page.stated = m_setup.total(read.value().page);
        page.next = m_setup.next(read.value().page, number);
        return page;
    }

    void arrived(int number, Page &page)
    {
        if (number == 1)
            firstArrived(page);
        else
            pageArrived(number, page);
    }

    void firstArrived(Page &page)
    {
        if (!take(1, page))
            return;
        const Result<std::optional<int>> &next = page.next;
        if (!next.ok())
            return fail(next.error());
        const qint64 perPage = std::min<qint64>(m_setup.pageSize, m_pages.first().size());
        const qint64 count =
            m_stated && perPage > 0 ? (*m_stated + perPage - 1) / perPage : qint64(1);
        if (!next.value()) {
            m_end = 1;
            return finish();
        }
        if (*next.value() != 2 || count < 3 || count > m_setup.maxPages) {
            // Nothing to gain, or a total that cannot be right: on from here one page after
            // another (a far-off total still fails the listing at its end).
            m_lastNext = next.value();
            return finish();
        }
        m_count = int(count);
        m_pages.resize(m_count);
        m_nextToSend = 2;
        sendMore();
    }

    void sendMore()
    {
        // Not past a page that said it was the last (Linode answers a page past the end with the
        // last page again; a total that lies would have us ask for pages that do not exist).
        while (!m_failed && m_inFlight < m_setup.parallel && m_nextToSend <= m_count
               && !(m_end && m_nextToSend > *m_end)) {
            ++m_inFlight;
            request(m_nextToSend++);
        }
    }

    void pageArrived(int number, Page &page)
    {
        --m_inFlight;
        if (m_failed)
            return;
        // Pages are taken in number order, whatever order their workers finish in, so the
        // failure reported is always the first failing page's.
        m_ready.insert(number, std::move(page));
        while (m_ready.contains(m_nextToTake)) {
            const int current = m_nextToTake++;
            Page ready = m_ready.take(current);
            if (!take(current, ready))
                return;
            const Result<std::optional<int>> &next = ready.next;
            if (!next.ok())
                return fail(next.error());
            if (!next.value())
                m_end = m_end ? std::min(*m_end, current) : current;
            else if (current == m_count)
                m_lastNext = next.value();
        }
        sendMore();
        if (m_inFlight == 0)
            finish();
    }

    /// Puts page @p number's items into its slot; false (and the list failed) when it has none.
    bool take(int number, Page &page)
    {
        if (!page.items.ok()) {
            fail(page.items.error());
            return false;
        }
        if (page.stated)
            m_stated = page.stated;
        if (m_pages.size() < number)
            m_pages.resize(number);
        m_pages[number - 1] = page.items.takeValue();
        return true;
    }

    void finish()
    {
        if (m_end) {
            m_pages.resize(*m_end); // pages past the last one are not part of the listing
            return deliver({});
        }
        if (!m_lastNext)
            return deliver({});
        m_setup.tail(*m_lastNext, [self = this->shared_from_this()](Result<QList<T>> rest) {
            if (!rest.ok())
                return self->fail(rest.error());
            self->deliver(rest.takeValue());
        });
    }

    void deliver(QList<T> rest)
    {
        qint64 received = rest.size(); // repeats included, as PagedList counts them
        for (const QList<T> &page : m_pages)
            received += page.size();
        if (m_stated && PagedList::fallsShort(received, *m_stated)) {
            return fail(JsonReader::shapeError(
                QStringLiteral("the listing states %1 items but ended after %2")
                    .arg(*m_stated)
                    .arg(received)));
        }
        QList<T> items;
        items.reserve(received);
        QSet<QString> ids;
        auto add = [&](QList<T> &page) {
            for (T &item : page) {
                const QString id = PagedList::itemId(item);
                if (!id.isEmpty()) {
                    if (ids.contains(id))
                        continue; // a repeat (pages are offsets): the first copy stays
                    ids.insert(id);
                }
                items.append(std::move(item));
            }
        };
        for (QList<T> &page : m_pages)
            add(page);
        add(rest);
        auto done = std::move(m_done);
        done(std::move(items));
    }

    void fail(const Error &error)
    {
        if (m_failed)
            return;
        m_failed = true;
        auto done = std::move(m_done);
        done(error);
    }

    Setup m_setup;
    Callback<QList<T>> m_done;
    QList<QList<T>> m_pages; ///< by page number, page 1 first
    std::optional<qint64> m_stated;
    std::optional<int> m_lastNext; ///< what the last page of the fan-out names as its next
    std::optional<int> m_end; ///< the first page that said no page follows
    int m_count = 1;
    int m_nextToSend = 2;
    int m_nextToTake = 2; ///< the first page not yet taken from m_ready
    QMap<int, Page> m_ready; ///< pages parsed ahead of a lower one still on its way
    int m_inFlight = 0;
    bool m_failed = false;
};
