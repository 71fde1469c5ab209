#include "machineselection.h"

#include "machinemodel.h"

#include <QAbstractItemModel>

MachineSelection::MachineSelection(MachineModel *machines, QObject *parent)
    : QObject(parent)
    , m_machines(machines)
{
    connect(m_machines, &QAbstractItemModel::rowsRemoved, this, &MachineSelection::prune);
}

QString MachineSelection::key(const QString &accountId, const QString &machineId)
{
    return accountId + QChar(0x1f) + machineId;
}

bool MachineSelection::contains(const QString &accountId, const QString &machineId) const
{
    return m_keys.contains(key(accountId, machineId));
}

void MachineSelection::bump()
{
    ++m_revision;
    Q_EMIT changed();
}

void MachineSelection::toggle(const QString &accountId, const QString &machineId)
{
    const QString k = key(accountId, machineId);
    if (!m_keys.remove(k))
        m_keys.insert(k);
    bump();
}

void MachineSelection::add(const QString &accountId, const QString &machineId)
{
    const QString k = key(accountId, machineId);
    if (m_keys.contains(k))
        return;
    m_keys.insert(k);
    bump();
}

void MachineSelection::clear()
{
    if (m_keys.isEmpty())
        return;
    m_keys.clear();
    bump();
}

void MachineSelection::addRange(QAbstractItemModel *view, int from, int to)
{
    if (!view)
        return;
    const int accountRole = view->roleNames().key("accountId", -1);
    const int machineRole = view->roleNames().key("machineId", -1);
    if (accountRole < 0 || machineRole < 0)
        return;
    const int first = qBound(0, qMin(from, to), view->rowCount() - 1);
    const int last = qBound(0, qMax(from, to), view->rowCount() - 1);
    for (int row = first; row <= last && view->rowCount() > 0; ++row) {
        const QModelIndex index = view->index(row, 0);
        m_keys.insert(key(index.data(accountRole).toString(), index.data(machineRole).toString()));
    }
    bump();
}

void MachineSelection::addAll(QAbstractItemModel *view)
{
    if (view && view->rowCount() > 0)
        addRange(view, 0, view->rowCount() - 1);
}

void MachineSelection::prune()
{
    const qsizetype before = m_keys.size();
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        const QStringList parts = it->split(QChar(0x1f));
        if (m_machines->rowOf(parts.value(0), parts.value(1)) < 0)
            it = m_keys.erase(it);
        else
            ++it;
    }
    if (m_keys.size() != before)
        bump();
}

QVariantList MachineSelection::items() const
{
    QList<QVariantMap> rows;
    for (const QString &k : m_keys) {
        const QStringList parts = k.split(QChar(0x1f));
        const int row = m_machines->rowOf(parts.value(0), parts.value(1));
        if (row < 0)
            continue;
        const QModelIndex index = m_machines->index(row);
        rows.append(
            {{QStringLiteral("accountId"), parts.value(0)},
             {QStringLiteral("machineId"), parts.value(1)},
             {QStringLiteral("name"), index.data(MachineModel::NameRole)},
             {QStringLiteral("accountName"), index.data(MachineModel::AccountNameRole)},
             {QStringLiteral("allowedActions"), index.data(MachineModel::AllowedActionsRole)}});
    }
    std::sort(rows.begin(), rows.end(), [](const QVariantMap &a, const QVariantMap &b) {
        return a.value(QStringLiteral("name"))
                   .toString()
                   .localeAwareCompare(b.value(QStringLiteral("name")).toString())
               < 0;
    });
    QVariantList result;
    for (const QVariantMap &row : rows)
        result.append(row);
    return result;
}

int MachineSelection::countAllowing(const QString &action) const
{
    int count = 0;
    for (const QString &k : m_keys) {
        const QStringList parts = k.split(QChar(0x1f));
        const int row = m_machines->rowOf(parts.value(0), parts.value(1));
        if (row >= 0
            && m_machines->index(row)
                   .data(MachineModel::AllowedActionsRole)
                   .toStringList()
                   .contains(action))
            ++count;
    }
    return count;
}
