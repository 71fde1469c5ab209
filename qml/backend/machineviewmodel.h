#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

/**
 * @brief The machine list as shown: search, filter chips and sort over MachineModel.
 *
 * Interim: the inventory issue's MachineFilterModel (core/models) takes over when it lands; this
 * keeps the same inputs so QML does not change.
 */
class MachineViewModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MachineViewModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setStates(const QStringList &stateIds);
    void setProviders(const QStringList &providerIds);
    void setAccounts(const QStringList &accountIds);
    void setTags(const QStringList &tags);
    void setSort(const QString &key, bool descending);

    [[nodiscard]] QString searchText() const { return m_search; }
    [[nodiscard]] QStringList states() const { return m_states; }
    [[nodiscard]] QStringList providers() const { return m_providers; }
    [[nodiscard]] QStringList accounts() const { return m_accounts; }
    [[nodiscard]] QStringList tags() const { return m_tags; }
    [[nodiscard]] QString sortKey() const { return m_sortKey; }
    [[nodiscard]] bool sortDescending() const { return m_descending; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search;
    QStringList m_states;
    QStringList m_providers;
    QStringList m_accounts;
    QStringList m_tags;
    QString m_sortKey = QStringLiteral("name");
    bool m_descending = false;
};
