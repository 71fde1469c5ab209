#pragma once

// A fake Azure on one FakeCloudServer: the Microsoft identity platform's token endpoint (under
// /login), Azure Resource Manager at the root and the Retail Prices API (under /prices), serving
// the fixtures of tests/data/azure (see its README for the spec file and api-version of each).
// Every ARM request is checked as it arrives: the api-version its resource provider's spec
// gives, and "Authorization: Bearer" with the token issued last; what is wrong is collected in
// violations(), which each test expects empty.

#include "fakecloudserver.h"
#include "testhelpers.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QUrlQuery>

namespace AzureTesting {

inline const QString tenant = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
inline const QString clientId = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");
/// Reserved characters included: the form encoding must carry them as themselves.
inline const QString clientSecret = QStringLiteral("Az8Q~test+secret/with=reserved&chars");
inline const QString subA = QStringLiteral("11111111-1111-4111-8111-111111111111");
inline const QString subB = QStringLiteral("22222222-2222-4222-8222-222222222222");
inline const QString web1 = QStringLiteral(
    "/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/RG-WEB/providers/"
    "Microsoft.Compute/virtualMachines/web-1");
inline const QString tokenPath =
    QStringLiteral("/login/") + tenant + QLatin1String("/oauth2/v2.0/token");

/// The fixture @p name with @p replacements made.
inline QByteArray fixture(const QString &name,
                          const QList<std::pair<QByteArray, QByteArray>> &replacements = {})
{
    QFile file(testDataPath(QStringLiteral("azure/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    QByteArray body = file.readAll();
    for (const auto &[from, to] : replacements)
        body.replace(from, to);
    return body;
}

class FakeAzure
{
public:
    explicit FakeAzure(FakeCloudServer &server)
        : m_server(server)
    { }

    [[nodiscard]] QStringList violations() const { return m_violations; }
    /// After a test that sent a wrong request on purpose.
    void clearViolations() { m_violations.clear(); }
    [[nodiscard]] int tokensIssued() const { return m_issued; }
    [[nodiscard]] QByteArray currentToken() const
    {
        return "token-" + QByteArray::number(m_issued);
    }
    [[nodiscard]] QList<RecordedRequest> tokenRequests() const
    {
        return m_server.requests("POST", tokenPath);
    }
    /// ARM requests only (no sign-in, no prices).
    [[nodiscard]] QList<RecordedRequest> armRequests() const
    {
        QList<RecordedRequest> result;
        for (const RecordedRequest &request : m_server.requests()) {
            if (request.path.startsWith(QLatin1String("/subscriptions")))
                result.append(request);
        }
        return result;
    }

    /// Checks an ARM request; @p version is what the spec of its resource provider says.
    void check(const RecordedRequest &request, const QString &version)
    {
        const QString sent = request.query.queryItemValue(QStringLiteral("api-version"));
        if (sent != version)
            m_violations.append(
                QStringLiteral("%1 %2: api-version %3, not %4")
                    .arg(QString::fromLatin1(request.method), request.path, sent, version));
        if (request.header("Authorization") != "Bearer " + currentToken())
            m_violations.append(QStringLiteral("%1 %2: Authorization \"%3\"")
                                    .arg(QString::fromLatin1(request.method), request.path,
                                         QString::fromLatin1(request.header("Authorization"))));
    }

    /// A route that checks each request against @p version, then answers with @p handler.
    void arm(const QByteArray &method, const QString &pattern, const QString &version,
             FakeCloudServer::Handler handler)
    {
        m_server.on(method, pattern, [this, version, handler](const RecordedRequest &request) {
            check(request, version);
            return handler(request);
        });
    }
    void arm(const QByteArray &method, const QString &pattern, const QString &version,
             const FakeResponse &response)
    {
        arm(method, pattern, version, [response](const RecordedRequest &) { return response; });
    }

    /// The token endpoint: checks the client-credentials form, issues token-1, token-2, ...
    void serveToken(int lifetime = 3599)
    {
        m_server.on("POST", tokenPath, [this, lifetime](const RecordedRequest &request) {
            const QUrlQuery form(QString::fromLatin1(request.body));
            auto field = [&form](const char *name) {
                return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
            };
            if (field("grant_type") != QLatin1String("client_credentials")
                || field("client_id") != clientId || field("client_secret") != clientSecret
                || field("scope") != QLatin1String("https://management.azure.com/.default")
                || request.header("Content-Type") != "application/x-www-form-urlencoded")
                m_violations.append(QStringLiteral("token request: ")
                                    + QString::fromLatin1(request.body));
            ++m_issued;
            return FakeResponse::raw(200, fixture(QStringLiteral("token.json"),
                                                  {{"{{TOKEN}}", currentToken()},
                                                   {"3599", QByteArray::number(lifetime)}}));
        });
    }

    /// Everything a listing of both subscriptions reads, with prices.
    void serveListing()
    {
        serveToken();
        const QByteArray base = m_server.url().toString().toUtf8();
        arm("GET", QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01"),
            FakeResponse::raw(200, fixture(QStringLiteral("subscriptions.json"))));
        arm("GET", QStringLiteral("/subscriptions/*/providers/Microsoft.Compute/virtualMachines"),
            QStringLiteral("2024-07-01"), [base](const RecordedRequest &request) {
                const bool a = request.pathArgs.value(0) == subA;
                if (request.query.queryItemValue(QStringLiteral("statusOnly"))
                    == QLatin1String("true"))
                    return FakeResponse::raw(200, fixture(a ? QStringLiteral("statuses-a.json")
                                                            : QStringLiteral("statuses-b.json")));
                if (!a)
                    return FakeResponse::raw(200,
                                             fixture(QStringLiteral("virtualmachines-b.json")));
                const bool second = request.query.queryItemValue(QStringLiteral("$skiptoken"))
                                    == QLatin1String("web-2");
                return FakeResponse::raw(
                    200, fixture(second ? QStringLiteral("virtualmachines-a-page2.json")
                                        : QStringLiteral("virtualmachines-a-page1.json"),
                                 {{"{{BASE}}", base}}));
            });
        arm("GET", QStringLiteral("/subscriptions/*/providers/Microsoft.Network/networkInterfaces"),
            QStringLiteral("2024-05-01"), [](const RecordedRequest &request) {
                return FakeResponse::raw(200,
                                         fixture(request.pathArgs.value(0) == subA
                                                     ? QStringLiteral("networkinterfaces-a.json")
                                                     : QStringLiteral("empty.json")));
            });
        arm("GET", QStringLiteral("/subscriptions/*/providers/Microsoft.Network/publicIPAddresses"),
            QStringLiteral("2024-05-01"), [](const RecordedRequest &request) {
                return FakeResponse::raw(200,
                                         fixture(request.pathArgs.value(0) == subA
                                                     ? QStringLiteral("publicipaddresses-a.json")
                                                     : QStringLiteral("empty.json")));
            });
        servePrices();
    }

    /// The Retail Prices API: the same meters for whatever region and SKU the filter names.
    void servePrices()
    {
        m_server.on("GET", QStringLiteral("/prices"), [this](const RecordedRequest &request) {
            if (!request.header("Authorization").isEmpty())
                m_violations.append(QStringLiteral("the prices API got an Authorization header"));
            const QString filter =
                request.query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
            static const QRegularExpression pattern(QStringLiteral(
                "^serviceName eq 'Virtual Machines' and armRegionName eq '([a-z0-9]+)' and "
                "armSkuName eq '([A-Za-z0-9_]+)' and priceType eq 'Consumption'$"));
            const QRegularExpressionMatch match = pattern.match(filter);
            if (!match.hasMatch()) {
                m_violations.append(QStringLiteral("prices filter: ") + filter);
                return FakeResponse::raw(400, "{}");
            }
            return FakeResponse::raw(200, fixture(QStringLiteral("retailprices.json"),
                                                  {{"{{REGION}}", match.captured(1).toUtf8()},
                                                   {"{{SKU}}", match.captured(2).toUtf8()}}));
        });
    }

private:
    FakeCloudServer &m_server;
    QStringList m_violations;
    int m_issued = 0;
};

} // namespace AzureTesting
