#pragma once

#include "actionfollower.h"
#include "hetznerparser.h"
#include "pagenumberlist.h"
#include "provider.h"

#include <QLoggingCategory>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcHetzner)

/**
 * @brief Hetzner Cloud API v1: servers, server actions (followed to completion), catalogs,
 * create.
 *
 * The endpoint is the API base URL as Hetzner documents it ("https://api.hetzner.cloud/v1"),
 * paths are appended to it ("/servers"). Requests carry "Authorization: Bearer <token>"; a token
 * belongs to one project, so an account is one project.
 */
class HetznerProvider : public Provider
{
    Q_OBJECT
public:
    HetznerProvider(const ProviderMetadata &metadata, const Account &account,
                    const QVariantMap &secrets, QObject *parent = nullptr);

    /// How often a running action is polled (GET /actions/{id}): @p firstMs after it started,
    /// growing by half each time up to @p maxMs. Tests make both short.
    void setActionPollIntervalMs(int firstMs, int maxMs)
    {
        m_actions.setPollIntervalMs(firstMs, maxMs);
    }
    /// How long an action may stay "running" before we stop waiting.
    void setActionTimeoutMs(int ms) { m_actions.setTimeoutMs(ms); }
    /// Entries per page (Hetzner allows 1 to 50).
    void setPageSize(int size) { m_pageSize = std::clamp(size, 1, 50); }

    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    /// Done once Hetzner accepted the action (its action object is "running" or "success").
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    /// Polls the action runAction() got (GET /actions/{id}) until "success" or "error".
    void followAction(const QString &machineId, MachineAction::Action action,
                      Callback<void> done) override;
    /// PUT /servers/{id} with "name" and/or "labels". Labels are replaced as a whole, so the
    /// server's labels are read first (GET /servers/{id}) and only the tags this update adds
    /// or removes are changed in them: a label set meanwhile elsewhere is kept.
    void updateMachine(const QString &machineId, const MachineUpdate &update,
                       Callback<void> done) override;
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    void listSizes(Callback<QList<Size>> done) override;
    void listImages(Callback<QList<Image>> done) override;
    void listSshKeys(Callback<QList<SshKey>> done) override;
    /// GET /servers/{id}/metrics?type=…&start=…&end=…&step=…, one server a request.
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;

private:
    /// page=N&per_page=M until meta.pagination.next_page ends.
    [[nodiscard]] PageNumberList::Paging paging() const;
    /// The action of an accepting reply (none for a DELETE that gives none); an "error" action
    /// or an unknown status fails.
    [[nodiscard]] static Result<std::optional<HetznerParser::Action>>
    accepted(const QJsonObject &reply, bool actionRequired);
    /// Ok for an action reply that is "running" or "success".
    [[nodiscard]] static Result<void> knownStatus(const QJsonObject &reply);
    [[nodiscard]] static Error actionFailed(const HetznerParser::Action &action);

    int m_pageSize = 50;
    /// The running action accepted last per server: followAction()'s handle. Polled after 1 s,
    /// then less often up to every 10 s (polls count against the hourly budget), 10 minutes
    /// at most.
    ActionFollower<qint64> m_actions {this, {1000, 10'000, 10 * 60 * 1000}};
};
