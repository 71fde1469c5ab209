#pragma once

#include "httpclient.h"
#include "jsonreader.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

/**
 * @brief Collects every item of a paginated JSON collection: each page through a parser, the next
 * request from the page itself, until the provider says there is no more.
 *
 * The pagination styles differ (Linode "page/pages", Vultr's "meta.links.next" cursor,
 * DigitalOcean's "links.pages.next"); what to do with each page does not, so it lives here once.
 * Nothing is handed back until the last page arrived: a failure on any page fails the whole list,
 * so a caller never mistakes a partial list for the complete one.
 *
 * Two guards hold for every provider:
 * - a next page whose URL was already requested fails the list (InvalidReply): a server that
 *   keeps pointing back, or hands out the same cursor, would otherwise loop until maxPages;
 * - an item whose id already came (on an earlier page or earlier on the same one) is dropped,
 *   the first copy kept: pages are offsets for most APIs, so a machine created while we page
 *   shifts the rest and one item may come twice.
 */
namespace PagedList {

/// One page's items, or an InvalidReply error.
template<typename T>
using PageParser = std::function<Result<QList<T>>(const QJsonObject &page)>;
/// The request for the page after @p page, or nullopt at the end, or an error (a broken link).
using NextPage = std::function<Result<std::optional<HttpRequest>>(const QJsonObject &page)>;
/// The number of items a page says the whole collection has (DigitalOcean "meta.total", Linode
/// "results"), or nullopt where it says none.
using StatedTotal = std::function<std::optional<qint64>(const QJsonObject &page)>;

/// Whether @p received items are so far short of the @p stated total that the listing
/// contradicts itself: more than 10 and more than a tenth of them missing. A few may be missing
/// honestly (machines deleted while we page shift the rest); a page that says 1,000,000 and ends
/// after 10 must not replace what the user saw.
inline bool fallsShort(qint64 received, qint64 stated)
{
    const qint64 missing = stated - received;
    return missing > 10 && missing * 10 > stated;
}

/// The id items are told apart by; empty (never deduplicated) for types without one.
template<typename T>
QString itemId(const T &item)
{
    if constexpr (requires(const T &t) { QString(t.id); })
        return item.id;
    else
        return {};
}

/// Every item from @p first onwards. With @p total, the count the last page that states one
/// gives is checked against the items received (repeats included) when the list ends: a listing
/// that falls short of it (see fallsShort()) fails as InvalidReply.
template<typename T>
void collect(HttpClient *http, HttpRequest first, PageParser<T> parse, NextPage next,
             Callback<QList<T>> done, StatedTotal total = {})
{
    struct State
    {
        QList<T> items;
        QSet<QString> ids;
        QSet<QUrl> requested;
        qint64 received = 0;
        std::optional<qint64> stated;
    };
    auto state = std::make_shared<State>();
    state->requested.insert(first.url);
    http->getPages(
        std::move(first),
        [state, parse = std::move(parse), next = std::move(next), total = std::move(total)](
            const HttpResponse &response) -> Result<std::optional<HttpRequest>> {
            const Result<QJsonObject> body = response.jsonObject();
            if (!body.ok())
                return body.error();
            Result<QList<T>> items = parse(body.value());
            if (!items.ok())
                return items.error();
            if (total) {
                if (const std::optional<qint64> stated = total(body.value()))
                    state->stated = stated;
            }
            state->received += items.value().size();
            for (T &item : items.value()) {
                const QString id = itemId(item);
                if (!id.isEmpty()) {
                    if (state->ids.contains(id))
                        continue; // a repeat: the first copy stays
                    state->ids.insert(id);
                }
                state->items.append(std::move(item));
            }
            Result<std::optional<HttpRequest>> request = next(body.value());
            if (request.ok() && request.value()) {
                if (state->requested.contains(request.value()->url))
                    return JsonReader::shapeError(
                        QStringLiteral("the next-page link leads back to a page already read"));
                state->requested.insert(request.value()->url);
            }
            return request;
        },
        [state, done = std::move(done)](const Result<void> &result) {
            if (!result.ok())
                return done(result.error());
            if (state->stated && fallsShort(state->received, *state->stated)) {
                return done(JsonReader::shapeError(
                    QStringLiteral("the listing states %1 items but ended after %2")
                        .arg(*state->stated)
                        .arg(state->received)));
            }
            done(std::move(state->items));
        });
}

/// Starts one listing; its items come to the callback.
template<typename T>
using Listing = std::function<void(Callback<QList<T>> done)>;

/// @p first's items, then @p second's (a cloud's own images, then the account's snapshots).
/// The second listing starts once the first is complete, so the requests keep their order; a
/// failure of either fails the whole list, as a failed page does.
template<typename T>
void concat(Listing<T> first, Listing<T> second, Callback<QList<T>> done)
{
    first([second = std::move(second), done = std::move(done)](Result<QList<T>> head) {
        if (!head.ok())
            return done(head.error());
        second([head = head.takeValue(), done](Result<QList<T>> tail) {
            if (!tail.ok())
                return done(tail.error());
            done(head + tail.value());
        });
    });
}

} // namespace PagedList
