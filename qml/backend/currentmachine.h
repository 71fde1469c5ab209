#pragma once

#include "sshtarget.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>
#include <functional>

class MachineModel;

/**
 * @brief The machine shown in the detail pane, kept live: its fields as a map of the model's role
 * names, re-read only when that machine's row changes, and its SSH command, which follows the
 * machine's address and the SSH user (a binding, never a copy taken at selection time).
 */
class CurrentMachine : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(QString accountId READ accountId NOTIFY keyChanged)
    Q_PROPERTY(QString machineId READ machineId NOTIFY keyChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(QString sshCommand READ sshCommand NOTIFY sshCommandChanged)
public:
    explicit CurrentMachine(MachineModel *machines, QObject *parent = nullptr);

    [[nodiscard]] QString accountId() const { return m_accountId; }
    [[nodiscard]] QString machineId() const { return m_machineId; }
    [[nodiscard]] bool exists() const { return !m_data.isEmpty(); }
    [[nodiscard]] QVariantMap fields() const { return m_data; }
    /// "ssh root@203.0.113.10", or empty while the machine has no address (or none is current).
    [[nodiscard]] QString sshCommand() const { return m_sshCommand; }

    Q_INVOKABLE void set(const QString &accountId, const QString &machineId);
    Q_INVOKABLE void clear() { set({}, {}); }
    /// Who and where the SSH line logs in to (AppController's rule: the account's SSH options,
    /// the provider's default user). Without one: the app's user at the first address.
    void setSshTarget(std::function<SshTarget(const Machine &)> target);
    /// Recomputes the SSH line (the account's SSH options changed).
    void updateSshCommand();

Q_SIGNALS:
    void keyChanged();
    void fieldsChanged();
    void sshCommandChanged();

private:
    void reload();
    void onRowsChanged(int first, int last);

    MachineModel *m_machines;
    QString m_accountId;
    QString m_machineId;
    QVariantMap m_data;
    QString m_sshCommand;
    int m_row = -1;
    std::function<SshTarget(const Machine &)> m_sshTarget;
};
