#include "awsvolumes.h"

#include <QCoreApplication>
#include <QMap>
#include <algorithm>

namespace {
/// gp3's baseline, included in its storage price (the EBS pricing page).
constexpr int gp3FreeIops = 3000;
constexpr int gp3FreeThroughputMiBps = 125;

Error shapeError(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("AwsProvider",
                                             "AWS sent a DescribeVolumes reply CloudDeck cannot "
                                             "read (%1).")
                     .arg(what));
}

int number(const AwsXmlElement &item, QStringView path)
{
    bool ok = false;
    const int value = item.textAt(path).toInt(&ok);
    return ok && value > 0 ? value : 0;
}
} // namespace

QList<std::pair<QString, QString>> AwsVolumes::describeParams(int maxResults)
{
    // Only attached volumes are any machine's; "in-use" is the volume state that says so (a
    // stopped instance's volumes stay in use).
    return {{QStringLiteral("Filter.1.Name"), QStringLiteral("status")},
            {QStringLiteral("Filter.1.Value.1"), QStringLiteral("in-use")},
            {QStringLiteral("MaxResults"), QString::number(std::clamp(maxResults, 5, 500))}};
}

Result<AwsParser::Page<AwsVolumes::Volume>> AwsVolumes::parse(const QByteArray &xml)
{
    const Result<AwsXmlElement> root = AwsParser::document(xml, u"DescribeVolumesResponse");
    if (!root.ok())
        return root.error();
    if (!root.value().child(u"volumeSet"))
        return shapeError(QStringLiteral("no volumeSet"));
    QList<Volume> volumes;
    for (const AwsXmlElement *item : root.value().items(u"volumeSet")) {
        Volume volume;
        volume.id = item->textAt(u"volumeId");
        volume.type = item->textAt(u"volumeType");
        volume.sizeGiB = number(*item, u"size");
        volume.iops = number(*item, u"iops");
        volume.throughputMiBps = number(*item, u"throughput");
        for (const AwsXmlElement *attachment : item->items(u"attachmentSet")) {
            const QString instance = attachment->textAt(u"instanceId");
            // "detached" is on its way out; every other attachment state still holds it.
            if (!instance.isEmpty() && attachment->textAt(u"status") != QLatin1String("detached")
                && !volume.instanceIds.contains(instance))
                volume.instanceIds.append(instance);
        }
        if (volume.id.isEmpty())
            return shapeError(QStringLiteral("a volume without a volumeId"));
        if (!volume.instanceIds.isEmpty())
            volumes.append(volume);
    }
    return AwsParser::Page<Volume> {volumes, root.value().textAt(u"nextToken")};
}

bool AwsVolumes::hasUnpricedCharges(const Volume &volume)
{
    if (volume.type == QLatin1String("io1") || volume.type == QLatin1String("io2")
        || volume.type == QLatin1String("standard"))
        return true;
    if (volume.type == QLatin1String("gp3"))
        return volume.iops > gp3FreeIops || volume.throughputMiBps > gp3FreeThroughputMiBps;
    return false;
}

AwsVolumes::Total AwsVolumes::total(const QList<Volume> &volumes, const PriceOf &priceOf)
{
    Total total;
    QMap<QString, qint64> gibPerType; // a map: the same order, so the same rounding, every time
    for (const Volume &volume : volumes) {
        ++total.count;
        total.sizeGiB += volume.sizeGiB;
        gibPerType[volume.type] += volume.sizeGiB;
        total.unpricedCharges = total.unpricedCharges || hasUnpricedCharges(volume);
    }
    if (volumes.isEmpty())
        return total;
    std::optional<Money> sum;
    for (auto it = gibPerType.cbegin(); it != gibPerType.cend(); ++it) {
        const std::optional<AwsPriceList::Price> price =
            AwsPriceList::isKnownVolumeType(it.key()) ? priceOf(it.key()) : std::nullopt;
        const std::optional<Money> part =
            price ? Money::fromDecimal(price->amount, price->currency, it.value()) : std::nullopt;
        if (!part)
            return total; // one volume unpriced: no figure rather than one too low
        sum = sum ? sum->plus(*part) : part;
        if (!sum)
            return total; // two currencies in one region: not added
    }
    total.monthly = sum;
    return total;
}

void AwsVolumes::annotate(Machine &machine, const Total &total)
{
    if (total.count == 0)
        return;
    machine.extra.insert(QStringLiteral("volumeCount"), total.count);
    machine.extra.insert(QStringLiteral("volumesGiB"), total.sizeGiB);
    if (total.monthly) {
        machine.extra.insert(QStringLiteral("volumesPrice"), total.monthly->plainText());
        machine.extra.insert(QStringLiteral("volumesCurrency"), total.monthly->currency());
    }
    if (total.unpricedCharges)
        machine.extra.insert(QStringLiteral("volumesUnpricedCharges"), true);
}
