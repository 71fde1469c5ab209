#include "proxmoxrequests.h"

#include "resourceid.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ProxmoxRequests", text);
}

bool matchesWhole(const QString &text, const QString &pattern)
{
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern),
                                        QRegularExpression::CaseInsensitiveOption);
    return expression.match(text).hasMatch();
}

// The patterns of the API schema's formats (pve-common PVE::JSONSchema and PVE::Tools).
const QString s_label = QStringLiteral("[a-z0-9]([a-z0-9\\-]*[a-z0-9])?");
constexpr int s_minVmid = 100;
constexpr int s_maxVmid = 999999999;

// Cores x memory (MiB): what small to large guests of a homelab or a company cluster get.
constexpr ProxmoxRequests::Preset s_presets[] = {
    {1, 1024}, {1, 2048}, {2, 2048}, {2, 4096}, {4, 4096}, {4, 8192}, {8, 16384}, {16, 32768},
};
} // namespace

QString ProxmoxRequests::GuestId::machineId() const
{
    return type + QLatin1Char('/') + QString::number(vmid);
}

QString ProxmoxRequests::GuestId::path(const QString &node) const
{
    return QStringLiteral("/nodes/%1/%2/%3").arg(node, type).arg(vmid);
}

std::optional<ProxmoxRequests::GuestId> ProxmoxRequests::guestId(const QString &machineId)
{
    // "<type>/<vmid>": the type one of two words, the vmid a number as every provider's numeric
    // ids are checked (no sign, no leading zero), within pve-vmid's range.
    const qsizetype slash = machineId.indexOf(QLatin1Char('/'));
    const QString type = machineId.left(slash);
    const QString vmid = machineId.mid(slash + 1);
    if (slash < 0 || (type != QLatin1String("qemu") && type != QLatin1String("lxc"))
        || !ResourceId::isValid(ResourceId::Numeric, vmid) || vmid.size() > 9)
        return std::nullopt;
    const int number = vmid.toInt();
    if (number < s_minVmid || number > s_maxVmid)
        return std::nullopt;
    return GuestId {type, number};
}

bool ProxmoxRequests::isNodeName(const QString &node)
{
    return node.size() <= 63 && matchesWhole(node, s_label);
}

bool ProxmoxRequests::isUpid(const QString &upid)
{
    // upid_decode's pattern, minus '/', '?', '#' and '%' in the free fields: a UPID goes into a
    // path, and no real one has them.
    static const QString pattern =
        QStringLiteral(
            "UPID:%1:[0-9a-f]{8}:[0-9a-f]{8,9}:[0-9a-f]{8}:[^:\\s/?#%]+:[^:\\s/?#%]*:[^:\\s/?#%]+:")
            .arg(s_label);
    return upid.size() <= 512 && matchesWhole(upid, pattern);
}

QString ProxmoxRequests::upidNode(const QString &upid)
{
    if (!isUpid(upid))
        return {};
    return upid.section(QLatin1Char(':'), 1, 1);
}

bool ProxmoxRequests::isDnsName(const QString &name)
{
    return !name.isEmpty() && name.size() <= 253
           && matchesWhole(name, QStringLiteral("(%1\\.)*%1").arg(s_label));
}

bool ProxmoxRequests::isStorageId(const QString &storage)
{
    return matchesWhole(storage, QStringLiteral("[a-z][a-z0-9\\-_.]*[a-z0-9]"));
}

bool ProxmoxRequests::isTag(const QString &tag)
{
    return matchesWhole(tag, QStringLiteral("[a-z0-9_][a-z0-9_\\-+.]*"));
}

bool ProxmoxRequests::isTokenId(const QString &tokenId)
{
    // user_regex "[^\s:/]+", realm_regex "[A-Za-z][A-Za-z0-9.\-_]+", the token name like a realm.
    return matchesWhole(tokenId,
                        QStringLiteral("[^\\s:/]+@[a-z][a-z0-9.\\-_]+![a-z][a-z0-9.\\-_]+"));
}

QByteArray ProxmoxRequests::authorization(const QString &tokenId, const QString &secret)
{
    const QByteArray keep = "@!:=-._~+/";
    return "PVEAPIToken=" + QUrl::toPercentEncoding(tokenId, keep) + '='
           + QUrl::toPercentEncoding(secret, keep);
}

QString ProxmoxRequests::actionPath(MachineAction::Action action)
{
    switch (action) {
    case MachineAction::Start:
        return QStringLiteral("status/start");
    case MachineAction::Shutdown:
        return QStringLiteral("status/shutdown");
    case MachineAction::PowerOff:
        return QStringLiteral("status/stop");
    case MachineAction::Reboot:
        return QStringLiteral("status/reboot");
    case MachineAction::Destroy:
        break;
    }
    return {};
}

