#pragma once

#include "catalog.h"
#include "httprequest.h"
#include "machineaction.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

/**
 * @brief What CloudDeck sends to the Proxmox VE API: the checks of every value that goes into a
 * path or a header, form bodies, and the clone plan of a create (ProxmoxParser reads replies).
 *
 * Formats are those of the API schema (apidata.js): pve-node, pve-vmid (100..999999999),
 * dns-name, pve-storage-id, pve-tag, and the UPID as pve-common's upid_decode reads it. Bodies
 * are application/x-www-form-urlencoded, as the web UI and pvesh send them; booleans are 0/1.
 */
class ProxmoxRequests
{
public:
    using Fields = HttpRequest::FormFields;

    /// A guest as our machine id names it: "qemu/100", "lxc/200".
    struct GuestId
    {
        QString type; ///< "qemu" or "lxc"
        int vmid = 0;
        [[nodiscard]] QString machineId() const;
        /// "/nodes/<node>/<type>/<vmid>"; @p node must have passed isNodeName().
        [[nodiscard]] QString path(const QString &node) const;
    };
    /// A cores/memory preset offered as a size ("c2-m4096").
    struct Preset
    {
        int cores = 0;
        int memoryMb = 0;
    };
    /// What a create becomes: clone @p source on @p sourceNode into @p newid, then configure.
    struct ClonePlan
    {
        GuestId source;
        QString sourceNode;
        QString targetNode; ///< where the clone lives (sourceNode unless the region says another)
        Fields cloneFields; ///< POST .../clone, without newid (known only after /cluster/nextid)
        Fields configFields; ///< POST qemu/.../config or PUT lxc/.../config
    };

    [[nodiscard]] static std::optional<GuestId> guestId(const QString &machineId);
    [[nodiscard]] static bool isNodeName(const QString &node);
    [[nodiscard]] static bool isUpid(const QString &upid);
    /// The node a task runs on (its status must be read there); empty for a malformed UPID.
    [[nodiscard]] static QString upidNode(const QString &upid);
    [[nodiscard]] static bool isDnsName(const QString &name);
    [[nodiscard]] static bool isStorageId(const QString &storage);
    [[nodiscard]] static bool isTag(const QString &tag);
    /// "USER@REALM!TOKENID" as pve-access-control's split_tokenid accepts it.
    [[nodiscard]] static bool isTokenId(const QString &tokenId);
    /// "PVEAPIToken=USER@REALM!TOKENID=SECRET". The server URI-unescapes the value and stops at
    /// ';', so '%' and ';' are percent-encoded.
    [[nodiscard]] static QByteArray authorization(const QString &tokenId, const QString &secret);

    /// "status/start", "status/shutdown", "status/stop", "status/reboot"; empty for Destroy.
    [[nodiscard]] static QString actionPath(MachineAction::Action action);
    /// The query of the destroy DELETE (a DELETE must carry no body: pveproxy answers 501).
    [[nodiscard]] static Fields destroyQuery();
    [[nodiscard]] static QByteArray form(const Fields &fields);

    /// The sizes the wizard offers: cores/memory presets (Proxmox has no size catalogue).
    [[nodiscard]] static QList<Size> presets();
    /// "c2-m4096" -> 2 cores, 4096 MiB; nullopt for anything else.
    [[nodiscard]] static std::optional<Preset> preset(const QString &sizeId);
    [[nodiscard]] static QString presetId(int cores, int memoryMb);

    /// Checks @p request (image: a template's machine id; region: a node; size: a preset; name:
    /// a DNS name; extra "clone": "linked" (default, as Proxmox does for templates) or "full";
    /// extra "storage": the target storage) and plans the clone. @p templateNode is the node
    /// the template is on. InvalidInput for anything Proxmox would refuse.
    [[nodiscard]] static Result<ClonePlan> clonePlan(const CreateMachineRequest &request,
                                                     const QString &templateNode);
};
