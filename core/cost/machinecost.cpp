#include "machinecost.h"

#include "userprices.h"

namespace {
bool isOff(MachineState::State state)
{
    return state == MachineState::Stopped || state == MachineState::Suspended;
}

std::optional<Money> volumesPrice(const Machine &machine)
{
    const QString text = machine.extra.value(QStringLiteral("volumesPrice")).toString();
    const QString currency = machine.extra.value(QStringLiteral("volumesCurrency")).toString();
    if (text.isEmpty() || !Money::isCurrencyCode(currency))
        return std::nullopt;
    return Money::fromDecimal(text, currency);
}

// "2 EBS volumes (130 GiB)"
QString volumesText(const Machine &machine)
{
    const int count = machine.extra.value(QStringLiteral("volumeCount")).toInt();
    const int gib = machine.extra.value(QStringLiteral("volumesGiB")).toInt();
    QString text = MachineCost::tr("%n EBS volume(s)", nullptr, count);
    if (gib > 0)
        text += QLatin1Char(' ') + MachineCost::tr("(%1 GiB)").arg(gib);
    return text;
}

// What the volumes' price leaves out, as a sentence to append (or nothing).
QString volumesCaveat(const Machine &machine)
{
    if (!machine.extra.value(QStringLiteral("volumesUnpricedCharges")).toBool())
        return {};
    return QLatin1Char(' ')
           + MachineCost::tr("Storage only: their provisioned IOPS and throughput are not "
                             "included.");
}
} // namespace

