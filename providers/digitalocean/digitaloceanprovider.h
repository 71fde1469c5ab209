#pragma once

#include "actionfollower.h"
#include "digitaloceanparser.h"
#include "digitaloceanrequests.h"
#include "pagenumberlist.h"
#include "provider.h"

#include <QLoggingCategory>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcDigitalOcean)

/**
 * @brief DigitalOcean API v2: droplets, droplet actions (followed to completion), catalogs, create.
 *
 * The endpoint is the API base URL as DigitalOcean documents it ("https://api.digitalocean.com");
 * paths are "/v2/...", so an override such as "http://127.0.0.1:8080/proxy" becomes
 * "http://127.0.0.1:8080/proxy/v2/droplets". Requests carry "Authorization: Bearer <token>".
 * Lists are read page by page to the end; only the page number is taken from links.pages.next,
 * never its host. Rate-limit headers (ratelimit-remaining/-reset) pace requests in HttpClient.
 */
class DigitalOceanProvider : public Provider
{
    Q_OBJECT
public:
    DigitalOceanProvider(const ProviderMetadata &metadata, const Account &account,
                         const QVariantMap &secrets, QObject *parent = nullptr);

    /// How often a started action is polled (GET /v2/actions/{id}); tests make it short.
    void setActionPollIntervalMs(int ms) { m_actions.setPollIntervalMs(ms, ms); }
    /// How long an action may stay "in-progress" before we give up waiting.
    void setActionTimeoutMs(int ms) { m_actions.setTimeoutMs(ms); }
    /// Items per page (DigitalOcean allows 1 to 200).
    void setPageSize(int size) { m_pageSize = std::clamp(size, 1, 200); }

    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    /// Done once DigitalOcean accepted the action (its action object is "in-progress").
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    /// Polls the action object runAction() got until it is "completed" or "errored".
    void followAction(const QString &machineId, MachineAction::Action action,
                      Callback<void> done) override;
    /// Rename: POST /v2/droplets/{id}/actions {"type": "rename", "name": ...}. Tags are
    /// DigitalOcean's global objects: each added one is created (POST /v2/tags; tags.yml
    /// names no refusal of an existing name, so any 2xx will do) and then attached
    /// (POST /v2/tags/{tag}/resources), each removed
    /// one detached (DELETE /v2/tags/{tag}/resources), one request after the other.
    void updateMachine(const QString &machineId, const MachineUpdate &update,
                       Callback<void> done) override;
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    void listSizes(Callback<QList<Size>> done) override;
    void listImages(Callback<QList<Image>> done) override;
    void listSshKeys(Callback<QList<SshKey>> done) override;
    /// GET /v2/monitoring/metrics/droplet/cpu and .../bandwidth (public interface), one
    /// droplet a request (the API takes one host_id). Disk throughput is not in the API.
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;

private:
    /// page=N&per_page=M until links.pages.next ends.
    [[nodiscard]] PageNumberList::Paging paging() const;
    [[nodiscard]] Error actionFailed(const DigitalOceanParser::Action &action) const;

    int m_pageSize = 200;
    /// The action accepted last per droplet and not yet followed: followAction()'s handle.
    /// Polled every 3 s (DigitalOcean's actions finish in seconds), for 10 minutes at most.
    ActionFollower<DigitalOceanParser::Action> m_actions {this, {3000, 3000, 10 * 60 * 1000}};
};
