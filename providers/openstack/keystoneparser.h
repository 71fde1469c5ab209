#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

struct HttpResponse;

/**
 * @brief Reads Keystone v3 token replies (POST /v3/auth/tokens): the token from the
 * X-Subject-Token header, its lifetime, who it belongs to and the service catalog.
 *
 * Pure functions: any reply gives a value or an InvalidReply error. Field names follow the
 * Identity API v3 reference (docs.openstack.org/api-ref/identity/v3, "Password authentication with
 * scoped authorization" and "Authenticating with an Application Credential").
 */
class KeystoneParser
{
public:
    /// One entry of token.catalog[].endpoints[], with its service's type.
    struct Endpoint
    {
        QString type; ///< "compute", "image", "network", ...
        QString region; ///< region_id (region, deprecated, when it is absent)
        QString interface; ///< "public", "internal", "admin"
        QUrl url;
        bool operator==(const Endpoint &) const = default;
    };
    struct Token
    {
        QByteArray id; ///< the X-Subject-Token value: a secret
        QDateTime expiresAt;
        QDateTime issuedAt;
        QString user;
        QString userDomain;
        QString project;
        QList<Endpoint> catalog;
    };

    /// The 201 reply of POST /v3/auth/tokens. Fails without X-Subject-Token, without a readable
    /// expires_at, or with a catalog that is not a list of services with endpoints.
    [[nodiscard]] static Result<Token> token(const HttpResponse &response);
    [[nodiscard]] static Result<Token> token(const QByteArray &subjectToken,
                                             const QJsonObject &reply);
    /// The endpoints of @p type on @p interface, one per region (the first listed wins).
    [[nodiscard]] static QList<Endpoint> endpoints(const QList<Endpoint> &catalog,
                                                   const QString &type,
                                                   const QString &interface);
};
