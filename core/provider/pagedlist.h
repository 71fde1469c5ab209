#pragma once

#include "httpclient.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
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
 */
namespace PagedList {

/// One page's items, or an InvalidReply error.
template<typename T>
using PageParser = std::function<Result<QList<T>>(const QJsonObject &page)>;
/// The request for the page after @p page, or nullopt at the end, or an error (a broken link).
using NextPage = std::function<Result<std::optional<HttpRequest>>(const QJsonObject &page)>;

template<typename T>
void collect(HttpClient *http, HttpRequest first, PageParser<T> parse, NextPage next,
             Callback<QList<T>> done)
{
    auto collected = std::make_shared<QList<T>>();
    http->getPages(
        std::move(first),
        [collected, parse = std::move(parse), next = std::move(next)](
            const HttpResponse &response) -> Result<std::optional<HttpRequest>> {
            const Result<QJsonObject> body = response.jsonObject();
            if (!body.ok())
                return body.error();
            Result<QList<T>> items = parse(body.value());
            if (!items.ok())
                return items.error();
            collected->append(items.takeValue());
            return next(body.value());
        },
        [collected, done = std::move(done)](Result<void> result) {
            if (!result.ok())
                return done(result.error());
            done(std::move(*collected));
        });
}

} // namespace PagedList
