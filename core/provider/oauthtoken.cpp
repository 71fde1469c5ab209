#include "oauthtoken.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcOAuth, "clouddeck.provider.oauth", QtInfoMsg)

OAuthToken::OAuthToken(Fetch fetch, QObject *parent)
    : QObject(parent)
    , m_fetch(std::move(fetch))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

bool OAuthToken::sameOrigin(const QUrl &url, const QList<QUrl> &bases)
{
    return std::any_of(bases.begin(), bases.end(), [&url](const QUrl &base) {
        return url.scheme().compare(base.scheme(), Qt::CaseInsensitive) == 0
               && url.host().compare(base.host(), Qt::CaseInsensitive) == 0
               && url.port(url.scheme() == QLatin1String("http") ? 80 : 443)
                      == base.port(base.scheme() == QLatin1String("http") ? 80 : 443);
    });
}

void OAuthToken::setHeader(const QByteArray &name, const QByteArray &prefix)
{
    m_headerName = name;
    m_headerPrefix = prefix;
}

HttpClient::Authorizer OAuthToken::authorizer(const QList<QUrl> &apiBases) const
{
    return authorizer([apiBases](const QUrl &url) { return sameOrigin(url, apiBases); });
}

HttpClient::Authorizer OAuthToken::authorizer(Audience audience) const
{
    // A QPointer, because an HttpClient may outlive the token object that set its authorizer.
    QPointer<const OAuthToken> self(this);
    return [self, audience = std::move(audience)](HttpRequest &request) {
        if (!self || self->m_token.isEmpty() || !audience(request.url))
            return;
        if (sameOrigin(request.url, {self->m_tokenUrl})
            && request.url.path() == self->m_tokenUrl.path())
            return;
        request.setHeader(self->m_headerName, self->m_headerPrefix + self->m_token);
    };
}

void OAuthToken::install(HttpClient *http, const QList<QUrl> &apiBases,
                         HttpClient::ErrorReader errors)
{
    http->setAuthorizer(authorizer(apiBases));
    if (errors)
        http->setErrorReader(std::move(errors));
}

bool OAuthToken::isValid() const
{
    return !m_token.isEmpty() && m_renewAt.isValid() && m_clock() < m_renewAt;
}

void OAuthToken::withToken(Callback<void> done)
{
    if (isValid())
        return QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
    renew(std::move(done));
}

void OAuthToken::invalidate(const QByteArray &accessToken)
{
    if (!m_token.isEmpty() && m_token == accessToken) {
        qCInfo(lcOAuth) << "access token rejected with 401: fetching a new one";
        m_token.clear();
        m_renewAt = {};
    }
}

void OAuthToken::renew(Callback<void> done)
{
    m_waiters.append(std::move(done));
    if (m_fetching)
        return; // one fetch for everyone waiting
    m_fetching = true;
    const QDateTime started = m_clock();
    // The fetch may answer before it returns (a request it refused to build): the waiters are
    // then called later, as every callback must be.
    auto returned = std::make_shared<bool>(false);
    QPointer<OAuthToken> self(this);
    m_fetch([self, started, returned](Result<Token> token) {
        if (!self)
            return;
        if (*returned)
            return self->finish(started, std::move(token));
        QTimer::singleShot(0, self, [self, started, token = std::move(token)]() mutable {
            self->finish(started, std::move(token));
        });
    });
    *returned = true;
}

void OAuthToken::finish(const QDateTime &started, Result<Token> token)
{
    m_fetching = false;
    if (token.ok() && token.value().accessToken.isEmpty())
        token = Error(Error::InvalidReply, tr("The sign-in service answered without a token."));
    if (token.ok()) {
        ++m_fetches;
        const qint64 stated = token.value().expiresInSeconds;
        const qint64 lifetime = stated > 0 ? stated : defaultLifetimeSeconds;
        const qint64 margin = std::min(renewMarginSeconds, lifetime / 2);
        m_renewAt = started.addSecs(lifetime - margin);
        m_token = token.value().accessToken;
        qCInfo(lcOAuth) << "access token obtained, valid for" << lifetime << "s";
    } else {
        m_token.clear();
        m_renewAt = {};
        qCInfo(lcOAuth).noquote() << "no access token:" << Error::kindId(token.error().kind());
    }
    const Result<void> result = token.ok() ? Result<void>() : Result<void>(token.error());
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &waiter : waiters)
        waiter(result);
}
