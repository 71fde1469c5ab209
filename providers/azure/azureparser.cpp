#include "azureparser.h"

#include "jsonreader.h"

#include <QJsonArray>
#include <QUuid>

namespace {

QString lower(const QJsonValue &value)
{
    return JsonReader::string(value).toLower();
}

QJsonObject properties(const QJsonObject &item)
{
    return JsonReader::object(item.value(QLatin1String("properties")));
}

/// A resource's "id": the ARM path every resource of every listing carries.
Result<QString> armId(const QJsonObject &item)
{
    const QString id = JsonReader::string(item.value(QLatin1String("id")));
    if (!id.startsWith(QLatin1Char('/')))
        return JsonReader::shapeError(QStringLiteral("a resource without an ARM id"));
    return id;
}

/// The segment after @p key in an ARM id ("resourceGroups" -> "rg1"), empty when absent.
QString segment(const QString &id, const QString &key)
{
    const QStringList parts = id.split(QLatin1Char('/'));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (parts.at(i).compare(key, Qt::CaseInsensitive) == 0)
            return parts.at(i + 1);
    }
    return {};
}

} // namespace

bool AzureParser::Operation::finished() const
{
    return status == QLatin1String("Succeeded") || status == QLatin1String("Failed")
           || status == QLatin1String("Canceled");
}

bool AzureParser::Operation::succeeded() const
{
    return status == QLatin1String("Succeeded");
}

Result<QString> AzureParser::nextLink(const QJsonObject &page)
{
    const QJsonValue link = page.value(QLatin1String("nextLink"));
    if (link.isUndefined() || link.isNull())
        return QString();
    if (!link.isString())
        return JsonReader::shapeError(QStringLiteral("\"nextLink\" is not a string"));
    return link.toString();
}

Result<QList<AzureParser::Subscription>> AzureParser::subscriptions(const QJsonObject &page)
{
    return values<Subscription>(
        page, QStringLiteral("value"), [](const QJsonObject &item) -> Result<Subscription> {
            Subscription subscription;
            subscription.id = JsonReader::string(item.value(QLatin1String("subscriptionId")));
            if (QUuid::fromString(subscription.id).isNull())
                return JsonReader::shapeError(QStringLiteral("a subscription without an id"));
            subscription.name = JsonReader::string(item.value(QLatin1String("displayName")));
            subscription.state = JsonReader::string(item.value(QLatin1String("state")));
            return subscription;
        });
}

