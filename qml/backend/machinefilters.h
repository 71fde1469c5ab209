#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

class MachineFilterModel;
class MachineModel;
class QAbstractItemModel;

/**
 * @brief The header's search, filter chips and sort over core's MachineFilterModel, in the terms
 * the chips use: state groups ("transition" is starting, stopping, rebooting and pending), sort
 * keys by name. Adds the facets the chips show (counts within the account chosen in the
 * sidebar, recomputed once per burst of model changes, not per row).
 */
class MachineFilters : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(QAbstractItemModel *view READ view CONSTANT)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filtersChanged)
    Q_PROPERTY(QStringList states READ states NOTIFY filtersChanged)
    Q_PROPERTY(QStringList providers READ providers NOTIFY filtersChanged)
    Q_PROPERTY(QStringList tags READ tags NOTIFY filtersChanged)
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY filtersChanged)
    Q_PROPERTY(QString sortKey READ sortKey WRITE setSortKey NOTIFY filtersChanged)
    Q_PROPERTY(
        bool sortDescending READ sortDescending WRITE setSortDescending NOTIFY filtersChanged)
    Q_PROPERTY(bool active READ active NOTIFY filtersChanged)
    Q_PROPERTY(QVariantList stateFacets READ stateFacets NOTIFY facetsChanged)
    Q_PROPERTY(QVariantList providerFacets READ providerFacets NOTIFY facetsChanged)
    Q_PROPERTY(QVariantList tagFacets READ tagFacets NOTIFY facetsChanged)
    Q_PROPERTY(QVariantList sortKeys READ sortKeys CONSTANT)
    Q_PROPERTY(int shownCount READ shownCount NOTIFY totalsChanged)
    Q_PROPERTY(int shownAccounts READ shownAccounts NOTIFY totalsChanged)
    Q_PROPERTY(double shownMonthly READ shownMonthly NOTIFY totalsChanged)
public:
    explicit MachineFilters(MachineModel *machines, QObject *parent = nullptr);

    [[nodiscard]] QAbstractItemModel *view() const;
    [[nodiscard]] QString searchText() const;
    void setSearchText(const QString &text);
    [[nodiscard]] QStringList states() const { return m_stateGroups; }
    [[nodiscard]] QStringList providers() const;
    [[nodiscard]] QStringList tags() const;
    [[nodiscard]] QString account() const;
    void setAccount(const QString &accountId);
    [[nodiscard]] QString sortKey() const;
    void setSortKey(const QString &key);
    [[nodiscard]] bool sortDescending() const;
    void setSortDescending(bool descending);
    [[nodiscard]] bool active() const;
    [[nodiscard]] QVariantList stateFacets() const { return m_stateFacets; }
    [[nodiscard]] QVariantList providerFacets() const { return m_providerFacets; }
    [[nodiscard]] QVariantList tagFacets() const { return m_tagFacets; }
    [[nodiscard]] QVariantList sortKeys() const;
    [[nodiscard]] int shownCount() const;
    [[nodiscard]] int shownAccounts() const;
    [[nodiscard]] double shownMonthly() const;

    Q_INVOKABLE void toggleState(const QString &stateGroup);
    Q_INVOKABLE void toggleProvider(const QString &providerId);
    Q_INVOKABLE void toggleTag(const QString &tag);
    /// Clears search and chips (not the account chosen in the sidebar, nor the sort).
    Q_INVOKABLE void clear();
    /// Row of a machine in the view, or -1.
    Q_INVOKABLE [[nodiscard]] int rowOf(const QString &accountId, const QString &machineId) const;

Q_SIGNALS:
    void filtersChanged();
    void facetsChanged();
    void totalsChanged();

private:
    void updateFacets();

    MachineModel *m_machines;
    MachineFilterModel *m_view;
    QStringList m_stateGroups;
    QVariantList m_stateFacets;
    QVariantList m_providerFacets;
    QVariantList m_tagFacets;
    QTimer m_facetsUpdate;
};
