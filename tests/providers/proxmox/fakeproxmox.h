#pragma once

#include "fakecloudserver.h"
#include "proxmoxschema.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <functional>

/**
 * @brief A Proxmox VE cluster behind a FakeCloudServer, speaking /api2/json as pveproxy does.
 *
 * Every request is checked before it is answered: the API token header, then the endpoint and
 * its parameters (path arguments, query, form body) against ProxmoxSchema; a DELETE must have no
 * body (pveproxy answers 501). What fails is recorded in violations() and answered as Proxmox
 * would (401 without a body; 400 "Parameter verification failed." with "errors").
 * The cluster starts as tests/data/proxmox/cluster_resources.json. Actions and clones start
 * tasks that report "running" for taskPolls() reads of their status and then stop with "OK" (or
 * the exit status given to failNextTask()), changing the cluster as Proxmox would.
 */
class FakeProxmox
{
public:
    static constexpr const char *basePath = "/api2/json";

    FakeProxmox(FakeCloudServer &server, QByteArray authorization);

    [[nodiscard]] QStringList violations() const { return m_violations; }
    [[nodiscard]] QJsonArray &resources() { return m_resources; }
    /// The resource with @p id ("qemu/100"), or an empty object.
    [[nodiscard]] QJsonObject resource(const QString &id) const;
    void setStatus(const QString &id, const QString &status);
    /// The next /cluster/resources reply shows @p id as @p status whatever it is (a guest that
    /// changes between our list and our action).
    void holdStatusForOneList(const QString &id, const QString &status)
    {
        m_heldId = id;
        m_heldStatus = status;
    }
    void setTaskPolls(int polls) { m_taskPolls = polls; }
    /// The next task that starts stops with @p exitStatus instead of "OK".
    void failNextTask(const QString &exitStatus) { m_nextFailure = exitStatus; }
    /// What the guest agent of @p vmid answers (default: agent_interfaces.json for a running
    /// VM, Proxmox's 500 "VM <vmid> is not running" for a stopped one).
    void setAgentReply(int vmid, const FakeResponse &reply) { m_agentReplies.insert(vmid, reply); }
    /// What rrddata of @p vmid answers (default: rrddata_qemu.json or rrddata_lxc.json for a
    /// guest on the node asked, Proxmox's 500 "does not exist" elsewhere).
    void setRrdReply(int vmid, const FakeResponse &reply) { m_rrdReplies.insert(vmid, reply); }
    /// nextid as a JSON string ("105", as pvedaemon sends it) instead of the schema's integer.
    void setNextIdAsString(bool asString) { m_nextIdAsString = asString; }
    /// "/api2/json" + @p path.
    [[nodiscard]] static QString path(const QString &path);
    [[nodiscard]] QList<RecordedRequest> requests(const QByteArray &method,
                                                  const QString &pathTemplate) const;
    /// The UPIDs of the tasks started so far, in order.
    [[nodiscard]] QStringList tasks() const { return m_taskOrder; }

private:
    struct Task
    {
        QString node;
        QString type;
        int pollsLeft = 0;
        QString exitStatus;
        std::function<void()> onSuccess;
    };
    using Handler = std::function<FakeResponse(const QMap<QString, QString> &params,
                                               const RecordedRequest &request)>;
    void route(const QByteArray &method, const QString &pathTemplate, Handler handler);
    [[nodiscard]] static QString pattern(const QString &pathTemplate);
    [[nodiscard]] FakeResponse startTask(const QString &node, const QString &type, int vmid,
                                         std::function<void()> onSuccess);
    [[nodiscard]] int indexOf(const QString &type, int vmid) const;
    [[nodiscard]] static FakeResponse failure(int status, const QString &message);
    void serveGuestActions(const QString &type);
    void serveRrdData(const QString &type);

    FakeCloudServer &m_server;
    QByteArray m_authorization;
    ProxmoxSchema m_schema;
    QStringList m_violations;
    QJsonArray m_resources;
    QHash<QString, Task> m_tasks;
    QStringList m_taskOrder;
    QHash<int, FakeResponse> m_agentReplies;
    QHash<int, FakeResponse> m_rrdReplies;
    int m_taskPolls = 1;
    int m_nextId = 105;
    bool m_nextIdAsString = false;
    QString m_nextFailure;
    QString m_heldId;
    QString m_heldStatus;
};
