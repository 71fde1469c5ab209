#pragma once

#include "httpclient.h"
#include "machine.h"
#include "ratelimit.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

/**
 * @brief Turns Hetzner Cloud API v1 replies (servers, actions, pagination, errors) into CloudDeck
 * values.
 *
 * Pure functions over parsed JSON, so they can be fed any input: a reply of the wrong shape yields
 * an InvalidReply error, never a crash. Field names follow Hetzner's API reference
 * (docs.hetzner.cloud).
 */
class HetznerParser
{
public:
    /// One entry of a server type's "prices" ({"net", "gross"} strings). CloudDeck shows gross
    /// everywhere (machines and sizes alike): Hetzner computes it for this account's billing
    /// country (it equals net for reverse-charge business accounts), so it is the amount the
    /// invoice will show. Net is kept beside it (Machine::extra["pricePerMonthNet"]).
    struct Price
    {
        std::optional<double> monthly;
        std::optional<double> hourly;
        std::optional<double> monthlyNet;
        std::optional<double> hourlyNet;
        [[nodiscard]] bool isValid() const { return monthly.has_value() || hourly.has_value(); }
    };

    /// An action object: {"id", "status": "running"|"success"|"error", "error": {...}}.
    struct Action
    {
        qint64 id = 0;
        QString status;
        QString command;
        QString errorCode;
        QString errorMessage;
    };

    /// A server object -> Machine. Fails when it is not an object or has no numeric id.
    [[nodiscard]] static Result<Machine> server(const QJsonValue &value);
    /// {"servers": [...]} -> machines.
    [[nodiscard]] static Result<QList<Machine>> servers(const QJsonObject &page);
    /// Every Hetzner server status onto the normalised states (unknown text -> Unknown).
    [[nodiscard]] static MachineState::State state(const QString &status);
    /// meta.pagination.next_page: the next page number, or nullopt on the last page (or when the
    /// reply has no pagination at all). A next page that does not come after @p currentPage is an
    /// error, so a looping server cannot keep us paging.
    [[nodiscard]] static Result<std::optional<int>> nextPage(const QJsonObject &page,
                                                             int currentPage);
    /// meta.pagination.total_entries, when the API says.
    [[nodiscard]] static std::optional<qint64> totalEntries(const QJsonObject &page);
    /// The 201 reply of POST /servers: {"server", "action", "next_actions", "root_password"}. The
    /// create action's id is kept in extra["createActionId"]; the root password never is.
    [[nodiscard]] static Result<Machine> createdServer(const QJsonObject &reply);
    /// {"action": {...}} -> Action. Fails when there is no action object with an id and status.
    [[nodiscard]] static Result<Action> action(const QJsonObject &reply);
    /// The price entry of @p prices (a server type's "prices") for @p location.
    [[nodiscard]] static Price price(const QJsonValue &prices, const QString &location);

    /// Labels {"env": "prod", "backup": ""} -> tags {"backup", "env=prod"} (sorted by key).
    [[nodiscard]] static QStringList tags(const QJsonValue &labels);
    /// "2001:db8::/64" -> "2001:db8::1"; an address without a prefix is returned as it is;
    /// empty for anything that is not an IPv6 address or network.
    [[nodiscard]] static QString ipv6HostAddress(const QString &network);

    /// The error body {"error": {"code", "message", "details"}}; empty fields when absent.
    [[nodiscard]] static HttpClient::ProviderError error(const HttpResponse &response);
    /// RateLimit-* headers, with the pacing adapted to Hetzner's gradually refilling budget.
    [[nodiscard]] static std::optional<RateLimit>
    rateLimit(const HttpResponse &response, const QDateTime &now = QDateTime::currentDateTimeUtc());
};
