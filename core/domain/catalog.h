#pragma once

// The catalog values a create-machine flow needs. Small plain structs, kept together because each
// is only a handful of fields and they always travel as a set (one file per class would be noise
// here).

#include "clouddeck_core_export.h"
#include "createmachinerequest.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

/// @brief A data centre / location a machine can be created in.
struct CLOUDDECK_CORE_EXPORT Region
{
    QString id; ///< "nyc3", "fsn1", "us-east-1"
    QString name; ///< "New York 3"
    QString country;
    bool available = true;
    QStringList sizes; ///< size ids offered here, empty when the API does not say
    bool operator==(const Region &) const = default;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Region fromJson(const QJsonObject &object);
};

/// @brief A machine size / plan / server type with its price.
struct CLOUDDECK_CORE_EXPORT Size
{
    QString id;
    QString description;
    int vcpus = 0;
    int memoryMb = 0;
    int diskGb = 0;
    std::optional<double> priceMonthly;
    std::optional<double> priceHourly;
    QStringList regions; ///< where it is available, empty when everywhere / unknown
    bool available = true;
    bool operator==(const Size &) const = default;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Size fromJson(const QJsonObject &object);
};

/// @brief A bootable image: a distribution, an app image or the user's own snapshot.
struct CLOUDDECK_CORE_EXPORT Image
{
    QString id;
    QString name;
    QString distribution;
    QString kind; ///< "distribution", "application", "snapshot", "custom"
    QStringList regions;
    bool operator==(const Image &) const = default;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Image fromJson(const QJsonObject &object);
};

/// @brief An SSH public key registered with the account.
struct CLOUDDECK_CORE_EXPORT SshKey
{
    QString id;
    QString name;
    QString fingerprint;
    QString publicKey;
    bool operator==(const SshKey &) const = default;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static SshKey fromJson(const QJsonObject &object);
};
