#pragma once

#include "activityentry.h"
#include "clouddeck_core_export.h"

#include <QAbstractListModel>
#include <QPointer>
#include <functional>

class Inventory;

/**
 * @brief The activity log for a view, newest first (Inventory::activity(): what the GUI and the
 * CLI did to machines and how it ended).
 *
 * Re-read whenever the inventory writes a row; reload() picks up what another program (the
 * CLI) wrote meanwhile, and the view calls it when it opens. The clock says what "today" is for
 * the time column; tests inject one.
 */
class CLOUDDECK_CORE_EXPORT ActivityModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1, ///< QDateTime, UTC
        TimeTextRole, ///< "14:02" today, "Mon 14:02" this week, "2026-11-28 14:02" before
        AccountNameRole,
        MachineNameRole,
        MachineIdRole,
        ActionRole, ///< "reboot", "create"
        ActionTextRole, ///< "Reboot"
        OutcomeRole, ///< "started", "succeeded", "failed"
        OutcomeTextRole, ///< "Sent", "Done", "Failed"
        MessageRole,
        SourceRole, ///< "clouddeck" or "clouddeck-cli"
    };
    Q_ENUM(Role)

    explicit ActivityModel(Inventory *inventory, QObject *parent = nullptr);

    void setClock(std::function<QDateTime()> now);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Reads the log again from the cache.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void countChanged();

private:
    [[nodiscard]] QString timeText(const QDateTime &at) const;

    QPointer<Inventory> m_inventory;
    QList<ActivityEntry> m_entries;
    std::function<QDateTime()> m_now;
};