Result<AzureParser::Vm> AzureParser::vm(const QJsonObject &item)
{
    const Result<QString> id = armId(item);
    if (!id.ok())
        return id.error();
    Vm vm;
    Machine &machine = vm.machine;
    machine.id = id.value();
    machine.name = JsonReader::string(item.value(QLatin1String("name")));
    if (machine.name.isEmpty())
        return JsonReader::shapeError(QStringLiteral("a virtual machine without a name"));
    machine.region = JsonReader::string(item.value(QLatin1String("location")));
    const QJsonObject props = properties(item);
    machine.size =
        JsonReader::string(JsonReader::object(props.value(QLatin1String("hardwareProfile")))
                               .value(QLatin1String("vmSize")));
    const QJsonObject storage = JsonReader::object(props.value(QLatin1String("storageProfile")));
    const QJsonObject image = JsonReader::object(storage.value(QLatin1String("imageReference")));
    // The URN form the Azure CLI prints (publisher:offer:sku:version), or a custom image's id.
    const QStringList urn {JsonReader::string(image.value(QLatin1String("publisher"))),
                           JsonReader::string(image.value(QLatin1String("offer"))),
                           JsonReader::string(image.value(QLatin1String("sku"))),
                           JsonReader::string(image.value(QLatin1String("version")))};
    if (!urn.at(0).isEmpty() && !urn.at(1).isEmpty())
        machine.image = urn.join(QLatin1Char(':'));
    else
        machine.image =
            JsonReader::string(image.value(QLatin1String("id"))).section(QLatin1Char('/'), -1);
    const QJsonObject osDisk = JsonReader::object(storage.value(QLatin1String("osDisk")));
    const QString osType = JsonReader::string(osDisk.value(QLatin1String("osType")));
    vm.windows = osType.compare(QLatin1String("Windows"), Qt::CaseInsensitive) == 0;
    // The administrator chosen at create time is the login (SshTarget); Azure images have no
    // fixed user the way AWS's have.
    if (const QString admin = JsonReader::string(
            JsonReader::object(props.value(QLatin1String("osProfile"))).value(QLatin1String("adminUsername")));
        !admin.isEmpty() && !vm.windows) {
        machine.extra.insert(QStringLiteral("sshUser"), admin);
    }
    if (const auto size = JsonReader::count(osDisk.value(QLatin1String("diskSizeGB"))))
        machine.diskGb = int(std::min<qint64>(*size, 1 << 20));
    const QJsonArray nics = JsonReader::object(props.value(QLatin1String("networkProfile")))
                                .value(QLatin1String("networkInterfaces"))
                                .toArray();
    for (const QJsonValue &nic : nics) {
        const QString nicId = lower(JsonReader::object(nic).value(QLatin1String("id")));
        if (!nicId.isEmpty())
            vm.nicIds.append(nicId);
    }
    const QJsonObject tags = JsonReader::object(item.value(QLatin1String("tags")));
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        const QString value = JsonReader::string(it.value());
        machine.tags.append(value.isEmpty() ? it.key() : it.key() + QLatin1Char('=') + value);
    }
    machine.createdAt = JsonReader::dateTime(props.value(QLatin1String("timeCreated")));
    const QString provisioning = lower(props.value(QLatin1String("provisioningState")));
    // Without the status listing the power state is unknown; the provisioning state still says
    // whether it is being created, deleted or failed.
    machine.state = state(QString(), provisioning);
    machine.providerState = stateText(QString(), provisioning);
    machine.extra.insert(QStringLiteral("resourceGroup"),
                         segment(machine.id, QStringLiteral("resourceGroups")));
    machine.extra.insert(QStringLiteral("subscriptionId"),
                         segment(machine.id, QStringLiteral("subscriptions")));
    if (!osType.isEmpty())
        machine.extra.insert(QStringLiteral("osType"), osType);
    const QString vmId = JsonReader::string(props.value(QLatin1String("vmId")));
    if (!vmId.isEmpty())
        machine.extra.insert(QStringLiteral("vmId"), vmId);
    return vm;
}

Result<QList<AzureParser::Vm>> AzureParser::virtualMachines(const QJsonObject &page)
{
    return values<Vm>(page, QStringLiteral("value"), &AzureParser::vm);
}

Result<QList<AzureParser::VmStatus>> AzureParser::statuses(const QJsonObject &page)
{
    return values<VmStatus>(
        page, QStringLiteral("value"), [](const QJsonObject &item) -> Result<VmStatus> {
            const Result<QString> id = armId(item);
            if (!id.ok())
                return id.error();
            VmStatus status;
            status.id = id.value().toLower();
            const QJsonObject props = properties(item);
            const QJsonArray list = JsonReader::object(props.value(QLatin1String("instanceView")))
                                        .value(QLatin1String("statuses"))
                                        .toArray();
            for (const QJsonValue &entry : list) {
                const QString code = lower(JsonReader::object(entry).value(QLatin1String("code")));
                if (code.startsWith(QLatin1String("powerstate/")))
                    status.power = code.mid(11);
                else if (code.startsWith(QLatin1String("provisioningstate/")))
                    status.provisioning = code.mid(18);
            }
            if (status.provisioning.isEmpty())
                status.provisioning = lower(props.value(QLatin1String("provisioningState")));
            return status;
        });
}

Result<QList<AzureParser::Nic>> AzureParser::networkInterfaces(const QJsonObject &page)
{
    return values<Nic>(page, QStringLiteral("value"), [](const QJsonObject &item) -> Result<Nic> {
        const Result<QString> id = armId(item);
        if (!id.ok())
            return id.error();
        Nic nic;
        nic.id = id.value().toLower();
        const QJsonObject props = properties(item);
        nic.vmId = lower(JsonReader::object(props.value(QLatin1String("virtualMachine")))
                             .value(QLatin1String("id")));
        const QJsonArray configurations = props.value(QLatin1String("ipConfigurations")).toArray();
        for (const QJsonValue &value : configurations) {
            const QJsonObject config = properties(JsonReader::object(value));
            const QString address =
                JsonReader::string(config.value(QLatin1String("privateIPAddress")));
            const bool v6 =
                JsonReader::string(config.value(QLatin1String("privateIPAddressVersion")))
                    .compare(QLatin1String("IPv6"), Qt::CaseInsensitive)
                == 0;
            if (!address.isEmpty())
                (v6 ? nic.privateIpv6 : nic.privateIpv4).append(address);
            const QString publicId =
                lower(JsonReader::object(config.value(QLatin1String("publicIPAddress")))
                          .value(QLatin1String("id")));
            if (!publicId.isEmpty())
                nic.publicIpIds.append(publicId);
        }
        return nic;
    });
}

