#pragma once

#include "account.h"
#include "asyncresult.h"
#include "fakecloudserver.h"
#include "providermetadata.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

class AwsProvider;

/// @brief One EC2 Query API call as the fake endpoint received and verified it.
struct Ec2Call
{
    RecordedRequest request;
    QString action;
    QString region; ///< from the signature's credential scope
    QList<std::pair<QString, QString>> params; ///< the form body, decoded, in order sent
    QString signatureFailure; ///< empty when the signature verified

    /// The first value of @p name, empty when absent.
    [[nodiscard]] QString param(const QString &name) const;
    [[nodiscard]] bool has(const QString &name) const;
};

/**
 * @brief A fake Amazon EC2 Query API endpoint on a FakeCloudServer that checks the AWS signature
 * of every request it receives with an independent implementation (sigv4verifier.h), then answers
 * from the XML fixtures in tests/data/aws (written from the EC2 API reference).
 *
 * It holds two regions: us-east-1 (six instances over two DescribeInstances pages, their
 * volumes over two DescribeVolumes pages) and eu-west-1 (two instances, three volumes); any other
 * region is empty. A request that fails verification gets EC2's
 * SignatureDoesNotMatch reply and is listed in signatureFailures(), which every test checks.
 */
class FakeEc2
{
public:
    static constexpr const char *accessKeyId = "AKIDEXAMPLE";
    static constexpr const char *secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static constexpr const char *page2Token = "eyJ2IjoiMiIsImMiOiJwYWdlMiJ9";
    static constexpr const char *volumesPage2Token = "dm9sdW1lcy1wYWdlMg==";
    using Handler = std::function<FakeResponse(const Ec2Call &call)>;

    explicit FakeEc2(FakeCloudServer &server);

    /// The default answer for every action (a test's own on()/enqueue() come first).
    void serveFixtures();
    /// Answers @p action with @p handler from now on.
    void on(const QString &action, Handler handler);
    /// Answers the next call of @p action with @p response, once (queued in order).
    void enqueue(const QString &action, const FakeResponse &response);
    /// The session token requests must carry (and sign); empty: none expected.
    void setExpectedSessionToken(const QString &token) { m_sessionToken = token; }

    [[nodiscard]] QList<Ec2Call> calls(const QString &action = {}) const;
    [[nodiscard]] QStringList signatureFailures() const;

    /// A fixture as the reply body, "${name}" placeholders replaced.
    [[nodiscard]] static FakeResponse xml(const QString &fixture, int status = 200,
                                          const QHash<QString, QString> &values = {});
    /// The region the fixtures put @p instanceId in, empty when unknown.
    [[nodiscard]] static QString regionOfInstance(const QString &instanceId);

    [[nodiscard]] static ProviderMetadata metadata();
    /// An account on this server; @p endpointPath may contain "{region}".
    [[nodiscard]] Account account(const QString &endpointPath = QStringLiteral("/{region}"),
                                  const QStringList &regions = {}) const;
    /// A provider for @p account with the fake's secret and short retry delays.
    [[nodiscard]] std::unique_ptr<AwsProvider> provider(const Account &account,
                                                        const QString &sessionToken = {}) const;

private:
    FakeResponse respond(const RecordedRequest &request);
    FakeCloudServer &m_server;
    QHash<QString, Handler> m_handlers;
    QHash<QString, QList<FakeResponse>> m_queue;
    QList<Ec2Call> m_calls;
    QString m_sessionToken;
    QHash<QString, QString> m_launched; ///< instance id -> region, from RunInstances
};
