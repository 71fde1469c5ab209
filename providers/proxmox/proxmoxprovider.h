#pragma once

#include "jsoncall.h"
#include "provider.h"
#include "proxmoxaddressbook.h"
#include "proxmoxparser.h"
#include "proxmoxrequests.h"

#include <QHash>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcProxmox)

/**
 * @brief Proxmox VE: every VM and container of a cluster, their actions as tasks, clones.
 *
 * The endpoint is "https://HOST:8006/api2/json"; requests carry
 * "Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET" (the token id is an account setting,
 * the secret a keychain field). Proxmox ships a self-signed certificate: HttpClient refuses it
 * until the user pins its fingerprint.
 *
 * - The list is one GET /cluster/resources?type=vm; addresses come per guest from the QEMU guest
 *   agent or the container's interfaces, a few per poll, through ProxmoxAddressBook.
 * - Every action starts a task (a UPID): runAction() returns once Proxmox accepted it and
 *   keeps the UPID; followAction() reads the task until its exit status. A failed task's error
 *   text is the error's message.
 * - Destroy (DELETE with purge=1) only of a stopped guest; Proxmox refuses a running one too.
 * - Create clones a template: newid from /cluster/nextid, the clone task followed, then cores
 *   and memory set on the clone, then it is started.
 * - Metrics: GET .../{qemu|lxc}/{vmid}/rrddata on the guest's node, one guest a request.
 */
class ProxmoxProvider : public Provider
{
    Q_OBJECT
public:
    ProxmoxProvider(const ProviderMetadata &metadata, const Account &account,
                    const QVariantMap &secrets, QObject *parent = nullptr);

    /// How often a running task's status is read; tests make it short.
    void setTaskPollIntervalMs(int ms) { m_taskPollMs = ms; }
    /// How long a task may run before we stop waiting for it (it may still finish).
    void setTaskTimeoutMs(int ms) { m_taskTimeoutMs = ms; }
    [[nodiscard]] ProxmoxAddressBook &addressBook() { return m_addresses; }
    /// The guests the user is looking at: their addresses are fetched first and kept fresh.
    void setMachinesInView(const QStringList &machineIds) override;

    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    /// Done once Proxmox accepted the action (answered with a UPID); the task is kept for
    /// followAction().
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    /// Reads the task runAction() started until it stopped: ok for "OK"/"WARNINGS: n", else an
    /// Error with the task's own text.
    void followAction(const QString &machineId, MachineAction::Action action,
                      Callback<void> done) override;
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    void listSizes(Callback<QList<Size>> done) override;
    void listImages(Callback<QList<Image>> done) override;
    /// rrddata?timeframe=…&cf=AVERAGE of each guest on its node (the cluster list is read
    /// first when a guest is not in the last one), cut to @p range (ProxmoxMetricsParser).
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;

private:
    /// JsonCall::send once the credentials are usable; otherwise their error, later.
    template<typename T>
    void call(HttpRequest request, JsonCall::Parser<T> parse, Callback<T> done);
    /// A form-encoded request (as the web UI and pvesh send them) to @p path.
    [[nodiscard]] HttpRequest form(const QByteArray &method, const QString &path,
                                   const ProxmoxRequests::Fields &fields) const;
    /// Sends @p action to @p guest; yields the task's UPID once Proxmox accepted it.
    void submitAction(const ProxmoxParser::Guest &guest, MachineAction::Action action,
                      Callback<QString> accepted);
    /// Reads the task's status until it stopped (see followAction()).
    void followTask(const QString &upid, Callback<void> done);
    /// The guests of the cluster (remembered for the node of each machine id).
    void fetchGuests(const Callback<QList<ProxmoxParser::Guest>> &done);
    /// The guest @p machineId names, from the last list (unless @p fresh) or a new one.
    void findGuest(const QString &machineId, bool fresh, Callback<ProxmoxParser::Guest> done);
    /// fetchMetrics() once every guest of @p machineIds is in m_guests (or known missing).
    void fetchKnownMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                           const MetricRange &range, Callback<QList<MetricSeries>> done);
    void fetchAddresses(const QList<ProxmoxParser::Guest> &guests, const Callback<void> &done);
    void pollTask(const QString &upid, qint64 deadlineMs, int intervalMs,
                  const Callback<void> &done);
    void configureAndStart(const ProxmoxRequests::ClonePlan &plan, int newId,
                           const CreateMachineRequest &request, const Callback<Machine> &done);
    [[nodiscard]] Error credentialError() const;

    QString m_tokenId;
    int m_taskPollMs = 2000;
    int m_taskTimeoutMs = 15 * 60 * 1000;
    ProxmoxAddressBook m_addresses;
    QHash<QString, ProxmoxParser::Guest> m_guests; ///< by machine id, from the last list
    /// The task of the action accepted last per machine and not yet followed.
    QHash<QString, QString> m_accepted;
};
