#include "activitymodel.h"

#include "inventory.h"

#include <QLocale>

ActivityModel::ActivityModel(Inventory *inventory, QObject *parent)
    : QAbstractListModel(parent)
    , m_inventory(inventory)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    if (m_inventory)
        connect(m_inventory, &Inventory::activityChanged, this, &ActivityModel::reload);
    reload();
}

void ActivityModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1), {TimeTextRole});
}

void ActivityModel::reload()
{
    QList<ActivityEntry> entries = m_inventory ? m_inventory->activity() : QList<ActivityEntry> {};
    const qsizetype before = m_entries.size();
    // A reset: the log changes a few times a minute at most, and rows may be updated in place
    // or dropped at the old end, so a diff would save nothing a view could notice.
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    if (before != m_entries.size())
        Q_EMIT countChanged();
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString ActivityModel::timeText(const QDateTime &at) const
{
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    const QDate today = m_now().toLocalTime().date();
    QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return time;
    if (local.date().daysTo(today) < 7 && local.date() < today)
        return locale.toString(local.date(), QStringLiteral("ddd")) + QLatin1Char(' ') + time;
    return local.date().toString(Qt::ISODate) + QLatin1Char(' ') + time;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case MachineNameRole:
        return entry.machineName.isEmpty() ? entry.machineId : entry.machineName;
    case TimeRole:
        return entry.at;
    case TimeTextRole:
        return timeText(entry.at);
    case AccountNameRole:
        return entry.accountName;
    case MachineIdRole:
        return entry.machineId;
    case ActionRole:
        return entry.action;
    case ActionTextRole:
        return entry.actionText();
    case OutcomeRole:
        return ActivityEntry::outcomeId(entry.outcome);
    case OutcomeTextRole:
        return ActivityEntry::outcomeText(entry.outcome);
    case MessageRole:
        return entry.message;
    case SourceRole:
        return entry.source;
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityModel::roleNames() const
{
    return {{TimeRole, "time"},
            {TimeTextRole, "timeText"},
            {AccountNameRole, "accountName"},
            {MachineNameRole, "machineName"},
            {MachineIdRole, "machineId"},
            {ActionRole, "action"},
            {ActionTextRole, "actionText"},
            {OutcomeRole, "outcome"},
            {OutcomeTextRole, "outcomeText"},
            {MessageRole, "message"},
            {SourceRole, "source"}};
}
