#pragma once

#include "concurrentpages.h"
#include "pagedlist.h"

#include <QUrlQuery>
#include <memory>
#include <type_traits>

/**
 * @brief Page-number pagination ("?page=N&per_page=M") on top of PagedList.
 *
 * DigitalOcean, Hetzner and Linode number their pages; what differs is the name of the size
 * parameter, the size allowed, and where the reply says whether another page follows. Only the
 * page number is ever taken from a reply: every page is requested from @p first's own host and
 * path, so a next-page link to another host can never receive the token.
 */
class PageNumberList
{
public:
    /// The number of the page after @p page (which is page @p current), nullopt when @p page was
    /// the last, or an InvalidReply error (a broken link, a number that does not move forward).
    using NextNumber =
        std::function<Result<std::optional<int>>(const QJsonObject &page, int current)>;

    struct Paging
    {
        QString sizeParameter; ///< "per_page" (DigitalOcean, Hetzner), "page_size" (Linode)
        int pageSize = 0;
        NextNumber next;
        /// Optional: the item count the API states, so a listing far short of it fails. With it,
        /// the pages after the first are fetched concurrently (ConcurrentPages).
        PagedList::StatedTotal total;
        /// Pages in flight at once when the total is known.
        int parallel = 4;

        /// This paging, checking the total @p stated reads. For the machine listing, which
        /// replaces the cache: one that ends far short of the stated total is refused. Catalog
        /// parsers leave entries out on purpose, so their counts are not compared.
        [[nodiscard]] Paging checkingTotal(PagedList::StatedTotal stated) const
        {
            Paging checked = *this;
            checked.total = std::move(stated);
            return checked;
        }
    };

    /// The URL of page @p number: @p first with "page=<number>&<size>=<pageSize>" appended.
    [[nodiscard]] static QUrl pageUrl(const QUrl &first, const Paging &paging, int number)
    {
        QUrl url = first;
        QUrlQuery query(first);
        query.addQueryItem(QStringLiteral("page"), QString::number(number));
        query.addQueryItem(paging.sizeParameter, QString::number(paging.pageSize));
        url.setQuery(query);
        return url;
    }

    /// Every item of the collection at @p first (path and filters, no page parameters), page 1
    /// onwards. The item type is taken from @p done. With a stated total (the machine listings)
    /// the pages after the first are fetched concurrently; without, one after another as the
    /// replies link them.
    template<typename T>
    static void collect(HttpClient *http, const QUrl &first, const Paging &paging,
                        std::type_identity_t<PagedList::PageParser<T>> parse,
                        Callback<QList<T>> done)
    {
        collectRead<T>(http, first, paging, PagedList::wholePage<T>(std::move(parse)),
                       std::move(done));
    }

    /// collect(), each reply through @p read (PagedList::projectedPage() for the large machine
    /// listings, which then build of each item only what they read).
    template<typename T>
    static void collectRead(HttpClient *http, const QUrl &first, const Paging &paging,
                            std::type_identity_t<PagedList::PageReader<T>> read,
                            Callback<QList<T>> done)
    {
        if (!paging.total || paging.parallel <= 1)
            return collectFrom<T>(http, first, paging, 1, std::move(read), std::move(done));
        Paging sequential = paging;
        sequential.total = {}; // the tail's count is checked with the rest, at the end
        typename ConcurrentPages<T>::Setup setup;
        setup.http = http;
        setup.pageUrl = [first, paging](int number) { return pageUrl(first, paging, number); };
        setup.read = read;
        setup.next = paging.next;
        setup.total = paging.total;
        setup.tail = [http, first, sequential, read](int from, Callback<QList<T>> rest) {
            collectFrom<T>(http, first, sequential, from, read, std::move(rest));
        };
        setup.parallel = paging.parallel;
        setup.pageSize = paging.pageSize;
        ConcurrentPages<T>::collect(std::move(setup), std::move(done));
    }

private:
    /// One page after another from page @p start, each next page named by the one before.
    template<typename T>
    static void collectFrom(HttpClient *http, const QUrl &first, const Paging &paging, int start,
                            PagedList::PageReader<T> read, Callback<QList<T>> done)
    {
        auto current = std::make_shared<int>(start);
        PagedList::collectRead<T>(
            http, HttpRequest::get(pageUrl(first, paging, start)), std::move(read),
            [current, first,
             paging](const QJsonObject &body) -> Result<std::optional<HttpRequest>> {
                const Result<std::optional<int>> next = paging.next(body, *current);
                if (!next.ok())
                    return next.error();
                if (!next.value())
                    return std::optional<HttpRequest>();
                *current = *next.value();
                return std::optional<HttpRequest>(
                    HttpRequest::get(pageUrl(first, paging, *current)));
            },
            std::move(done), paging.total);
    }
};
