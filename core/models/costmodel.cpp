#include "costmodel.h"

#include "machinemodel.h"
#include "providerregistry.h"
#include "userprices.h"

#include <QFile>
#include <QJsonArray>
#include <QSaveFile>
#include <QUrl>

namespace {
// Refreshes of several accounts land within a few milliseconds of each other.
constexpr int rebuildDelayMs = 50;

bool sameGroups(const CostReport &a, const CostReport &b)
{
    const auto &x = a.groups();
    const auto &y = b.groups();
    if (x.size() != y.size())
        return false;
    for (qsizetype i = 0; i < x.size(); ++i) {
        if (x[i].key != y[i].key || x[i].label != y[i].label)
            return false;
    }
    return true;
}
} // namespace

CostModel::CostModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(rebuildDelayMs);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &CostModel::rebuild);
}

int CostModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.groups().size());
}

QVariant CostModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CostReport::Group &group = m_report.groups().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return group.label;
    case KeyRole:
        return group.key;
    case MachinesRole:
        return group.machines;
    case TotalTextRole:
        return (group.estimate ? QStringLiteral("≈ ") : QString()) + group.total.displayText();
    case OffButBilledTextRole:
        return group.offButBilledTotal.isEmpty() ? QString()
                                                 : group.offButBilledTotal.displayText();
    case OffButBilledCountRole:
        return group.offButBilled;
    case UnpricedCountRole:
        return group.unpriced;
    case EstimateRole:
        return group.estimate;
    case BarsRole:
        return bars(group);
    case TotalLinesRole:
    case OffButBilledLinesRole: {
        const CostTotals &totals = role == TotalLinesRole ? group.total : group.offButBilledTotal;
        QStringList lines;
        for (const Money &amount : totals.amounts())
            lines.append(amount.displayText());
        if (group.estimate && role == TotalLinesRole && !lines.isEmpty())
            lines.first().prepend(QStringLiteral("≈ "));
        return lines;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> CostModel::roleNames() const
{
    return {{KeyRole, "key"},
            {LabelRole, "label"},
            {MachinesRole, "machines"},
            {TotalTextRole, "totalText"},
            {OffButBilledTextRole, "offButBilledText"},
            {OffButBilledCountRole, "offButBilledCount"},
            {UnpricedCountRole, "unpricedCount"},
            {EstimateRole, "estimate"},
            {BarsRole, "bars"},
            {TotalLinesRole, "totalLines"},
            {OffButBilledLinesRole, "offButBilledLines"}};
}

void CostModel::watch(QAbstractItemModel *model)
{
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsInserted, this, &CostModel::scheduleRebuild);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CostModel::scheduleRebuild);
    connect(model, &QAbstractItemModel::modelReset, this, &CostModel::scheduleRebuild);
    connect(model, &QAbstractItemModel::layoutChanged, this, &CostModel::scheduleRebuild);
    connect(model, &QAbstractItemModel::dataChanged, this, &CostModel::scheduleRebuild);
}

void CostModel::setMachineModel(MachineModel *model)
{
    if (m_machines == model)
        return;
    if (m_machines)
        disconnect(m_machines, nullptr, this, nullptr);
    m_machines = model;
    watch(model);
    Q_EMIT machineModelChanged();
    scheduleRebuild();
}

void CostModel::setView(QAbstractItemModel *view)
{
    if (m_view == view)
        return;
    if (m_view)
        disconnect(m_view, nullptr, this, nullptr);
    m_view = view;
    watch(view);
    Q_EMIT viewChanged();
    scheduleRebuild();
}

void CostModel::setRegistry(ProviderRegistry *registry)
{
    if (m_registry == registry)
        return;
    m_registry = registry;
    Q_EMIT registryChanged();
    scheduleRebuild();
}

void CostModel::setUserPrices(UserPrices *prices)
{
    if (m_userPrices == prices)
        return;
    if (m_userPrices)
        disconnect(m_userPrices, nullptr, this, nullptr);
    m_userPrices = prices;
    if (prices)
        connect(prices, &UserPrices::changed, this, &CostModel::scheduleRebuild);
    Q_EMIT userPricesChanged();
    scheduleRebuild();
}

void CostModel::setGroupBy(const QString &id)
{
    const std::optional<CostReport::GroupBy> groupBy = CostReport::groupByFromId(id);
    if (!groupBy || *groupBy == m_groupBy)
        return;
    m_groupBy = *groupBy;
    Q_EMIT groupByChanged();
    rebuild(); // the user asked: at once
}

void CostModel::scheduleRebuild()
{
    m_rebuildTimer.start();
}

QList<Machine> CostModel::machinesShown(QHash<QString, QString> *accountNames) const
{
    QList<Machine> machines;
    if (!m_machines)
        return machines;
    auto take = [&](int row) {
        const Machine &machine = m_machines->at(row);
        if (!accountNames->contains(machine.accountId))
            accountNames->insert(machine.accountId, m_machines->accountName(machine.accountId));
        machines.append(machine);
    };
    if (!m_view) {
        for (int row = 0; row < m_machines->rowCount(); ++row)
            take(row);
        return machines;
    }
    for (int row = 0; row < m_view->rowCount(); ++row) {
        const QModelIndex index = m_view->index(row, 0);
        const int source = m_machines->rowOf(index.data(MachineModel::AccountIdRole).toString(),
                                             index.data(MachineModel::MachineIdRole).toString());
        if (source >= 0)
            take(source);
    }
    return machines;
}

