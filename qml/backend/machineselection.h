#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSet>
#include <QVariantList>

class MachineModel;
class QAbstractItemModel;

/**
 * @brief The machines the user picked for a bulk action (Ctrl/Shift-click, long press), by key.
 *
 * Keys are (account id, machine id), so the selection survives sorting, filtering and refreshes;
 * machines that disappear leave it. Delegates bind to @c revision, which changes with every edit,
 * so only the visible rows re-evaluate contains().
 */
class MachineSelection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY changed)
public:
    explicit MachineSelection(MachineModel *machines, QObject *parent = nullptr);

    [[nodiscard]] int count() const { return int(m_keys.size()); }
    [[nodiscard]] int revision() const { return m_revision; }

    Q_INVOKABLE [[nodiscard]] bool contains(const QString &accountId,
                                            const QString &machineId) const;
    Q_INVOKABLE void toggle(const QString &accountId, const QString &machineId);
    Q_INVOKABLE void add(const QString &accountId, const QString &machineId);
    Q_INVOKABLE void clear();
    /// Adds rows @p from..@p to (either order) of @p view, a model with accountId/machineId roles.
    Q_INVOKABLE void addRange(QAbstractItemModel *view, int from, int to);
    /// Adds every row of @p view.
    Q_INVOKABLE void addAll(QAbstractItemModel *view);
    /// [{accountId, machineId, name, allowedActions}] sorted by name, for bulk dialogs.
    Q_INVOKABLE [[nodiscard]] QVariantList items() const;
    /// How many selected machines allow @p action.
    Q_INVOKABLE [[nodiscard]] int countAllowing(const QString &action) const;

Q_SIGNALS:
    void changed();

private:
    [[nodiscard]] static QString key(const QString &accountId, const QString &machineId);
    void prune();
    void bump();

    MachineModel *m_machines;
    QSet<QString> m_keys;
    int m_revision = 0;
};
