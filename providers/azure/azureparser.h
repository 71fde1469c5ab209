#pragma once

#include "catalog.h"
#include "httpclient.h"
#include "jsonreader.h"
#include "machine.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * @brief Pure readers of Azure Resource Manager replies (and of the public Retail Prices API),
 * built on JsonReader: any input gives a value or InvalidReply, never a crash.
 *
 * Shapes are those of azure-rest-api-specs: Compute 2024-07-01 (virtualMachine.json,
 * computeRPCommon.json, sshPublicKey.json), Network 2024-05-01 (networkInterface.json,
 * publicIpAddress.json, virtualNetwork.json), Resources 2022-12-01 (subscriptions.json) and
 * 2021-04-01 (resources.json). Every list is {"value": [...], "nextLink": "..."}. Resource ids
 * are compared lowercased, because ARM spells the same resource group in different cases in
 * different places ("resourceGroups/RG1" on the VM, ".../rg1/..." on its NIC).
 */
class AzureParser
{
public:
    struct Subscription
    {
        QString id; ///< the bare GUID ("subscriptionId")
        QString name; ///< displayName
        QString state; ///< Enabled, Warned, PastDue, Disabled, Deleted
    };
    /// A VM of the model listing, with what the join needs.
    struct Vm
    {
        Machine machine; ///< id is the ARM resource id as listed
        QStringList nicIds; ///< lowercased
        bool windows = false;
    };
    /// The run-time status of one VM (the statusOnly=true listing).
    struct VmStatus
    {
        QString id; ///< lowercased ARM id
        QString power; ///< "running", "deallocated", ... (the part after "PowerState/")
        QString provisioning; ///< "succeeded", "creating", "failed", ...
    };
    struct Nic
    {
        QString id; ///< lowercased
        QString vmId; ///< lowercased, empty when attached to nothing
        QStringList privateIpv4;
        QStringList privateIpv6;
        QStringList publicIpIds; ///< lowercased
    };
    struct PublicIp
    {
        QString id; ///< lowercased
        QString address; ///< empty while a dynamic address is unassigned
        bool ipv6 = false;
    };
    struct Operation
    {
        QString status; ///< InProgress, Succeeded, Failed, Canceled (anything else: running)
        QString errorCode;
        QString errorMessage;
        [[nodiscard]] bool finished() const;
        [[nodiscard]] bool succeeded() const;
    };
    struct RetailPrice
    {
        QString sku; ///< armSkuName
        QString region; ///< armRegionName
        double hourly = 0;
        bool windows = false;
    };
    struct Subnet
    {
        QString id; ///< the ARM id, as listed
        QString name; ///< "vnet/subnet"
        QString location;
    };

    /// The "value" array's items through @p parse; fails on the first bad one.
    template<typename T>
    using ItemParser = std::function<Result<T>(const QJsonObject &item)>;
    /// A page's nextLink, empty at the end (a nextLink that is not a string ends nothing: it is
    /// InvalidReply).
    [[nodiscard]] static Result<QString> nextLink(const QJsonObject &page);

    [[nodiscard]] static Result<QList<Subscription>> subscriptions(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Vm>> virtualMachines(const QJsonObject &page);
    [[nodiscard]] static Result<QList<VmStatus>> statuses(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Nic>> networkInterfaces(const QJsonObject &page);
    [[nodiscard]] static Result<QList<PublicIp>> publicIps(const QJsonObject &page);
    [[nodiscard]] static Result<QList<SshKey>> sshKeys(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Region>> locations(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Size>> vmSizes(const QJsonObject &page,
                                                     const QString &location);
    [[nodiscard]] static Result<QList<QString>> resourceGroups(const QJsonObject &page);
    /// The subnets of every virtual network of the page.
    [[nodiscard]] static Result<QList<Subnet>> subnets(const QJsonObject &page);
    /// The Retail Prices API's page: "Items" and "NextPageLink" (its own casing). Spot and Low
    /// Priority meters are left out: they are not what a pay-as-you-go VM costs.
    [[nodiscard]] static Result<QList<RetailPrice>> retailPrices(const QJsonObject &page);
    [[nodiscard]] static QString retailNextLink(const QJsonObject &page);
    /// An Azure-AsyncOperation status body.
    [[nodiscard]] static Result<Operation> operation(const QJsonObject &body);
    /// An ARM error body {"error": {"code", "message", "details": [...]}}, or Azure Monitor's
    /// {"code", "message"}.
    [[nodiscard]] static HttpClient::ProviderError error(const QJsonObject &body);
    /// The id of the resource a PUT created ("id" of the reply).
    [[nodiscard]] static Result<QString> resourceId(const QJsonObject &body);

    /// Our state for Azure's power and provisioning states.
    [[nodiscard]] static MachineState::State state(const QString &power,
                                                   const QString &provisioning);
    /// The state text shown beside ours ("deallocated", "stopped (still allocated)").
    [[nodiscard]] static QString stateText(const QString &power, const QString &provisioning);

private:
    template<typename T>
    static Result<QList<T>> values(const QJsonObject &page, const QString &key,
                                   const ItemParser<T> &parse);
    static Result<Vm> vm(const QJsonObject &item);
};

template<typename T>
Result<QList<T>> AzureParser::values(const QJsonObject &page, const QString &key,
                                     const ItemParser<T> &parse)
{
    return JsonReader::list<T>(page, key, [&parse](const QJsonValue &value) -> Result<T> {
        if (!value.isObject())
            return JsonReader::shapeError(QStringLiteral("a list item is not an object"));
        return parse(value.toObject());
    });
}
