#include "keystonesession.h"

#include "openstackrequests.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcKeystone, "clouddeck.provider.openstack.keystone", QtInfoMsg)

KeystoneSession::KeystoneSession(HttpClient *http, const Account &account,
                                 const QVariantMap &secrets, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_account(account)
    , m_secrets(secrets)
    , m_tokensUrl(OpenStackRequests::tokensUrl(account.endpoint))
    , m_oauth(
          new OAuthToken([this](const Callback<OAuthToken::Token> &done) { signIn(done); }, this))
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
    m_oauth->setHeader("X-Auth-Token");
    m_oauth->setTokenUrl(m_tokensUrl);
    m_http->setAuthorizer(m_oauth->authorizer([this](const QUrl &url) { return isAllowed(url); }));
}

const KeystoneParser::Token *KeystoneSession::token() const
{
    if (!m_signIn || !m_oauth->hasToken() || m_oauth->accessToken() != m_signIn->id)
        return nullptr;
    return &*m_signIn;
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

qint64 KeystoneSession::lifetimeSeconds(const KeystoneParser::Token &token, const QDateTime &sent)
{
    // 0 or less (a reply that makes no sense, or our clock far ahead when issued_at is missing)
    // counts as "not stated" for OAuthToken: a short default, and the 401 renewal for the rest.
    return token.issuedAt.isValid() ? token.issuedAt.secsTo(token.expiresAt)
                                    : sent.secsTo(token.expiresAt);
}

void KeystoneSession::signIn(const Callback<OAuthToken::Token> &done)
{
    // OAuthToken takes an answer given before signIn() returns and passes it on later.
    const Result<QJsonObject> body = OpenStackRequests::authBody(m_account, m_secrets);
    if (!body.ok())
        return done(body.error());
    if (m_account.endpoint.isEmpty() || m_account.endpoint.host().isEmpty())
        return done(Error(Error::InvalidInput,
                          tr("This OpenStack account has no identity (Keystone) URL. Edit it and "
                             "enter the auth_url, e.g. https://keystone.example.com:5000/v3.")));
    HttpRequest request = HttpRequest::json("POST", m_tokensUrl, QJsonDocument(body.value()));
    // Asking for a token twice only gives two tokens: safe to retry.
    request.idempotent = true;
    qCInfo(lcKeystone).noquote() << "authenticating at" << HttpClient::redactedUrl(m_tokensUrl);
    const QDateTime sent = m_oauth->now();
    m_http->send(request, [this, done, sent](Result<HttpResponse> reply) {
        if (!reply.ok()) {
            Error error = reply.error();
            if (error.kind() == Error::Auth)
                error = Error(Error::Auth,
                              tr("Keystone rejected the credentials (%1). Check the application "
                                 "credential (or user name, password, domain and project); it "
                                 "may have expired or been deleted.")
                                  .arg(error.message()),
                              error.httpStatus());
            m_signIn.reset();
            return done(error);
        }
        Result<KeystoneParser::Token> token = KeystoneParser::token(reply.value());
        if (!token.ok()) {
            m_signIn.reset();
            return done(token.error());
        }
        m_signIn = token.takeValue();
        done(OAuthToken::Token {m_signIn->id, lifetimeSeconds(*m_signIn, sent)});
    });
}
