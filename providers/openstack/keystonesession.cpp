#include "keystonesession.h"

#include "openstackrequests.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

Q_LOGGING_CATEGORY(lcKeystone, "clouddeck.provider.openstack.keystone", QtInfoMsg)

namespace {
constexpr qint64 renewMarginSeconds = 300;
}

KeystoneSession::KeystoneSession(HttpClient *http, const Account &account,
                                 const QVariantMap &secrets, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_account(account)
    , m_secrets(secrets)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_tokensUrl(OpenStackRequests::tokensUrl(account.endpoint))
{
    if (!account.endpoint.host().isEmpty())
        m_allowedHosts.append(account.endpoint.host().toLower());
    const QStringList others = account.settings.value(QStringLiteral("serviceHosts"))
                                   .toString()
                                   .split(QRegularExpression(QStringLiteral("[,\\s]+")),
                                          Qt::SkipEmptyParts);
    for (const QString &host : others) {
        // "compute.example.com" or a URL the user pasted ("https://compute.example.com:8774").
        const QUrl url = QUrl::fromUserInput(host);
        const QString name = (url.host().isEmpty() ? host : url.host()).toLower();
        if (!m_allowedHosts.contains(name))
            m_allowedHosts.append(name);
    }
    // The token goes to allowed hosts only, and never back into the request that asks for one.
    const QUrl tokensUrl = m_tokensUrl;
    m_http->setAuthorizer([this, tokensUrl](HttpRequest &request) {
        if (!m_token || !isAllowed(request.url) || request.url.path() == tokensUrl.path())
            return;
        request.setHeader("X-Auth-Token", m_token->id);
    });
}

QString KeystoneSession::interface() const
{
    const QString chosen =
        m_account.settings.value(QStringLiteral("interface")).toString().trimmed().toLower();
    return chosen.isEmpty() ? QStringLiteral("public") : chosen;
}

bool KeystoneSession::isAllowed(const QUrl &url) const
{
    if (!m_allowedHosts.contains(url.host().toLower()))
        return false;
    // Never from https down to plain http, even on the same host.
    return !(m_account.endpoint.scheme() == QLatin1String("https")
             && url.scheme() != QLatin1String("https"));
}

Error KeystoneSession::checkEndpoint(const QUrl &url, const QString &service,
                                     const QString &region) const
{
    if (isAllowed(url))
        return {};
    if (m_allowedHosts.contains(url.host().toLower())) {
        return Error(Error::Insecure,
                     tr("The service catalog names a plain http %1 endpoint (%2, region %3) for "
                        "an https cloud. CloudDeck did not send the token there.")
                         .arg(service, url.host(), region));
    }
    return Error(Error::Insecure,
                 tr("The service catalog sends %1 of region %2 to %3, which is not a host this "
                    "account is set up for (%4). CloudDeck did not send the token there. If %3 "
                    "belongs to your cloud, add it to the account's other service hosts "
                    "(--service-hosts).")
                     .arg(service, region, url.host(), m_allowedHosts.join(QStringLiteral(", "))));
}

bool KeystoneSession::isValid() const
{
    return m_token && m_renewAt.isValid() && m_clock() < m_renewAt;
}

void KeystoneSession::withToken(Callback<void> done)
{
    if (isValid())
        return QTimer::singleShot(0, this, [done] { done({}); });
    authenticate(std::move(done));
}

void KeystoneSession::invalidate(const QByteArray &tokenId)
{
    if (m_token && m_token->id == tokenId) {
        qCInfo(lcKeystone) << "token rejected with 401: authenticating again";
        m_token.reset();
    }
}

void KeystoneSession::authenticate(Callback<void> done)
{
    m_waiters.append(std::move(done));
    if (m_waiters.size() > 1)
        return; // one request for everyone waiting
    const Result<QJsonObject> body = OpenStackRequests::authBody(m_account, m_secrets);
    if (!body.ok()) {
        const Error error = body.error();
        return QTimer::singleShot(0, this, [this, error] { finishAuthentication(error); });
    }
    if (m_account.endpoint.isEmpty() || m_account.endpoint.host().isEmpty()) {
        const Error error(Error::InvalidInput,
                          tr("This OpenStack account has no identity (Keystone) URL. Edit it and "
                             "enter the auth_url, e.g. https://keystone.example.com:5000/v3."));
        return QTimer::singleShot(0, this, [this, error] { finishAuthentication(error); });
    }
    HttpRequest request =
        HttpRequest::json("POST", m_tokensUrl, QJsonDocument(body.value()));
    // Asking for a token twice only gives two tokens: safe to retry.
    request.idempotent = true;
    qCInfo(lcKeystone).noquote() << "authenticating at" << HttpClient::redactedUrl(m_tokensUrl);
    m_http->send(request, [this](Result<HttpResponse> reply) {
        if (!reply.ok()) {
            Error error = reply.error();
            if (error.kind() == Error::Auth)
                error = Error(Error::Auth,
                              tr("Keystone rejected the credentials (%1). Check the application "
                                 "credential (or user name, password, domain and project); it "
                                 "may have expired or been deleted.")
                                  .arg(error.message()),
                              error.httpStatus());
            return finishAuthentication(error);
        }
        finishAuthentication(KeystoneParser::token(reply.value()));
    });
}

void KeystoneSession::finishAuthentication(Result<KeystoneParser::Token> token)
{
    if (token.ok()) {
        ++m_authentications;
        const KeystoneParser::Token &value = token.value();
        const QDateTime now = m_clock();
        // The lifetime on the cloud's clock, laid onto ours from now.
        const qint64 lifetime = value.issuedAt.isValid()
                                    ? value.issuedAt.secsTo(value.expiresAt)
                                    : now.secsTo(value.expiresAt);
        const qint64 margin = std::min(renewMarginSeconds, std::max<qint64>(lifetime, 0) / 2);
        m_renewAt = now.addSecs(lifetime - margin);
        m_token = token.takeValue();
        qCInfo(lcKeystone) << "token obtained, valid for" << lifetime << "s";
    } else {
        m_token.reset();
    }
    const Result<void> result = token.ok() ? Result<void>() : Result<void>(token.error());
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &waiter : waiters)
        waiter(result);
}
