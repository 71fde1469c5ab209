#pragma once

#include "catalog.h"
#include "httpclient.h"
#include "machine.h"
#include "result.h"

#include <QJsonObject>
#include <optional>

/**
 * @brief Turns Vultr API v2 replies into CloudDeck values.
 *
 * Pure functions over parsed JSON, so they can be fed any input: a reply of the wrong shape
 * yields an InvalidReply error, never a crash. Field names follow Vultr's OpenAPI description.
 */
class VultrParser
{
public:
    /// Vultr bills by the hour up to 672 hours (28 days) a month: a plan's hourly price, when the
    /// API gives only the monthly one, is that divided by 672.
    static constexpr int billedHoursPerMonth = 672;

    /// An instance object -> Machine. Fails when it is not an object or has no id. The one-time
    /// root password of a new instance ("default_password") is never kept.
    [[nodiscard]] static Result<Machine> instance(const QJsonValue &value);
    /// {"instances": [...], "meta": {...}} -> machines.
    [[nodiscard]] static Result<QList<Machine>> instances(const QJsonObject &page);
    /// Vultr describes an instance with three words: its subscription "status" (active, pending,
    /// suspended, resizing), its "power_status" (running, stopped) and its "server_status" (none,
    /// locked, installingbooting, ok). Together they give one normalised state.
    [[nodiscard]] static MachineState::State
    state(const QString &status, const QString &powerStatus, const QString &serverStatus);
    /// The cursor of the next page (meta.links.next), nullopt when it is empty (the last page).
    [[nodiscard]] static Result<std::optional<QString>> nextCursor(const QJsonObject &page);
    /// meta.total: how many items the whole listing has, as the API states; nullopt without one.
    [[nodiscard]] static std::optional<qint64> statedTotal(const QJsonObject &page);
    /// GET /account -> "name (email)".
    [[nodiscard]] static Result<QString> account(const QJsonObject &reply);
    /// {"error": "...", "status": 400} -> its message.
    [[nodiscard]] static HttpClient::ProviderError error(const QJsonObject &body);

    [[nodiscard]] static Result<QList<Size>> plans(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Region>> regions(const QJsonObject &page);
    /// GET /os -> installable operating systems (the pseudo entries that stand for a snapshot,
    /// backup, ISO or application, deployed through other fields, are left out).
    [[nodiscard]] static Result<QList<Image>> operatingSystems(const QJsonObject &page);
    /// GET /snapshots -> the account's complete snapshots.
    [[nodiscard]] static Result<QList<Image>> snapshots(const QJsonObject &page);
    [[nodiscard]] static Result<QList<SshKey>> sshKeys(const QJsonObject &page);
};
