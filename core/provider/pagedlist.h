#pragma once

#include "httpclient.h"
#include "jsonreader.h"
#include "jsonscanner.h"
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
/// A page read: its items, and the page's other members (links, meta), where the next page and
/// the stated total are read from.
template<typename T>
struct Page
{
    QList<T> items;
    QJsonObject page;
};
/// Reads one reply into a Page, or fails with InvalidReply.
template<typename T>
using PageReader = std::function<Result<Page<T>>(const HttpResponse &response)>;

/// The reader that builds the reply's whole JSON document and hands it to @p parse.
template<typename T>
PageReader<T> wholePage(PageParser<T> parse)
{
    return [parse = std::move(parse)](const HttpResponse &response) -> Result<Page<T>> {
        Result<QJsonObject> body = response.jsonObject();
        if (!body.ok())
            return body.error();
        Result<QList<T>> items = parse(body.value());
        if (!items.ok())
            return items.error();
        return Page<T> {items.takeValue(), body.takeValue()};
    };
}

/// Reads one item straight from the text: exactly one value, also when it refuses it.
template<typename T>
using ItemReader = std::function<Result<T>(JsonScanner &scanner)>;

/// The reader for a page {"<itemsKey>": [items], ...} that reads each item with @p read in one
/// pass over the text, building no JSON document; the page's other members (links, meta) are
/// kept whole. It accepts and refuses what wholePage() with JsonReader::list() does, with the
/// same errors: a body that is not JSON, not an object, no list at @p itemsKey, the first item
/// @p read refuses.
template<typename T>
PageReader<T> streamedPage(const QString &itemsKey, ItemReader<T> read)
{
    return [itemsKey, name = itemsKey.toUtf8(),
            read = std::move(read)](const HttpResponse &response) -> Result<Page<T>> {
        JsonScanner scanner(response.body);
        Page<T> page;
        std::optional<Error> refused; // the first item read refuses: the rest is only checked
        bool listed = false;
        if (!scanner.atEnd() && !scanner.atObject()) {
            scanner.skip();
            if (!scanner.failed() && scanner.atEnd())
                return HttpResponse::notAnObject(response.status);
        }
        if (scanner.enterObject()) {
            QByteArrayView member;
            while (scanner.nextMember(member)) {
                if (member != name) {
                    const QString key = QString::fromUtf8(member);
                    page.page.insert(key, scanner.value());
                    continue;
                }
                // A repeated member counts once, its last copy, as in a QJsonObject.
                page.items.clear();
                refused.reset();
                listed = scanner.enterArray();
                if (!listed) {
                    scanner.skip();
                    continue;
                }
                while (scanner.nextItem()) {
                    if (refused) {
                        scanner.skip();
                        continue;
                    }
                    Result<T> item = read(scanner);
                    if (!scanner.failed() && !item.ok())
                        refused = item.error();
                    else if (item.ok())
                        page.items.append(item.takeValue());
                }
            }
        }
        if (!scanner.failed() && !scanner.atEnd())
            scanner.fail(QCoreApplication::translate("JsonScanner", "text follows the value"));
        if (scanner.failed())
            return HttpResponse::notJson(scanner.fault(), scanner.faultOffset(), response.status);
        if (!listed)
            return JsonReader::notAList(itemsKey);
        if (refused)
            return *refused;
        return page;
    };
}

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

/// Every item from @p first onwards, each reply through @p read. With @p total, the count the
/// last page that states one gives is checked against the items received (repeats included)
/// when the list ends: a listing that falls short of it (see fallsShort()) fails as
/// InvalidReply.
template<typename T>
void collectRead(HttpClient *http, HttpRequest first, PageReader<T> read, NextPage next,
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
        [state, read = std::move(read), next = std::move(next), total = std::move(total)](
            const HttpResponse &response) -> Result<std::optional<HttpRequest>> {
            Result<Page<T>> body = read(response);
            if (!body.ok())
                return body.error();
            if (total) {
                if (const std::optional<qint64> stated = total(body.value().page))
                    state->stated = stated;
            }
            QList<T> &items = body.value().items;
            state->received += items.size();
            for (T &item : items) {
                const QString id = itemId(item);
                if (!id.isEmpty()) {
                    if (state->ids.contains(id))
                        continue; // a repeat: the first copy stays
                    state->ids.insert(id);
                }
                state->items.append(std::move(item));
            }
            Result<std::optional<HttpRequest>> request = next(body.value().page);
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

/// collectRead() with each page's whole JSON document through @p parse.
template<typename T>
void collect(HttpClient *http, HttpRequest first, PageParser<T> parse, NextPage next,
             Callback<QList<T>> done, StatedTotal total = {})
{
    collectRead<T>(http, std::move(first), wholePage<T>(std::move(parse)), std::move(next),
                   std::move(done), std::move(total));
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
