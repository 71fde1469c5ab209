#pragma once

#include "clouddeck_core_export.h"
#include "machinestate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <optional>

/**
 * @brief One virtual machine, as any provider describes it, normalised.
 *
 * Its key is (accountId, id). Everything a provider knows but the normalised fields do not cover
 * goes into @c extra (e.g. AWS DNS names, platform), so nothing the API said is thrown away.
 */
struct CLOUDDECK_CORE_EXPORT Machine
{
    QString accountId;
    QString providerId;
    QString id;
    QString name;
    MachineState::State state = MachineState::Unknown;
    QString providerState; ///< the provider's own word for the state ("active", "off", ...)
    QString region;
    QString size;
    QString image;
    QStringList publicIpv4;
    QStringList publicIpv6;
    QStringList privateIpv4;
    QStringList privateIpv6;
    QStringList tags;
    QDateTime createdAt;
    std::optional<double> pricePerMonth;
    std::optional<double> pricePerHour;
    int vcpus = 0;
    int memoryMb = 0;
    int diskGb = 0;
    QVariantMap extra;
    QDateTime lastSeen; ///< when a poll last confirmed this machine

    [[nodiscard]] QStringList publicIps() const { return publicIpv4 + publicIpv6; }
    [[nodiscard]] QStringList privateIps() const { return privateIpv4 + privateIpv6; }
    /// The address SSH should use: first public IPv4, then public IPv6, then private.
    [[nodiscard]] QString primaryIp() const;

    /// The JSON shape shared by the CLI's --json and the cache (no account name; callers add it).
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Machine fromJson(const QJsonObject &object);

    /// Field-wise comparison that ignores lastSeen (a re-poll of the same machine is "no change").
    [[nodiscard]] bool sameContent(const Machine &other) const;
    bool operator==(const Machine &other) const = default;
};

// Every member is a relocatable Qt value (or a plain one), so a QList<Machine> grows by moving
// its bytes instead of move-constructing and destroying 10,000 machines one by one.
Q_DECLARE_TYPEINFO(Machine, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(Machine)
