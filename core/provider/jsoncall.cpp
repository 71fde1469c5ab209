#include "jsoncall.h"

void JsonCall::send(HttpClient *http, HttpRequest request, Callback<void> done)
{
    http->send(std::move(request), [done = std::move(done)](const Result<HttpResponse> &reply) {
        done(reply.ok() ? Result<void>() : Result<void>(reply.error()));
    });
}
