#include "currentmachine.h"

#include "appsettings.h"
#include "machinemodel.h"

CurrentMachine::CurrentMachine(MachineModel *machines, QObject *parent)
    : QObject(parent)
    , m_machines(machines)
{
    connect(m_machines, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                onRowsChanged(topLeft.row(), bottomRight.row());
            });
    // Rows move when others are inserted or removed: find ours again. countChanged, not
    // rowsRemoved: the model's id index is rebuilt after the last removed range, and a lookup
    // from rowsRemoved found the old row number, now another machine's (the destroyed machine's
    // neighbour was shown under its key, with its SSH line).
    connect(m_machines, &MachineModel::countChanged, this, &CurrentMachine::reload);
    connect(m_machines, &QAbstractItemModel::modelReset, this, &CurrentMachine::reload);
    connect(AppSettings::instance(), &AppSettings::sshUserChanged, this,
            &CurrentMachine::updateSshCommand);
}

void CurrentMachine::set(const QString &accountId, const QString &machineId)
{
    if (accountId == m_accountId && machineId == m_machineId)
        return;
    m_accountId = accountId;
    m_machineId = machineId;
    reload();
    Q_EMIT keyChanged();
}

void CurrentMachine::onRowsChanged(int first, int last)
{
    if (m_row >= first && m_row <= last)
        reload();
}

void CurrentMachine::reload()
{
    m_row = m_machineId.isEmpty() ? -1 : m_machines->rowOf(m_accountId, m_machineId);
    QVariantMap data;
    if (m_row >= 0) {
        const QModelIndex index = m_machines->index(m_row);
        const auto roles = m_machines->roleNames();
        for (auto it = roles.cbegin(); it != roles.cend(); ++it)
            data.insert(QString::fromLatin1(it.value()), index.data(it.key()));
    }
    if (data != m_data) {
        m_data = data;
        Q_EMIT fieldsChanged();
    }
    updateSshCommand();
}

void CurrentMachine::setSshTarget(std::function<SshTarget(const Machine &)> target)
{
    m_sshTarget = std::move(target);
    updateSshCommand();
}

void CurrentMachine::updateSshCommand()
{
    QString command;
    if (m_row >= 0) {
        const Machine &machine = m_machines->at(m_row);
        command = (m_sshTarget ? m_sshTarget(machine)
                               : SshTarget::forMachine(machine, {}, {},
                                                       AppSettings::instance()->sshUser()))
                      .commandLine();
    }
    if (command == m_sshCommand)
        return;
    m_sshCommand = command;
    Q_EMIT sshCommandChanged();
}
