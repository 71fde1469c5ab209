#include "costreport.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>

namespace {
const std::pair<CostReport::GroupBy, QLatin1String> groupIds[] = {
    {CostReport::GroupBy::Provider, QLatin1String("provider")},
    {CostReport::GroupBy::Account, QLatin1String("account")},
    {CostReport::GroupBy::Region, QLatin1String("region")},
    {CostReport::GroupBy::Tag, QLatin1String("tag")},
    {CostReport::GroupBy::Size, QLatin1String("size")},
};

// Tags a machine is grouped under. AWS's "Name=..." tag is the machine's name, not a grouping.
QStringList groupingTags(const Machine &machine)
{
    QStringList tags;
    for (const QString &tag : machine.tags) {
        if (!tag.startsWith(QLatin1String("Name=")) && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    // Cells a spreadsheet would run as a formula are quoted with a leading apostrophe (OWASP's
    // advice against CSV injection): machine names and tags come from the cloud.
    if (!bytes.isEmpty() && QByteArrayView("=+-@\t\r").contains(bytes.front()))
        bytes.prepend('\'');
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n')
        || bytes.contains('\r')) {
        bytes.replace('"', "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}
} // namespace

std::optional<CostReport::GroupBy> CostReport::groupByFromId(const QString &id)
{
    for (const auto &[value, text] : groupIds) {
        if (text == id)
            return value;
    }
    return std::nullopt;
}

QString CostReport::groupById(GroupBy groupBy)
{
    for (const auto &[value, text] : groupIds) {
        if (value == groupBy)
            return text;
    }
    return {};
}

CostReport CostReport::build(const QList<Machine> &machines, const Context &context,
                             GroupBy groupBy)
{
    CostReport report;
    report.m_groupBy = groupBy;
    QHash<QString, ProviderMetadata> metadata;
    QHash<QString, QString> accountNames;
    QHash<QString, qsizetype> groupIndex;
    QHash<QString, int> machinesPerCurrency;

    auto groupFor = [&](const QString &key, const QString &label) -> Group & {
        auto it = groupIndex.constFind(key);
        if (it == groupIndex.constEnd()) {
            it = groupIndex.insert(key, report.m_groups.size());
            Group group;
            group.key = key;
            group.label = label;
            report.m_groups.append(group);
        }
        return report.m_groups[*it];
    };

    for (const Machine &machine : machines) {
        if (machine.state == MachineState::Terminated)
            continue;
        auto meta = metadata.constFind(machine.providerId);
        if (meta == metadata.constEnd()) {
            meta = metadata.insert(machine.providerId, context.metadata
                                                           ? context.metadata(machine.providerId)
                                                           : ProviderMetadata());
        }
        auto name = accountNames.constFind(machine.accountId);
        if (name == accountNames.constEnd()) {
            const QString found =
                context.accountName ? context.accountName(machine.accountId) : QString();
            name =
                accountNames.insert(machine.accountId, found.isEmpty() ? machine.accountId : found);
        }
        Line line {machine, *name, meta->name.isEmpty() ? machine.providerId : meta->name,
                   MachineCost::of(machine, meta->billing, context.userPrices)};
        const MachineCost &cost = line.cost;
        line.idle = !cost.off && context.isIdle && context.isIdle(machine);
        if (line.idle) {
            report.m_idle.add(cost.billed);
            ++report.m_idleCount;
        }

        report.m_total.add(cost.billed);
        if (cost.offButBilled) {
            report.m_offButBilled.add(cost.billed);
            ++report.m_offButBilledCount;
            report.m_offButBilledEstimate = report.m_offButBilledEstimate || cost.estimate;
        }
        if (cost.volumesOnly)
            ++report.m_volumesOnlyCount;
        if (!cost.price)
            ++report.m_unpricedCount;
        if (cost.estimate && cost.billed.isValid() && !cost.billed.isZero())
            report.m_estimate = true;
        if (cost.price)
            ++machinesPerCurrency[cost.price->currency()];
        const QString hint = machine.extra.value(QStringLiteral("priceHint")).toString();
        if (!hint.isEmpty() && !report.m_hints.contains(hint))
            report.m_hints.append(hint);

        QList<std::pair<QString, QString>> keys;
        switch (groupBy) {
        case GroupBy::Provider:
            keys.append({machine.providerId, line.providerName});
            break;
        case GroupBy::Account:
            keys.append({machine.accountId, line.accountName});
            break;
        case GroupBy::Region:
            keys.append({machine.region, machine.region});
            break;
        case GroupBy::Size:
            keys.append({machine.size, machine.size});
            break;
        case GroupBy::Tag:
            for (const QString &tag : groupingTags(machine))
                keys.append({tag, tag});
            break;
        }
        if (keys.isEmpty())
            keys.append({QString(), QString()});
        for (const auto &[key, label] : keys) {
            Group &group = groupFor(key, label.isEmpty() ? tr("(none)") : label);
            ++group.machines;
            group.total.add(cost.billed);
            if (cost.offButBilled) {
                ++group.offButBilled;
                group.offButBilledTotal.add(cost.billed);
            }
            if (!cost.price)
                ++group.unpriced;
            if (cost.estimate && cost.billed.isValid() && !cost.billed.isZero())
                group.estimate = true;
        }
        report.m_lines.append(std::move(line));
    }

    int most = 0;
    for (auto it = machinesPerCurrency.cbegin(); it != machinesPerCurrency.cend(); ++it) {
        if (it.value() > most || (it.value() == most && it.key() < report.m_mainCurrency)) {
            most = it.value();
            report.m_mainCurrency = it.key();
        }
    }
    // Sorted by amount in each currency in turn (the main one first): an order, not a sum.
    QStringList order = report.m_total.currencies();
    order.removeAll(report.m_mainCurrency);
    if (!report.m_mainCurrency.isEmpty())
        order.prepend(report.m_mainCurrency);
    std::stable_sort(report.m_groups.begin(), report.m_groups.end(),
                     [&order](const Group &a, const Group &b) {
                         for (const QString &currency : order) {
                             const qint64 x = a.total.amount(currency).minorUnits();
                             const qint64 y = b.total.amount(currency).minorUnits();
                             if (x != y)
                                 return x > y;
                         }
                         return a.label.localeAwareCompare(b.label) < 0;
                     });
    return report;
}

std::optional<Money> CostReport::converted(const QString &target,
                                           const QHash<QString, qint64> &ratesPpm) const
{
    if (target.isEmpty())
        return std::nullopt;
    return m_total.converted(target, ratesPpm);
}

QJsonObject CostReport::toJson() const
{
    QJsonArray groups;
    for (const Group &group : m_groups) {
        groups.append(QJsonObject {
            {QStringLiteral("key"), group.key},
            {QStringLiteral("label"), group.label},
            {QStringLiteral("machines"), group.machines},
            {QStringLiteral("monthly"), group.total.toJson()},
            {QStringLiteral("offButBilled"), group.offButBilledTotal.toJson()},
            {QStringLiteral("offButBilledMachines"), group.offButBilled},
            {QStringLiteral("unpricedMachines"), group.unpriced},
            {QStringLiteral("estimate"), group.estimate},
        });
    }
    QJsonArray machines;
    for (const Line &line : m_lines) {
        const MachineCost &cost = line.cost;
        QJsonObject object {
            {QStringLiteral("id"), line.machine.id},
            {QStringLiteral("name"), line.machine.name},
            {QStringLiteral("account"), line.accountName},
            {QStringLiteral("provider"), line.machine.providerId},
            {QStringLiteral("state"), MachineState::id(line.machine.state)},
            {QStringLiteral("region"), line.machine.region},
            {QStringLiteral("size"), line.machine.size},
            {QStringLiteral("source"), MachineCost::sourceId(cost.source)},
            {QStringLiteral("estimate"), cost.estimate},
            {QStringLiteral("offButBilled"), cost.offButBilled},
            {QStringLiteral("volumesOnly"), cost.volumesOnly},
        };
        // Amounts as decimal strings: a JSON number is a double to most readers.
        if (cost.price) {
            object.insert(QStringLiteral("monthly"), cost.price->plainText());
            object.insert(QStringLiteral("currency"), cost.price->currency());
        }
        if (cost.billed.isValid())
            object.insert(QStringLiteral("billedMonthly"), cost.billed.plainText());
        if (cost.volumes)
            object.insert(QStringLiteral("volumesMonthly"), cost.volumes->plainText());
        if (!cost.note.isEmpty())
            object.insert(QStringLiteral("note"), cost.note);
        object.insert(QStringLiteral("idle"), line.idle);
        machines.append(object);
    }
    return {{QStringLiteral("groupBy"), groupById(m_groupBy)},
            {QStringLiteral("total"), m_total.toJson()},
            {QStringLiteral("offButBilled"), m_offButBilled.toJson()},
            {QStringLiteral("offButBilledMachines"), m_offButBilledCount},
            {QStringLiteral("idle"), m_idle.toJson()},
            {QStringLiteral("idleMachines"), m_idleCount},
            {QStringLiteral("volumesOnlyMachines"), m_volumesOnlyCount},
            {QStringLiteral("unpricedMachines"), m_unpricedCount},
            {QStringLiteral("estimate"), m_estimate},
            {QStringLiteral("hints"), QJsonArray::fromStringList(m_hints)},
            {QStringLiteral("groups"), groups},
            {QStringLiteral("machines"), machines}};
}

QByteArray CostReport::toCsv() const
{
    // Column names are stable ids (not translated): scripts read them.
    QByteArray csv = "account,provider,name,id,state,region,size,monthly_price,currency,"
                     "billed_monthly,source,estimate,off_but_billed,note,idle,volumes_monthly\r\n";
    for (const Line &line : m_lines) {
        const MachineCost &cost = line.cost;
        const QStringList fields = {
            line.accountName,
            line.machine.providerId,
            line.machine.name,
            line.machine.id,
            MachineState::id(line.machine.state),
            line.machine.region,
            line.machine.size,
            cost.price ? cost.price->plainText() : QString(),
            cost.price ? cost.price->currency() : QString(),
            cost.billed.isValid() ? cost.billed.plainText() : QString(),
            MachineCost::sourceId(cost.source),
            cost.estimate ? QStringLiteral("yes") : QStringLiteral("no"),
            cost.offButBilled ? QStringLiteral("yes") : QStringLiteral("no"),
            cost.note,
            line.idle ? QStringLiteral("yes") : QStringLiteral("no"),
            cost.volumes ? cost.volumes->plainText() : QString(),
        };
        QByteArrayList cells;
        for (const QString &field : fields)
            cells.append(csvField(field));
        csv += cells.join(',') + "\r\n";
    }
    return csv;
}
