#pragma once

#include "clouddeck_core_export.h"
#include "costreport.h"
#include "machinemodel.h"
#include "providerregistry.h"
#include "userprices.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QUrl>

/**
 * @brief The Cost page's model: one row per group of a CostReport (provider, account, region,
 * tag or size), with the report's totals as properties.
 *
 * Input: the MachineModel (every machine) and, optionally, a view of it (the filtered list the
 * user sees: any model with MachineModel's accountId and machineId roles), so the cost shown is
 * the run-rate of what is shown. The report is rebuilt a moment after the machines change
 * (refreshes come in bursts), and rows are reset only when the groups really changed.
 */
class CLOUDDECK_CORE_EXPORT CostModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(MachineModel *machineModel READ machineModel WRITE setMachineModel NOTIFY
                   machineModelChanged)
    Q_PROPERTY(QAbstractItemModel *view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(ProviderRegistry *registry READ registry WRITE setRegistry NOTIFY registryChanged)
    Q_PROPERTY(UserPrices *userPrices READ userPrices WRITE setUserPrices NOTIFY userPricesChanged)
    Q_PROPERTY(QString groupBy READ groupBy WRITE setGroupBy NOTIFY groupByChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY reportChanged)
    Q_PROPERTY(int machineCount READ machineCount NOTIFY reportChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY reportChanged)
    Q_PROPERTY(QString offButBilledText READ offButBilledText NOTIFY reportChanged)
    Q_PROPERTY(int offButBilledCount READ offButBilledCount NOTIFY reportChanged)
    /// Running machines idle for a week (MachineModel::IdleRole) and what they cost a month.
    Q_PROPERTY(QString idleText READ idleText NOTIFY reportChanged)
    Q_PROPERTY(int idleCount READ idleCount NOTIFY reportChanged)
    Q_PROPERTY(QVariantList idleMachines READ idleMachines NOTIFY reportChanged)
    Q_PROPERTY(int volumesOnlyCount READ volumesOnlyCount NOTIFY reportChanged)
    Q_PROPERTY(int unpricedCount READ unpricedCount NOTIFY reportChanged)
    Q_PROPERTY(bool estimate READ estimate NOTIFY reportChanged)
    Q_PROPERTY(QString convertedText READ convertedText NOTIFY reportChanged)
    Q_PROPERTY(QString hint READ hint NOTIFY reportChanged)
    Q_PROPERTY(QVariantList offMachines READ offMachines NOTIFY reportChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        LabelRole,
        MachinesRole,
        TotalTextRole, ///< "$40.00 + €12.00", "≈ $7.59"
        OffButBilledTextRole, ///< empty when no machine of the group is off and billed
        OffButBilledCountRole,
        UnpricedCountRole,
        EstimateRole,
        /// [{currency, text, fraction, main}]: one bar per currency, its length relative to the
        /// largest group in that currency (amounts of different currencies are never put on one
        /// scale)
        BarsRole,
        /// The total, one line per currency (for columns too narrow for "€1.00 + $2.00").
        TotalLinesRole,
        OffButBilledLinesRole,
    };
    Q_ENUM(Role)

    explicit CostModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] MachineModel *machineModel() const { return m_machines; }
    void setMachineModel(MachineModel *model);
    [[nodiscard]] QAbstractItemModel *view() const { return m_view; }
    void setView(QAbstractItemModel *view);
    [[nodiscard]] ProviderRegistry *registry() const { return m_registry; }
    void setRegistry(ProviderRegistry *registry);
    [[nodiscard]] UserPrices *userPrices() const { return m_userPrices; }
    void setUserPrices(UserPrices *prices);
    [[nodiscard]] QString groupBy() const { return CostReport::groupById(m_groupBy); }
    void setGroupBy(const QString &id);

    [[nodiscard]] const CostReport &report() const { return m_report; }
    [[nodiscard]] int machineCount() const { return int(m_report.lines().size()); }
    [[nodiscard]] QString totalText() const;
    [[nodiscard]] QString offButBilledText() const;
    [[nodiscard]] int offButBilledCount() const { return m_report.offButBilledCount(); }
    [[nodiscard]] QString idleText() const;
    [[nodiscard]] int idleCount() const { return m_report.idleCount(); }
    [[nodiscard]] QVariantList idleMachines() const;
    [[nodiscard]] int volumesOnlyCount() const { return m_report.volumesOnlyCount(); }
    [[nodiscard]] int unpricedCount() const { return m_report.unpricedCount(); }
    [[nodiscard]] bool estimate() const { return m_report.hasEstimates(); }
    [[nodiscard]] QString convertedText() const;
    [[nodiscard]] QString hint() const { return m_report.hints().join(QLatin1Char(' ')); }
    /// The machines that are off: [{name, account, provider, billedText, priceText, note,
    /// billed}], billed ones first.
    [[nodiscard]] QVariantList offMachines() const;
    [[nodiscard]] QString errorString() const { return m_errorString; }

    /// The report's CSV (every machine with its price and source).
    Q_INVOKABLE QByteArray csv() const { return m_report.toCsv(); }
    /// Writes csv() to the local file @p url (a FileDialog's choice), replacing it atomically;
    /// false (and errorString) on failure.
    Q_INVOKABLE bool exportCsv(const QUrl &url);
    /// Rebuilds at once (tests, and after the user set a price).
    Q_INVOKABLE void rebuild();

Q_SIGNALS:
    void machineModelChanged();
    void viewChanged();
    void registryChanged();
    void userPricesChanged();
    void groupByChanged();
    void reportChanged();
    void errorStringChanged();

private:
    void scheduleRebuild();
    void watch(QAbstractItemModel *model);
    [[nodiscard]] QList<Machine> machinesShown(QHash<QString, QString> *accountNames) const;
    [[nodiscard]] QVariantList bars(const CostReport::Group &group) const;

    QPointer<MachineModel> m_machines;
    QPointer<QAbstractItemModel> m_view;
    QPointer<ProviderRegistry> m_registry;
    QPointer<UserPrices> m_userPrices;
    CostReport::GroupBy m_groupBy = CostReport::GroupBy::Provider;
    CostReport m_report;
    QHash<QString, qint64> m_largest; ///< per currency, the largest group total
    QString m_errorString;
    QTimer m_rebuildTimer;
};
