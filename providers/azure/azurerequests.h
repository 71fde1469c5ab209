#pragma once

#include "catalog.h"
#include "result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

/**
 * @brief What CloudDeck sends to Azure Resource Manager: api-versions, the paths built from
 * checked ids, the create bodies, and the curated marketplace images.
 *
 * api-versions are those of azure-rest-api-specs (specification/compute/.../ComputeRP/stable/
 * 2024-07-01, specification/network/.../stable/2024-05-01, specification/resources/.../
 * Microsoft.Resources/stable/2022-12-01 for subscriptions and locations, 2021-04-01 for resource
 * groups).
 */
class AzureRequests
{
public:
    static inline const QString computeVersion = QStringLiteral("2024-07-01");
    static inline const QString networkVersion = QStringLiteral("2024-05-01");
    static inline const QString subscriptionsVersion = QStringLiteral("2022-12-01");
    static inline const QString resourceGroupsVersion = QStringLiteral("2021-04-01");

    /// A resource's place: subscription, resource group, name.
    struct Ref
    {
        QString subscription;
        QString resourceGroup;
        QString name;
    };
    /// The parts of a VM id ("/subscriptions/S/resourceGroups/G/providers/Microsoft.Compute/
    /// virtualMachines/N"), each checked: a GUID, a resource group name, a VM name. Anything
    /// else is InvalidInput, before it reaches a path.
    [[nodiscard]] static Result<Ref> vm(const QString &machineId);
    /// The parts of a subnet id (.../Microsoft.Network/virtualNetworks/V/subnets/S), name "V".
    [[nodiscard]] static Result<Ref> subnet(const QString &subnetId);
    [[nodiscard]] static bool isSubscriptionId(const QString &id);
    [[nodiscard]] static bool isResourceGroup(const QString &name);
    /// Azure's VM resource names: 1 to 64 of letters, digits, '-', '_', '.'.
    [[nodiscard]] static bool isResourceName(const QString &name);
    /// "/subscriptions/S/resourceGroups/G/providers/<provider>/<type>/<name>".
    [[nodiscard]] static QString path(const Ref &ref, const QString &provider, const QString &type);

    /// A marketplace image: "publisher:offer:sku:version" (the Azure CLI's URN).
    struct ImageRef
    {
        QString publisher;
        QString offer;
        QString sku;
        QString version;
        bool windows = false;
    };
    [[nodiscard]] static Result<ImageRef> image(const QString &urn);
    /// Ubuntu, Debian, RHEL, Windows Server: a short list to start from (any URN can be typed).
    [[nodiscard]] static QList<Image> curatedImages();

    /// Public IPv4, Standard SKU, static (what a Standard-SKU NIC needs; Basic is retired).
    [[nodiscard]] static QJsonObject publicIp(const QString &location, const QStringList &tags);
    /// One NIC in @p subnetId with @p publicIpId, deleted with its VM.
    [[nodiscard]] static QJsonObject networkInterface(const QString &location,
                                                      const QString &subnetId,
                                                      const QString &publicIpId,
                                                      const QStringList &tags);
    /// A VM from @p image, its OS disk and NIC deleted with it: Linux with SSH keys only (no
    /// password), Windows with the administrator password of @p request (windowsConfiguration).
    [[nodiscard]] static QJsonObject virtualMachine(const CreateMachineRequest &request,
                                                    const ImageRef &image, const QString &nicId,
                                                    const QStringList &publicKeys);
    /// @p name as a Windows computer name (15 characters, no dots, not only digits).
    [[nodiscard]] static QString windowsComputerName(const QString &name);
    /// "k=v" / "k" tags as ARM's {"k": "v"}.
    [[nodiscard]] static QJsonObject tags(const QStringList &tags);
    static inline const QString adminUser = QStringLiteral("azureuser");
};
