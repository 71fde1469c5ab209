#pragma once

#include "linodeparser.h"
#include "pagenumberlist.h"
#include "pricedmachinelist.h"
#include "provider.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcLinode)

/**
 * @brief Linode API v4: Linodes with their prices (joined from the type catalog), power actions,
 * create, catalogs.
 *
 * The endpoint is the API base URL as Linode documents it ("https://api.linode.com/v4"); paths
 * such as "/linode/instances" are appended to it. Requests carry "Authorization: Bearer <token>".
 * Linode has no forced power-off (its metadata leaves "poweroff" out), and its power actions
 * answer at once with an empty object: the next poll shows the transition.
 */
class LinodeProvider : public Provider
{
    Q_OBJECT
public:
    LinodeProvider(const ProviderMetadata &metadata, const Account &account,
                   const QVariantMap &secrets, QObject *parent = nullptr);

    /// Items per page, within what Linode accepts (25 to 500).
    void setPageSize(int size);
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    /// PUT /linode/instances/{id} (updateLinodeInstance) with "label" and/or "tags", the whole
    /// new list (Linode replaces it).
    void updateMachine(const QString &machineId, const MachineUpdate &update,
                       Callback<void> done) override;
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    void listSizes(Callback<QList<Size>> done) override;
    void listImages(Callback<QList<Image>> done) override;
    void listSshKeys(Callback<QList<SshKey>> done) override;
    /// GET /linode/instances/{id}/stats (the last 24 h, 5-minute points) for spans up to a day,
    /// /stats/{year}/{month} for longer ones; one Linode a request (see LinodeMetricsParser).
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;

private:
    /// page=N&page_size=M up to "pages".
    [[nodiscard]] PageNumberList::Paging paging() const;
    void listTypes(Callback<QList<LinodeParser::Type>> done);
    void postCreate(const CreateMachineRequest &request, const QStringList &authorizedKeys,
                    Callback<Machine> done);

    int m_pageSize = 500;
    PricedMachineList m_machines;
};
