#pragma once

#include "catalog.h"
#include "machine.h"
#include "result.h"

#include <QJsonObject>
#include <optional>

/**
 * @brief Turns DigitalOcean API v2 replies into CloudDeck values.
 *
 * Pure functions over parsed JSON, so they can be fed any input: a reply of the wrong shape
 * yields an InvalidReply error, never a crash. Field names follow DigitalOcean's OpenAPI reference.
 */
class DigitalOceanParser
{
public:
    /// A droplet object -> Machine. Fails when it is not an object or has no numeric id.
    [[nodiscard]] static Result<Machine> droplet(const QJsonValue &value);
    /// {"droplets": [...]} -> machines.
    [[nodiscard]] static Result<QList<Machine>> droplets(const QJsonObject &page);
    /// "active" -> Running, "off" -> Stopped, "new" -> Pending, "archive" -> Suspended.
    [[nodiscard]] static MachineState::State state(const QString &status);
    /// The page number of links.pages.next, if there is a next page.
    [[nodiscard]] static Result<std::optional<int>> nextPage(const QJsonObject &page);
    /// {"action": {"id", "status"}} -> (id, status); status is "in-progress", "completed" or
    /// "errored".
    [[nodiscard]] static Result<std::pair<qint64, QString>> action(const QJsonObject &reply);
    /// {"account": {"email"}} -> a description of the account.
    [[nodiscard]] static Result<QString> account(const QJsonObject &reply);

    [[nodiscard]] static Result<QList<Region>> regions(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Size>> sizes(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Image>> images(const QJsonObject &page);
    [[nodiscard]] static Result<QList<SshKey>> sshKeys(const QJsonObject &page);
};
