// AwsProvider's EBS volumes: listed per region after its instances, priced per GB-month from the
// Price List through the same cache as the instances (see the class comment in awsprovider.h and
// AwsVolumes for what is and is not priced).
#include "awsprovider.h"

#include <QSet>
#include <algorithm>

namespace {
/// A refused DescribeVolumes is asked again after this long (the policy may have been fixed).
constexpr qint64 volumesDeniedRetrySeconds = 3600;
} // namespace

QString AwsProvider::volumesPermissionHint()
{
    return tr("This AWS key may not list EBS volumes: add ec2:DescribeVolumes to its IAM policy "
              "to see what the disks of stopped instances cost.");
}

bool AwsProvider::wantsVolumes(const QList<Machine> &regionMachines) const
{
    // Volumes only matter for their price.
    if (pricingEndpoint().isEmpty())
        return false;
    if (m_volumesDeniedAt.isValid()
        && m_volumesDeniedAt.secsTo(m_priceClock()) < volumesDeniedRetrySeconds)
        return false;
    return std::any_of(regionMachines.cbegin(), regionMachines.cend(),
                       [](const Machine &m) { return m.state != MachineState::Terminated; });
}

void AwsProvider::listVolumes(const QString &region, const std::function<void()> &done)
{
    describeAll<AwsVolumes::Volume>(
        region, QStringLiteral("DescribeVolumes"),
        AwsVolumes::describeParams(std::min(m_pageSize, 500)), &AwsVolumes::parse,
        [this, region, done](Result<QList<AwsVolumes::Volume>> volumes) {
            if (volumes.ok()) {
                m_regionVolumes.insert(region, volumes.takeValue());
            } else if (volumes.error().providerCode() == QLatin1String("UnauthorizedOperation")
                       || volumes.error().kind() == Error::Forbidden) {
                // Not an error on the account: the machines are listed, their disks unpriced.
                m_volumesDeniedAt = m_priceClock();
                m_regionVolumes.clear();
                qCInfo(lcAws).noquote() << "DescribeVolumes refused (" << volumes.error().message()
                                        << "); volumes are not priced";
            } else {
                // The last known volumes of the region stand; they change rarely.
                qCWarning(lcAws).noquote()
                    << "EBS volumes unavailable in" << region << ":" << volumes.error().message();
            }
            done();
        });
}

QList<AwsProvider::PriceQuery> AwsProvider::missingStoragePrices(const QList<Machine> &machines)
{
    QSet<QString> regions;
    for (const Machine &machine : machines) {
        if (machine.state != MachineState::Terminated)
            regions.insert(machine.region);
    }
    const QUrl endpoint = pricingEndpoint();
    QList<PriceQuery> queries;
    QSet<QString> seen;
    for (const QString &region : std::as_const(regions)) {
        for (const AwsVolumes::Volume &volume : m_regionVolumes.value(region)) {
            const AwsPriceList::StorageKey key {volume.type, region};
            if (!AwsPriceList::isKnownVolumeType(volume.type) || seen.contains(key.id())
                || m_priceCache.find(key.id()))
                continue;
            seen.insert(key.id());
            queries.append({key.id(), AwsPriceList::storageRequest(endpoint, key),
                            [key](const QByteArray &json) {
                                return AwsPriceList::storagePrice(json, key);
                            }});
        }
    }
    return queries;
}

void AwsProvider::applyVolumePrices(QList<Machine> &machines)
{
    const bool denied = m_volumesDeniedAt.isValid()
                        && m_volumesDeniedAt.secsTo(m_priceClock()) < volumesDeniedRetrySeconds;
    QHash<QString, QList<AwsVolumes::Volume>> byInstance;
    for (const QList<AwsVolumes::Volume> &volumes : std::as_const(m_regionVolumes)) {
        // A Multi-Attach volume is billed once: counted on the first instance it names.
        for (const AwsVolumes::Volume &volume : volumes)
            byInstance[volume.instanceIds.first()].append(volume);
    }
    for (Machine &machine : machines) {
        if (machine.state == MachineState::Terminated)
            continue;
        if (denied) {
            // The Price List's hint, if any, says more (no volume could be priced without it).
            if (!machine.extra.contains(QStringLiteral("priceHint")))
                machine.extra.insert(QStringLiteral("priceHint"), volumesPermissionHint());
            continue;
        }
        const QString region = machine.region;
        const AwsVolumes::Total total =
            AwsVolumes::total(byInstance.value(machine.id), [this, &region](const QString &type) {
                const std::optional<AwsPriceCache::Entry> entry =
                    m_priceCache.find(AwsPriceList::StorageKey {type, region}.id());
                return entry ? entry->price : std::nullopt;
            });
        AwsVolumes::annotate(machine, total);
    }
}
