#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

class MachineModel;

/**
 * @brief The machine shown in the detail pane, kept live: its fields as a map of the model's role
 * names, re-read only when that machine's row changes.
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
public:
    explicit CurrentMachine(MachineModel *machines, QObject *parent = nullptr);

    [[nodiscard]] QString accountId() const { return m_accountId; }
    [[nodiscard]] QString machineId() const { return m_machineId; }
    [[nodiscard]] bool exists() const { return !m_data.isEmpty(); }
    [[nodiscard]] QVariantMap fields() const { return m_data; }

    Q_INVOKABLE void set(const QString &accountId, const QString &machineId);
    Q_INVOKABLE void clear() { set({}, {}); }

Q_SIGNALS:
    void keyChanged();
    void fieldsChanged();

private:
    void reload();
    void onRowsChanged(int first, int last);

    MachineModel *m_machines;
    QString m_accountId;
    QString m_machineId;
    QVariantMap m_data;
    int m_row = -1;
};
