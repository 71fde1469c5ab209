#pragma once

#include "pagedlist.h"
#include "pricedmachinelist.h"
#include "provider.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcVultr)

/**
 * @brief Vultr API v2: instances with their prices (joined from the plan catalog), power
 * actions, create, catalogs.
 *
 * The endpoint is the API base URL as Vultr documents it ("https://api.vultr.com/v2"); paths such
 * as "/instances" are appended to it. Requests carry "Authorization: Bearer <API key>". Vultr's
 * "halt" is a forced power-off and there is no graceful shutdown in its API, so the metadata
 * offers "poweroff" and not "shutdown". Vultr sends no rate-limit headers: past its per-second
 * limit it answers 429, which HttpClient waits out and retries.
 */
class VultrProvider : public Provider
{
    Q_OBJECT
public:
    VultrProvider(const ProviderMetadata &metadata, const Account &account,
                  const QVariantMap &secrets, QObject *parent = nullptr);

    /// Items per page, at most 500 (Vultr's maximum).
    void setPageSize(int size);
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    /// PATCH /instances/{id} (update-instance) with "label" and/or "tags", the whole new list
    /// (the plural: the single "tag" is deprecated).
    void updateMachine(const QString &machineId, const MachineUpdate &update,
                       Callback<void> done) override;
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    void listSizes(Callback<QList<Size>> done) override;
    void listImages(Callback<QList<Image>> done) override;
    void listSshKeys(Callback<QList<SshKey>> done) override;
    /// GET /instances/{id}/bandwidth, one instance a request (VultrMetricsParser): network only,
    /// daily; CPU and disk fail with Unsupported before anything is sent.
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;

private:
    template<typename T>
    void listAll(const QString &path, PagedList::PageParser<T> parse, Callback<QList<T>> done,
                 PagedList::StatedTotal total = {});
    void postCreate(const CreateMachineRequest &request, const QStringList &sshKeyIds,
                    Callback<Machine> done);

    int m_pageSize = 500;
    PricedMachineList m_machines;
};