MachineCost MachineCost::of(const Machine &machine, const ProviderMetadata::Billing &billing,
                            const UserPrices *userPrices)
{
    using Billing = ProviderMetadata::Billing;
    MachineCost cost;
    if (userPrices) {
        cost.price = userPrices->machinePrice(machine.accountId, machine.id);
        if (!cost.price)
            cost.price = userPrices->sizePrice(machine.accountId, machine.size);
        if (cost.price)
            cost.source = Source::User;
    }
    // A price in another currency than the cloud's usual one says so (AWS China prices in CNY).
    const QString own = machine.extra.value(QStringLiteral("priceCurrency")).toString();
    const QString currency = Money::isCurrencyCode(own) ? own : billing.currency;
    if (!cost.price && machine.pricePerMonth) {
        cost.price = Money::fromMajor(*machine.pricePerMonth, currency);
        cost.source = billing.prices == Billing::Prices::PriceListApi ? Source::PriceListApi
                                                                      : Source::ProviderList;
    } else if (!cost.price && machine.pricePerHour) {
        cost.price = Money::fromMajor(*machine.pricePerHour * hoursPerMonth, currency);
        cost.source = billing.prices == Billing::Prices::PriceListApi ? Source::PriceListApi
                                                                      : Source::ProviderList;
        cost.estimate = true;
    }
    // On-demand list price times 730 hours: savings plans, reserved instances, credits and
    // partial hours are not in it.
    if (cost.source == Source::PriceListApi)
        cost.estimate = true;

    cost.off = isOff(machine.state);
    if (machine.state == MachineState::Terminated) {
        cost.billed = Money(0, cost.price ? cost.price->currency() : billing.currency);
        cost.note = tr("Destroyed: no longer billed.");
        return cost;
    }
    cost.volumes = volumesPrice(machine);
    if (cost.volumes && cost.price && cost.volumes->currency() != cost.price->currency())
        cost.volumes.reset(); // never added across currencies
    const bool computeReleased = machine.extra.value(QStringLiteral("computeReleased")).toBool();
    const bool volumesBilledWhenOff =
        cost.off && (computeReleased || billing.stopped == Billing::Stopped::Volumes);
    if (volumesBilledWhenOff && cost.volumes) {
        // Off, and what is still billed is known: its volumes, at the Price List's rate.
        cost.billed = *cost.volumes;
        cost.offButBilled = true;
        cost.estimate = true;
        if (!cost.price)
            cost.source = Source::PriceListApi;
        else if (cost.source != Source::User)
            cost.price = cost.price->plus(*cost.volumes);
        cost.note =
            (computeReleased ? tr("Deallocated: compute is not billed, but its %1 still "
                                  "are: %2 a month.")
                             : tr("Off: the instance is not billed, but its %1 still "
                                  "are: %2 a month (AWS Price List)."))
                .arg(volumesText(machine), QStringLiteral("≈ ") + cost.volumes->displayText())
            + volumesCaveat(machine);
        return cost;
    }
    if (!cost.price) {
        cost.note = billing.prices == Billing::Prices::None
                        ? tr("No list price on this cloud: set one with "
                             "'clouddeck-cli machines price'.")
                        : tr("The cloud gave no price for this machine.");
        const QString hint = machine.extra.value(QStringLiteral("priceHint")).toString();
        if (!hint.isEmpty())
            cost.note = hint;
        return cost;
    }
    if (!cost.off) {
        if (cost.volumes && cost.source != Source::User) {
            const Money instance = *cost.price;
            const QString approx = cost.estimate ? QStringLiteral("≈ ") : QString();
            cost.price = instance.plus(*cost.volumes);
            cost.estimate = true; // the volumes are the Price List's on-demand rate
            cost.note =
                tr("%1 for the instance and %2 for its %3 (AWS Price List).")
                    .arg(approx + instance.displayText(),
                         QStringLiteral("≈ ") + cost.volumes->displayText(), volumesText(machine))
                + volumesCaveat(machine);
        }
        cost.billed = *cost.price;
        return cost;
    }
    if (computeReleased) {
        // A stop state in which the cloud releases the hardware (Azure's "deallocated"), told
        // apart by the plugin on the machine: only the disks are still billed.
        cost.billed = Money(0, cost.price->currency());
        cost.volumesOnly = true;
        cost.note = tr("Deallocated: compute is not billed; its disks still are (not priced "
                       "here).");
        return cost;
    }
    switch (billing.stopped) {
    case Billing::Stopped::Full:
        cost.billed = *cost.price;
        cost.offButBilled = true;
        cost.note = tr("Off, but still billed in full until it is destroyed.");
        break;
    case Billing::Stopped::Unknown:
        cost.billed = *cost.price;
        cost.offButBilled = true;
        cost.estimate = true;
        cost.note = tr("Off; this cloud does not say whether that is billed, so it is counted.");
        break;
    case Billing::Stopped::Volumes:
        cost.billed = Money(0, cost.price->currency());
        cost.volumesOnly = true;
        cost.note = tr("Off: the instance is not billed, its disks still are (not priced "
                       "here).");
        break;
    case Billing::Stopped::Free:
        cost.billed = Money(0, cost.price->currency());
        cost.note = tr("Off: not billed.");
        break;
    }
    return cost;
}

QString MachineCost::sourceId(Source source)
{
    switch (source) {
    case Source::None:
        return QStringLiteral("none");
    case Source::ProviderList:
        return QStringLiteral("provider");
    case Source::PriceListApi:
        return QStringLiteral("price-list-api");
    case Source::User:
        return QStringLiteral("user");
    }
    return QStringLiteral("none");
}

QString MachineCost::sourceText(Source source)
{
    switch (source) {
    case Source::None:
        return tr("No price");
    case Source::ProviderList:
        return tr("Provider list price");
    case Source::PriceListApi:
        return tr("AWS Price List API (on-demand)");
    case Source::User:
        return tr("Set by you");
    }
    return {};
}

QString MachineCost::priceText() const
{
    if (!price)
        return QStringLiteral("—");
    return (estimate ? QStringLiteral("≈ ") : QString()) + price->displayText();
}

QString MachineCost::billedText() const
{
    if (!billed.isValid())
        return QStringLiteral("—");
    return (estimate && !billed.isZero() ? QStringLiteral("≈ ") : QString()) + billed.displayText();
}