ProxmoxRequests::Fields ProxmoxRequests::destroyQuery()
{
    // purge: also remove the guest from backup jobs, replication and HA; and disks no config
    // references any more, so nothing of the guest is left behind.
    return {{QStringLiteral("purge"), QStringLiteral("1")},
            {QStringLiteral("destroy-unreferenced-disks"), QStringLiteral("1")}};
}

QByteArray ProxmoxRequests::form(const Fields &fields)
{
    return HttpRequest::formEncoded(fields);
}

QList<Size> ProxmoxRequests::presets()
{
    QList<Size> result;
    for (const Preset &preset : s_presets) {
        Size size;
        size.id = presetId(preset.cores, preset.memoryMb);
        size.vcpus = preset.cores;
        size.memoryMb = preset.memoryMb;
        size.description =
            QCoreApplication::translate("ProxmoxRequests", "%n core(s), %1 GiB memory", nullptr,
                                        preset.cores)
                .arg(preset.memoryMb / 1024);
        result.append(size);
    }
    return result;
}

std::optional<ProxmoxRequests::Preset> ProxmoxRequests::preset(const QString &sizeId)
{
    static const QRegularExpression s_size(
        QStringLiteral("^c([1-9][0-9]{0,3})-m([1-9][0-9]{1,7})$"));
    const QRegularExpressionMatch match = s_size.match(sizeId);
    if (!match.hasMatch())
        return std::nullopt;
    const Preset result {match.captured(1).toInt(), match.captured(2).toInt()};
    if (result.memoryMb < 16) // the schema's minimum for both qemu and lxc
        return std::nullopt;
    return result;
}

QString ProxmoxRequests::presetId(int cores, int memoryMb)
{
    return QStringLiteral("c%1-m%2").arg(cores).arg(memoryMb);
}

Result<ProxmoxRequests::ClonePlan> ProxmoxRequests::clonePlan(const CreateMachineRequest &request,
                                                              const QString &templateNode)
{
    const auto invalid = [](const QString &message) {
        return Error(Error::InvalidInput, message);
    };
    const std::optional<GuestId> source = guestId(request.image);
    if (!source)
        return invalid(tr("Choose a template to clone (\"%1\" is not one).").arg(request.image));
    if (!isNodeName(templateNode))
        return invalid(tr("The template %1 is on no known node.").arg(request.image));
    if (!isDnsName(request.name)) {
        return invalid(tr("Proxmox VE needs a DNS name for a guest: letters, digits and '-', "
                          "dot-separated (\"%1\" is not one).")
                           .arg(request.name));
    }
    const std::optional<Preset> size = preset(request.size);
    if (!request.size.isEmpty() && !size)
        return invalid(tr("\"%1\" is not one of the offered sizes.").arg(request.size));
    if (!request.sshKeys.isEmpty() || !request.userData.isEmpty()) {
        return invalid(tr("A clone takes its SSH keys and cloud-init data from its template; "
                          "set them there."));
    }
    for (const QString &tag : request.tags) {
        if (!isTag(tag))
            return invalid(tr("\"%1\" is not a valid Proxmox VE tag.").arg(tag));
    }

    ClonePlan plan;
    plan.source = *source;
    plan.sourceNode = templateNode;
    plan.targetNode = request.region.isEmpty() ? templateNode : request.region;
    if (!isNodeName(plan.targetNode))
        return invalid(tr("\"%1\" is not a node name.").arg(plan.targetNode));

    const bool qemu = source->type == QLatin1String("qemu");
    // The new guest's name: "name" for a VM, "hostname" for a container (both dns-name).
    plan.cloneFields.append(
        {qemu ? QStringLiteral("name") : QStringLiteral("hostname"), request.name});
    const QString mode =
        request.extra.value(QStringLiteral("clone"), QStringLiteral("linked")).toString();
    if (mode != QLatin1String("linked") && mode != QLatin1String("full"))
        return invalid(tr("A clone is \"linked\" or \"full\", not \"%1\".").arg(mode));
    plan.cloneFields.append({QStringLiteral("full"), mode == QLatin1String("full")
                                                         ? QStringLiteral("1")
                                                         : QStringLiteral("0")});
    const QString storage = request.extra.value(QStringLiteral("storage")).toString();
    if (!storage.isEmpty()) {
        if (!isStorageId(storage))
            return invalid(tr("\"%1\" is not a storage id.").arg(storage));
        // The schema allows "storage" only with a full clone (a linked clone stays on the
        // template's storage).
        if (mode != QLatin1String("full"))
            return invalid(tr("A target storage needs a full clone."));
        plan.cloneFields.append({QStringLiteral("storage"), storage});
    }
    if (plan.targetNode != templateNode)
        plan.cloneFields.append({QStringLiteral("target"), plan.targetNode});

    if (size) {
        plan.configFields.append({QStringLiteral("cores"), QString::number(size->cores)});
        plan.configFields.append({QStringLiteral("memory"), QString::number(size->memoryMb)});
    }
    if (!request.tags.isEmpty())
        plan.configFields.append({QStringLiteral("tags"), request.tags.join(QLatin1Char(';'))});
    return plan;
}
