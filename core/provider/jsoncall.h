#pragma once

#include "clouddeck_core_export.h"
#include "httpclient.h"
#include "result.h"

#include <QJsonObject>
#include <functional>
#include <type_traits>

/**
 * @brief "Send, then parse or fail": one request whose 2xx JSON body goes through a parser.
 *
 * Every JSON provider's verify, action and create calls have this shape; with it each is one
 * line: JsonCall::send(http(), HttpRequest::get(url("/account")), &Parser::account, done).
 * A failed request, a body that is not a JSON object, and a parser's error all reach @p done as
 * the Error they are; @p done is called exactly once, later (HttpClient's contract).
 */
class CLOUDDECK_CORE_EXPORT JsonCall
{
public:
    template<typename T>
    using Parser = std::function<Result<T>(const QJsonObject &reply)>;

    /// Sends @p request and hands the reply's JSON object (empty for an empty body) to @p parse.
    /// T is taken from @p done, so @p parse may be a plain function or a lambda.
    template<typename T>
    static void send(HttpClient *http, HttpRequest request,
                     std::type_identity_t<Parser<T>> parse, Callback<T> done)
    {
        // The reply handler as a Callback first: a lambda argument would make the call
        // type-dependent, and clang-tidy then takes the moved request for a copy.
        Callback<QJsonObject> handle = [parse = std::move(parse),
                                        done = std::move(done)](const Result<QJsonObject> &reply) {
            if (!reply.ok())
                return done(reply.error());
            done(parse(reply.value()));
        };
        http->sendJson(std::move(request), std::move(handle));
    }

    /// Sends @p request; succeeds on any 2xx reply, whatever its body (204 No Content, "{}").
    static void send(HttpClient *http, HttpRequest request, Callback<void> done);
};
