#pragma once

#include "catalog.h"
#include "machine.h"
#include "result.h"

#include <QJsonObject>
#include <QStringList>

/**
 * @brief Turns Proxmox VE API replies into CloudDeck values (ProxmoxRequests builds what we send).
 *
 * Pure functions over parsed JSON, so any input gives a value or an InvalidReply error. Every
 * reply of the JSON API is wrapped in {"data": ...}; the members follow the API viewer's schema
 * (pve-docs api-viewer/apidata.js), which types booleans and integers as JSON Schema does while
 * the Perl server sends some of them as strings ("template": 1, nextid "105"): both are read.
 */
class ProxmoxParser
{
public:
    /// One guest (qemu VM or lxc container) of GET /cluster/resources?type=vm.
    struct Guest
    {
        Machine machine; ///< id "qemu/100" (the resource id: stable across migrations)
        QString type; ///< "qemu" or "lxc"
        QString node;
        int vmid = 0;
        bool running = false;
        qint64 uptime = 0; ///< seconds; a smaller value than before means the guest restarted
    };
    /// The addresses of one guest, from the QEMU guest agent or from the container's interfaces.
    struct Addresses
    {
        QStringList publicIpv4;
        QStringList publicIpv6;
        QStringList privateIpv4;
        QStringList privateIpv6;
        bool operator==(const Addresses &) const = default;
    };
    /// GET /nodes/{node}/tasks/{upid}/status.
    struct Task
    {
        QString upid;
        QString type; ///< "qmstart", "vzshutdown", "qmclone", ...
        bool running = false;
        QString exitStatus; ///< "OK", "WARNINGS: n", or the task's error text
        /// Stopped with "OK" or "WARNINGS: n" (pve-common's upid_status_is_error, inverted).
        [[nodiscard]] bool succeeded() const;
    };
    /// What an error body says: {"data": null, "message": "...\n", "errors": {"param": "..."}}.
    struct ApiError
    {
        QString message; ///< trimmed; empty when the body had none (a 401 has no body)
        QStringList parameterErrors; ///< "newid: value must have a minimum value of 100"
    };

    /// The guests of a /cluster/resources reply (entries of other types are skipped). Fails on a
    /// guest without a valid type, vmid or node, or on a reply that is not {"data": [...]}.
    [[nodiscard]] static Result<QList<Guest>> resources(const QJsonObject &reply);
    [[nodiscard]] static Result<QList<Machine>> machines(const QJsonObject &reply);
    /// "running"/"stopped"/... with the lock and template flag -> our state (see the .cpp).
    [[nodiscard]] static MachineState::State state(const QString &status, const QString &lock,
                                                   bool isTemplate);
    /// {"data": "UPID:..."}: the task an action started, checked (ProxmoxRequests::isUpid).
    [[nodiscard]] static Result<QString> startedTask(const QJsonObject &reply);
    [[nodiscard]] static Result<Task> task(const QJsonObject &reply);
    /// {"data": 105} or {"data": "105"}, within 100..999999999.
    [[nodiscard]] static Result<int> nextId(const QJsonObject &reply);
    /// {"data": {"version": "9.1.1", "release": "9.1"}} -> "9.1.1".
    [[nodiscard]] static Result<QString> version(const QJsonObject &reply);
    /// {"data": {"result": [interfaces]}} of agent/network-get-interfaces (QEMU guest agent's
    /// GuestNetworkInterface: "ip-addresses" of {"ip-address-type": "ipv4"|"ipv6"}).
    [[nodiscard]] static Result<Addresses> agentAddresses(const QJsonObject &reply);
    /// {"data": [interfaces]} of lxc/{vmid}/interfaces ("ip-addresses" typed "inet"/"inet6", or
    /// the "inet"/"inet6" CIDR strings).
    [[nodiscard]] static Result<Addresses> containerAddresses(const QJsonObject &reply);
    /// GET /nodes: every node as a region; offline ones are not available.
    [[nodiscard]] static Result<QList<Region>> nodes(const QJsonObject &reply);
    /// The templates among the guests, as images ("qemu/9000"), each on its node.
    [[nodiscard]] static QList<Image> templates(const QList<Guest> &guests);
    /// A non-2xx body that parsed as a JSON object; never fails (a body that is not JSON, such
    /// as a 401's empty one, never gets here: BearerToken::jsonErrors lets the status speak).
    [[nodiscard]] static ApiError error(const QJsonObject &body);
    /// Whether an error message is the guest agent being absent (not configured, VM not running,
    /// agent not running): the guest has no agent addresses, which is not a failure.
    [[nodiscard]] static bool isNoAgent(const QString &message);
    /// Whether an error message says the guest's configuration file does not exist (Proxmox
    /// answers 500, not 404, for a vmid it does not know).
    [[nodiscard]] static bool isMissingGuest(const QString &message);
};
