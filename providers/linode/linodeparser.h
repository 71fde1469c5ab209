#pragma once

#include "catalog.h"
#include "httpclient.h"
#include "machine.h"
#include "pricetable.h"
#include "result.h"

#include <QJsonObject>
#include <optional>

/**
 * @brief Turns Linode API v4 replies into CloudDeck values.
 *
 * Pure functions over parsed JSON, so they can be fed any input: a reply of the wrong shape
 * yields an InvalidReply error, never a crash. Field names follow Linode's OpenAPI description
 * (linode/linode-api-docs). Linode's timestamps carry no time zone ("2018-01-01T00:01:01"); they
 * are UTC, and are read as such.
 */
class LinodeParser
{
public:
    /// A Linode type with the per-region prices that override its default price.
    struct Type
    {
        Size size;
        QList<std::pair<QString, PriceTable::Price>> regionPrices;
    };

    /// A Linode instance object -> Machine. Fails when it is not an object or has no id.
    [[nodiscard]] static Result<Machine> instance(const QJsonValue &value);
    /// {"data": [instances], ...} -> machines.
    [[nodiscard]] static Result<QList<Machine>> instances(const QJsonObject &page);
    /// Linode's status words -> the normalised state (the text is kept by the caller).
    [[nodiscard]] static MachineState::State state(const QString &status);
    /// The page after @p requestedPage per "page"/"pages", or nullopt after the last page. Fails
    /// when the reply has no page count or answers for another page than the one asked for.
    [[nodiscard]] static Result<std::optional<int>> nextPage(const QJsonObject &page,
                                                             int requestedPage);
    /// GET /profile -> "username (email)".
    [[nodiscard]] static Result<QString> profile(const QJsonObject &reply);
    /// {"errors": [{"reason", "field"}]} -> "field: reason; reason" (empty when not that shape).
    [[nodiscard]] static HttpClient::ProviderError error(const QJsonObject &body);
    /// "results": how many items the whole listing has, as the API states; nullopt without one.
    [[nodiscard]] static std::optional<qint64> statedTotal(const QJsonObject &page);

    [[nodiscard]] static Result<QList<Type>> types(const QJsonObject &page);
    [[nodiscard]] static PriceTable priceTable(const QList<Type> &types);
    [[nodiscard]] static Result<QList<Region>> regions(const QJsonObject &page);
    /// Deployable images: public ones and the account's own, without those still being made.
    [[nodiscard]] static Result<QList<Image>> images(const QJsonObject &page);
    [[nodiscard]] static Result<QList<SshKey>> sshKeys(const QJsonObject &page);

    /// An address from Linode's single ipv4 list is private when it is in 10/8, 172.16/12 or
    /// 192.168/16 (Linode's private addresses are in 192.168.128/17).
    [[nodiscard]] static bool isPrivateIpv4(const QString &address);
    /// A Linode timestamp (no zone: UTC) or an ISO 8601 one with a zone.
    [[nodiscard]] static QDateTime timestamp(const QJsonValue &value);
};
