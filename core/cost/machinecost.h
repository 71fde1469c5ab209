#pragma once

#include "clouddeck_core_export.h"
#include "machine.h"
#include "money.h"
#include "providermetadata.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

class UserPrices;

/**
 * @brief What one machine costs a month and why: its price, where that price comes from, and
 * what of it is billed in the machine's current state under its cloud's billing rule.
 *
 * One place for the rules, used by the cost report (CLI and GUI alike):
 * - the price: one the user set for the machine, else for its size, else the cloud's own
 *   (a listing's or catalogue's price, or AWS's Price List); an hourly price alone is counted
 *   730 hours, marked as an estimate;
 * - billed: a running (or starting, rebooting, ...) machine costs its price; a stopped or
 *   suspended one what ProviderMetadata::Billing::stopped says; a destroyed one nothing;
 * - volumes: disks billed apart from the machine (AWS EBS) whose monthly price the plugin put
 *   on the machine (extra "volumesPrice", a decimal string, and "volumesCurrency"; with
 *   "volumeCount", "volumesGiB", "volumesUnpricedCharges"). A running machine costs its price
 *   plus its volumes; one stopped under the "volumes" rule (or with its compute released) costs
 *   its volumes, an estimate, and counts as off but billed. Without a volumes price the old
 *   wording stands ("its disks still are, not priced here"). A price the user set is taken as
 *   the whole running price: no volumes are added to it.
 */
struct CLOUDDECK_CORE_EXPORT MachineCost
{
    Q_DECLARE_TR_FUNCTIONS(MachineCost)
public:
    enum class Source {
        None, ///< no price known
        ProviderList, ///< the cloud's list price (listing or size catalogue)
        PriceListApi, ///< the AWS Price List Query API (on-demand, an estimate)
        User, ///< set by the user
    };

    /// Hours in AWS's billing month (365 * 24 / 12).
    static constexpr int hoursPerMonth = 730;

    std::optional<Money> price; ///< the monthly price
    Money billed; ///< what the monthly run-rate counts now; invalid when the price is unknown
    Source source = Source::None;
    bool estimate = false; ///< shown with "≈"
    bool off = false; ///< stopped or suspended
    bool offButBilled = false; ///< off, and still billed (in full, or its priced volumes)
    bool volumesOnly = false; ///< off, and only its disks are billed (not priced here)
    std::optional<Money> volumes; ///< its volumes' monthly price, when the plugin knows it
    QString note; ///< a sentence for tooltips and the CSV

    /// The cost of @p machine under @p billing, with @p userPrices (may be null) first.
    [[nodiscard]] static MachineCost of(const Machine &machine,
                                        const ProviderMetadata::Billing &billing,
                                        const UserPrices *userPrices);
    /// "provider", "price-list-api", "user", "none": stable ids for JSON and CSV.
    [[nodiscard]] static QString sourceId(Source source);
    /// "Provider list price", "AWS Price List API", "Set by you".
    [[nodiscard]] static QString sourceText(Source source);
    /// "$12.00", "≈ $7.59", "—".
    [[nodiscard]] QString priceText() const;
    [[nodiscard]] QString billedText() const;
};