Result<QList<AzureParser::PublicIp>> AzureParser::publicIps(const QJsonObject &page)
{
    return values<PublicIp>(
        page, QStringLiteral("value"), [](const QJsonObject &item) -> Result<PublicIp> {
            const Result<QString> id = armId(item);
            if (!id.ok())
                return id.error();
            const QJsonObject props = properties(item);
            PublicIp ip;
            ip.id = id.value().toLower();
            ip.address = JsonReader::string(props.value(QLatin1String("ipAddress")));
            ip.ipv6 = JsonReader::string(props.value(QLatin1String("publicIPAddressVersion")))
                          .compare(QLatin1String("IPv6"), Qt::CaseInsensitive)
                      == 0;
            return ip;
        });
}

Result<AzureParser::Operation> AzureParser::operation(const QJsonObject &body)
{
    Operation operation;
    operation.status = JsonReader::string(body.value(QLatin1String("status")));
    if (operation.status.isEmpty())
        return JsonReader::shapeError(QStringLiteral("an operation status without \"status\""));
    const QJsonObject error = JsonReader::object(body.value(QLatin1String("error")));
    operation.errorCode = JsonReader::string(error.value(QLatin1String("code")));
    operation.errorMessage = JsonReader::string(error.value(QLatin1String("message")));
    return operation;
}

HttpClient::ProviderError AzureParser::error(const QJsonObject &body)
{
    // ARM's {"error": {code, message}}; Azure Monitor's metrics spec (metrics_API.json
    // ErrorResponse) has code and message at the top.
    const QJsonObject error = body.value(QLatin1String("error")).isObject()
                                  ? body.value(QLatin1String("error")).toObject()
                                  : body;
    HttpClient::ProviderError result;
    result.code = JsonReader::string(error.value(QLatin1String("code")));
    result.message = JsonReader::string(error.value(QLatin1String("message")));
    // The first detail often says what the summary does not ("... SKU not available in eastus").
    const QJsonObject detail =
        JsonReader::object(error.value(QLatin1String("details")).toArray().at(0));
    const QString more = JsonReader::string(detail.value(QLatin1String("message")));
    if (!more.isEmpty() && !result.message.contains(more))
        result.message += QLatin1Char(' ') + more;
    // ARM throttles with 429, but a few resource providers report it as a code on another status.
    if (result.code == QLatin1String("TooManyRequests"))
        result.kind = Error::RateLimited;
    return result;
}

Result<QString> AzureParser::resourceId(const QJsonObject &body)
{
    return armId(body);
}

MachineState::State AzureParser::state(const QString &power, const QString &provisioning)
{
    if (provisioning == QLatin1String("failed"))
        return MachineState::Error;
    if (provisioning == QLatin1String("creating"))
        return MachineState::Pending;
    if (provisioning == QLatin1String("deleting"))
        return MachineState::Stopping;
    if (power == QLatin1String("running"))
        return MachineState::Running;
    if (power == QLatin1String("starting"))
        return MachineState::Starting;
    if (power == QLatin1String("stopping") || power == QLatin1String("deallocating"))
        return MachineState::Stopping;
    if (power == QLatin1String("stopped") || power == QLatin1String("deallocated"))
        return MachineState::Stopped;
    return MachineState::Unknown;
}

QString AzureParser::stateText(const QString &power, const QString &provisioning)
{
    if (provisioning == QLatin1String("failed") || provisioning == QLatin1String("creating")
        || provisioning == QLatin1String("deleting"))
        return provisioning;
    // Stopped but allocated is the state that still costs money: say so.
    if (power == QLatin1String("stopped"))
        return QStringLiteral("stopped (still allocated)");
    return power.isEmpty() ? provisioning : power;
}
