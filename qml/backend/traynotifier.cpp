#include "traynotifier.h"

#include "appsettings.h"
#include "machinemodel.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>

TrayNotifier::TrayNotifier(MachineModel *machines, QObject *parent)
    : QObject(parent)
    , m_machines(machines)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(1500);
    connect(&m_flush, &QTimer::timeout, this, &TrayNotifier::flush);

    if (!qobject_cast<QApplication *>(QCoreApplication::instance())
        || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/clouddeck/icons/app.svg")), this);
    m_tray->setToolTip(QStringLiteral("CloudDeck"));
    connect(m_tray, &QSystemTrayIcon::activated, this, &TrayNotifier::activated);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
    m_tray->show();

    remember(0, m_machines->rowCount() - 1, false);
    connect(m_machines, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { remember(first, last, false); });
    connect(m_machines, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                   const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(MachineModel::StateRole))
                    remember(topLeft.row(), bottomRight.row(), true);
            });
}

void TrayNotifier::remember(int first, int last, bool report)
{
    for (int row = qMax(0, first); row <= last && row < m_machines->rowCount(); ++row) {
        const Machine &machine = m_machines->at(row);
        const QString key = machine.accountId + QChar(0x1f) + machine.id;
        const auto state =
            MachineState::State(m_machines->index(row).data(MachineModel::StateRole).toInt());
        const auto previous = m_states.constFind(key);
        const bool known = previous != m_states.constEnd();
        const bool changed = known && *previous != state;
        m_states.insert(key, state);
        if (!report || !changed || MachineState::isTransition(state))
            continue;
        m_messages.append(
            tr("%1 is now %2").arg(machine.name, MachineState::text(state).toLower()));
    }
    if (!m_messages.isEmpty())
        m_flush.start();
}

void TrayNotifier::flush()
{
    if (m_messages.isEmpty() || !m_tray || !AppSettings::instance()->notifications()) {
        m_messages.clear();
        return;
    }
    const QString title = m_messages.size() == 1
                              ? tr("Machine changed state")
                              : tr("%n machine(s) changed state", nullptr, int(m_messages.size()));
    QStringList lines = m_messages.mid(0, 4);
    if (m_messages.size() > 4)
        lines.append(tr("and %n more", nullptr, int(m_messages.size() - 4)));
    m_tray->showMessage(title, lines.join(QLatin1Char('\n')), QSystemTrayIcon::Information, 6000);
    m_messages.clear();
}