void CostModel::rebuild()
{
    m_rebuildTimer.stop();
    QHash<QString, QString> accountNames;
    const QList<Machine> machines = machinesShown(&accountNames);
    CostReport::Context context;
    QPointer<ProviderRegistry> registry = m_registry;
    context.metadata = [registry](const QString &id) {
        return registry ? registry->metadata(id) : ProviderMetadata();
    };
    context.accountName = [&accountNames](const QString &id) {
        return accountNames.value(id);
    };
    context.userPrices = m_userPrices;
    QPointer<MachineModel> model = m_machines;
    context.isIdle = [model](const Machine &machine) {
        const int row = model ? model->rowOf(machine.accountId, machine.id) : -1;
        return row >= 0 && model->isIdle(row);
    };
    CostReport next = CostReport::build(machines, context, m_groupBy);

    QHash<QString, qint64> largest;
    for (const CostReport::Group &group : next.groups()) {
        for (const Money &amount : group.total.amounts()) {
            qint64 &top = largest[amount.currency()];
            top = std::max(top, amount.minorUnits());
        }
    }
    const bool reset = !sameGroups(m_report, next);
    if (reset)
        beginResetModel();
    m_report = std::move(next);
    m_largest = std::move(largest);
    if (reset)
        endResetModel();
    else if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    Q_EMIT reportChanged();
}

QVariantList CostModel::bars(const CostReport::Group &group) const
{
    QVariantList result;
    for (const Money &amount : group.total.amounts()) {
        const qint64 top = m_largest.value(amount.currency());
        result.append(QVariantMap {
            {QStringLiteral("currency"), amount.currency()},
            {QStringLiteral("text"), amount.displayText()},
            {QStringLiteral("fraction"), top > 0 ? double(amount.minorUnits()) / double(top) : 0.0},
            // The same currency is the same colour in every row.
            {QStringLiteral("main"), amount.currency() == m_report.mainCurrency()},
        });
    }
    return result;
}

QString CostModel::totalText() const
{
    return (m_report.hasEstimates() ? QStringLiteral("≈ ") : QString())
           + m_report.total().displayText(tr("nothing priced"));
}

QString CostModel::offButBilledText() const
{
    if (m_report.offButBilled().isEmpty())
        return {};
    return (m_report.offButBilledIsEstimate() ? QStringLiteral("≈ ") : QString())
           + m_report.offButBilled().displayText();
}

QString CostModel::idleText() const
{
    return m_report.idle().isEmpty() ? QString() : m_report.idle().displayText();
}

QVariantList CostModel::idleMachines() const
{
    QVariantList idle;
    for (const CostReport::Line &line : m_report.lines()) {
        if (!line.idle)
            continue;
        idle.append(QVariantMap {
            {QStringLiteral("accountId"), line.machine.accountId},
            {QStringLiteral("machineId"), line.machine.id},
            {QStringLiteral("name"), line.machine.name},
            {QStringLiteral("account"), line.accountName},
            {QStringLiteral("billedText"), line.cost.billedText()},
        });
    }
    return idle;
}

QString CostModel::convertedText() const
{
    if (!m_userPrices || m_report.total().currencies().size() < 2)
        return {};
    const std::optional<Money> converted =
        m_report.converted(m_userPrices->targetCurrency(), m_userPrices->rates());
    return converted ? QStringLiteral("≈ ") + converted->displayText() : QString();
}

QVariantList CostModel::offMachines() const
{
    QVariantList billed;
    QVariantList rest;
    for (const CostReport::Line &line : m_report.lines()) {
        if (!line.cost.off)
            continue;
        const QVariantMap entry {
            {QStringLiteral("accountId"), line.machine.accountId},
            {QStringLiteral("machineId"), line.machine.id},
            {QStringLiteral("name"), line.machine.name},
            {QStringLiteral("account"), line.accountName},
            {QStringLiteral("provider"), line.machine.providerId},
            {QStringLiteral("billedText"), line.cost.billedText()},
            {QStringLiteral("priceText"), line.cost.priceText()},
            {QStringLiteral("source"), MachineCost::sourceText(line.cost.source)},
            {QStringLiteral("note"), line.cost.note},
            {QStringLiteral("billed"), line.cost.offButBilled},
        };
        (line.cost.offButBilled ? billed : rest).append(entry);
    }
    return billed + rest;
}

bool CostModel::exportCsv(const QUrl &url)
{
    const QString file = url.isLocalFile() ? url.toLocalFile() : url.toString();
    QSaveFile out(file);
    const bool ok =
        out.open(QIODevice::WriteOnly) && out.write(m_report.toCsv()) >= 0 && out.commit();
    const QString error =
        ok ? QString() : tr("Could not write %1: %2").arg(file, out.errorString());
    if (error != m_errorString) {
        m_errorString = error;
        Q_EMIT errorStringChanged();
    }
    return ok;
}
