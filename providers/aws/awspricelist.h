#pragma once

#include "httpclient.h"
#include "httprequest.h"
#include "machine.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <optional>

/**
 * @brief The AWS Price List Query API's GetProducts, as EC2 instance prices need it: the request
 * (JSON 1.1 protocol: a POST of a JSON body with X-Amz-Target, signed for the service "pricing")
 * and the reply, whose PriceList entries are JSON documents inside JSON strings.
 *
 * Shapes from botocore's botocore/data/pricing/2017-10-15/service-2.json (targetPrefix
 * AWSPriceListService, jsonVersion 1.1, signingName pricing, endpointPrefix api.pricing;
 * GetProductsRequest {ServiceCode, Filters [{Type TERM_MATCH, Field, Value}], FormatVersion,
 * NextToken, MaxResults 1-100}; GetProductsResponse {FormatVersion, PriceList [string],
 * NextToken}). Pure functions, as AwsParser.
 */
class AwsPriceList
{
public:
    /// What one price is looked up by: one product in the Price List.
    struct Key
    {
        QString instanceType; ///< "t3.micro"
        QString regionCode; ///< "us-east-1"
        QString operatingSystem; ///< the Price List's word: "Linux", "Windows", "RHEL", ...
        QString preInstalledSw = QStringLiteral("NA"); ///< "NA", "SQL Std", "SQL Web", "SQL Ent"
        QString licenseModel = QStringLiteral("No License required");

        /// "t3.micro|us-east-1|Linux|NA|No License required", the cache's key.
        [[nodiscard]] QString id() const;
        bool operator==(const Key &) const = default;
    };

    /// What the price of EBS storage is looked up by: a volume type in a region.
    struct StorageKey
    {
        QString volumeType; ///< EC2's VolumeType, the Price List's volumeApiName: "gp3", ...
        QString regionCode;

        /// "ebs|gp3|us-east-1", the cache's key (never the same as an instance Key's).
        [[nodiscard]] QString id() const;
        bool operator==(const StorageKey &) const = default;
    };

    /// An on-demand price per unit as the Price List states it: an instance hour
    /// ("0.0104000000" USD) or a GB-month of EBS storage ("0.0800000000" USD).
    struct Price
    {
        QString amount;
        QString currency = QStringLiteral("USD");
        bool operator==(const Price &) const = default;
    };

    /// The documented endpoint (the API is served from us-east-1, among a few).
    [[nodiscard]] static QUrl defaultEndpoint();
    [[nodiscard]] static QString signingRegion() { return QStringLiteral("us-east-1"); }

    /// The Key of an instance from its type, region and platform details (EC2's
    /// platformDetails: "Linux/UNIX", "Windows", "Red Hat Enterprise Linux", "Windows with SQL
    /// Server Standard", ...); nullopt for one the Price List cannot price on demand (spot
    /// instances, unknown platforms).
    [[nodiscard]] static std::optional<Key> keyFor(const Machine &machine);

    /// The GetProducts request for @p key to @p endpoint (unsigned).
    [[nodiscard]] static HttpRequest request(const QUrl &endpoint, const Key &key);
    /// GetProductsResponse -> the on-demand hourly price of the product matching @p key;
    /// nullopt when the reply has no such product (an instance type that is not sold there).
    [[nodiscard]] static Result<std::optional<Price>> price(const QByteArray &json, const Key &key);
    /// Whether the Price List prices @p volumeType as storage: EC2's VolumeType enum in
    /// botocore's ec2 service-2.json (standard, io1, io2, gp2, sc1, st1, gp3).
    [[nodiscard]] static bool isKnownVolumeType(const QString &volumeType);
    /// The GetProducts request for the storage of @p key: productFamily Storage, volumeApiName,
    /// regionCode (unsigned).
    [[nodiscard]] static HttpRequest storageRequest(const QUrl &endpoint, const StorageKey &key);
    /// GetProductsResponse -> the on-demand price per GB-month ("GB-Mo") of @p key's volume
    /// type, preferring the region's own product over a Local Zone's; nullopt when none.
    [[nodiscard]] static Result<std::optional<Price>> storagePrice(const QByteArray &json,
                                                                   const StorageKey &key);

    /// A JSON 1.1 error body ({"__type": "...#AccessDeniedException", "Message": "..."}).
    [[nodiscard]] static HttpClient::ProviderError error(const QByteArray &json);
    /// Whether @p error means the key may not call pricing:GetProducts.
    [[nodiscard]] static bool isAccessDenied(const Error &error);
};
