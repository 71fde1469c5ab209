#include "azurerequests.h"

#include "createmachinerequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AzureRequests", text);
}

Error invalid(const QString &message)
{
    return Error(Error::InvalidInput, message);
}

/// @p id split into its segments, the leading empty one dropped.
QStringList segments(const QString &id)
{
    QStringList parts = id.split(QLatin1Char('/'));
    if (!parts.isEmpty() && parts.first().isEmpty())
        parts.removeFirst();
    return parts;
}

bool is(const QString &segment, const char *expected)
{
    return segment.compare(QLatin1String(expected), Qt::CaseInsensitive) == 0;
}

} // namespace

bool AzureRequests::isSubscriptionId(const QString &id)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(id).hasMatch();
}

bool AzureRequests::isResourceGroup(const QString &name)
{
    // Resource group names: 1 to 90 of letters, digits, '-', '_', '.', '(' and ')', not ending in
    // a period. A "." or ".." would walk the path.
    static const QRegularExpression pattern(QStringLiteral("^[-\\w.()]{0,89}[-\\w()]$"));
    return pattern.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

bool AzureRequests::isResourceName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][-A-Za-z0-9_.]{0,63}$"));
    return pattern.match(name).hasMatch() && !name.endsWith(QLatin1Char('.'))
           && !name.contains(QLatin1String(".."));
}

Result<AzureRequests::Ref> AzureRequests::vm(const QString &machineId)
{
    const QStringList parts = segments(machineId);
    if (parts.size() != 8 || !is(parts.at(0), "subscriptions") || !is(parts.at(2), "resourceGroups")
        || !is(parts.at(4), "providers") || !is(parts.at(5), "Microsoft.Compute")
        || !is(parts.at(6), "virtualMachines"))
        return invalid(tr("\"%1\" is not an Azure virtual machine id "
                          "(/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/"
                          "virtualMachines/…).")
                           .arg(machineId.left(200)));
    const Ref ref {parts.at(1), parts.at(3), parts.at(7)};
    if (!isSubscriptionId(ref.subscription) || !isResourceGroup(ref.resourceGroup)
        || !isResourceName(ref.name))
        return invalid(tr("The Azure virtual machine id \"%1\" has a part Azure does not allow.")
                           .arg(machineId.left(200)));
    return ref;
}

Result<AzureRequests::Ref> AzureRequests::subnet(const QString &subnetId)
{
    const QStringList parts = segments(subnetId);
    if (parts.size() != 10 || !is(parts.at(0), "subscriptions")
        || !is(parts.at(2), "resourceGroups") || !is(parts.at(4), "providers")
        || !is(parts.at(5), "Microsoft.Network") || !is(parts.at(6), "virtualNetworks")
        || !is(parts.at(8), "subnets") || !isSubscriptionId(parts.at(1))
        || !isResourceGroup(parts.at(3)))
        return invalid(tr("\"%1\" is not an Azure subnet id.").arg(subnetId.left(200)));
    return Ref {parts.at(1), parts.at(3), parts.at(7)};
}

QString AzureRequests::path(const Ref &ref, const QString &provider, const QString &type)
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/%3/%4/%5")
        .arg(ref.subscription, ref.resourceGroup, provider, type, ref.name);
}

Result<AzureRequests::ImageRef> AzureRequests::image(const QString &urn)
{
    const QStringList parts = urn.trimmed().split(QLatin1Char(':'));
    static const QRegularExpression part(QStringLiteral("^[-\\w.]{1,128}$"));
    if (parts.size() != 4 || std::any_of(parts.begin(), parts.end(), [](const QString &p) {
            return !part.match(p).hasMatch();
        }))
        return invalid(tr("\"%1\" is not a marketplace image (publisher:offer:sku:version, e.g. "
                          "Canonical:ubuntu-24_04-lts:server:latest).")
                           .arg(urn.left(200)));
    ImageRef ref {parts.at(0), parts.at(1), parts.at(2), parts.at(3), false};
    ref.windows = ref.publisher.startsWith(QLatin1String("MicrosoftWindows"), Qt::CaseInsensitive);
    return ref;
}

QList<Image> AzureRequests::curatedImages()
{
    auto image = [](const char *urn, const char *name, const char *distribution) {
        return Image {QString::fromLatin1(urn),
                      QString::fromLatin1(name),
                      QString::fromLatin1(distribution),
                      QStringLiteral("distribution"),
                      {}};
    };
    return {
        image("Canonical:ubuntu-24_04-lts:server:latest", "Ubuntu 24.04 LTS", "Ubuntu"),
        image("Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest", "Ubuntu 22.04 LTS",
              "Ubuntu"),
        image("Debian:debian-12:12-gen2:latest", "Debian 12", "Debian"),
        image("RedHat:RHEL:9-lvm-gen2:latest", "Red Hat Enterprise Linux 9", "RHEL"),
        image("MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest",
              "Windows Server 2022 Datacenter: Azure Edition", "Windows"),
    };
}

QString AzureRequests::windowsComputerName(const QString &name)
{
    // OSProfile.computerName: at most 15 characters on Windows, no '.', not only digits. The VM
    // keeps its full name; only the host name inside is shortened (as the portal does).
    QString computer = name;
    computer.replace(QLatin1Char('.'), QLatin1Char('-'));
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (digits.match(computer).hasMatch())
        computer.prepend(QLatin1String("vm"));
    computer.truncate(15);
    while (computer.endsWith(QLatin1Char('-')))
        computer.chop(1);
    return computer;
}

QJsonObject AzureRequests::tags(const QStringList &tags)
{
    QJsonObject object;
    for (const QString &tag : tags) {
        const qsizetype equals = tag.indexOf(QLatin1Char('='));
        if (equals < 0)
            object.insert(tag, QString());
        else
            object.insert(tag.left(equals), tag.mid(equals + 1));
    }
    return object;
}

QJsonObject AzureRequests::publicIp(const QString &location, const QStringList &tagList)
{
    return {
        {QStringLiteral("location"), location},
        {QStringLiteral("tags"), tags(tagList)},
        {QStringLiteral("sku"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Standard")}}},
        {QStringLiteral("properties"),
         QJsonObject {{QStringLiteral("publicIPAllocationMethod"), QStringLiteral("Static")},
                      {QStringLiteral("publicIPAddressVersion"), QStringLiteral("IPv4")}}}};
}

QJsonObject AzureRequests::networkInterface(const QString &location, const QString &subnetId,
                                            const QString &publicIpId, const QStringList &tagList)
{
    const QJsonObject configuration {
        {QStringLiteral("name"), QStringLiteral("ipconfig1")},
        {QStringLiteral("properties"),
         QJsonObject {
             {QStringLiteral("privateIPAllocationMethod"), QStringLiteral("Dynamic")},
             {QStringLiteral("subnet"), QJsonObject {{QStringLiteral("id"), subnetId}}},
             {QStringLiteral("publicIPAddress"),
              QJsonObject {
                  {QStringLiteral("id"), publicIpId},
                  {QStringLiteral("properties"),
                   QJsonObject {{QStringLiteral("deleteOption"), QStringLiteral("Delete")}}}}},
         }}};
    return {{QStringLiteral("location"), location},
            {QStringLiteral("tags"), tags(tagList)},
            {QStringLiteral("properties"),
             QJsonObject {{QStringLiteral("ipConfigurations"), QJsonArray {configuration}}}}};
}

QJsonObject AzureRequests::virtualMachine(const CreateMachineRequest &request,
                                          const ImageRef &image, const QString &nicId,
                                          const QStringList &publicKeys)
{
    QJsonArray keys;
    for (const QString &key : publicKeys) {
        keys.append(QJsonObject {{QStringLiteral("path"),
                                  QStringLiteral("/home/%1/.ssh/authorized_keys").arg(adminUser)},
                                 {QStringLiteral("keyData"), key.trimmed()}});
    }
    QJsonObject os {{QStringLiteral("adminUsername"), adminUser}};
    if (image.windows) {
        // The password the user typed, here and nowhere else (this body is not logged).
        os.insert(QStringLiteral("computerName"), windowsComputerName(request.name.trimmed()));
        os.insert(QStringLiteral("adminPassword"), request.adminPassword);
        os.insert(QStringLiteral("windowsConfiguration"),
                  QJsonObject {{QStringLiteral("provisionVMAgent"), true},
                               {QStringLiteral("enableAutomaticUpdates"), true}});
    } else {
        os.insert(QStringLiteral("computerName"), request.name.trimmed());
        os.insert(QStringLiteral("linuxConfiguration"),
                  QJsonObject {
                      {QStringLiteral("disablePasswordAuthentication"), true},
                      {QStringLiteral("ssh"), QJsonObject {{QStringLiteral("publicKeys"), keys}}}});
    }
    if (!request.userData.isEmpty())
        os.insert(QStringLiteral("customData"),
                  QString::fromLatin1(request.userData.toUtf8().toBase64()));
    const QJsonObject storage {
        {QStringLiteral("imageReference"),
         QJsonObject {{QStringLiteral("publisher"), image.publisher},
                      {QStringLiteral("offer"), image.offer},
                      {QStringLiteral("sku"), image.sku},
                      {QStringLiteral("version"), image.version}}},
        {QStringLiteral("osDisk"),
         QJsonObject {
             {QStringLiteral("createOption"), QStringLiteral("FromImage")},
             {QStringLiteral("deleteOption"), QStringLiteral("Delete")},
             {QStringLiteral("managedDisk"), QJsonObject {{QStringLiteral("storageAccountType"),
                                                           QStringLiteral("StandardSSD_LRS")}}}}}};
    const QJsonObject network {
        {QStringLiteral("networkInterfaces"),
         QJsonArray {QJsonObject {
             {QStringLiteral("id"), nicId},
             {QStringLiteral("properties"),
              QJsonObject {{QStringLiteral("primary"), true},
                           {QStringLiteral("deleteOption"), QStringLiteral("Delete")}}}}}}};
    return {{QStringLiteral("location"), request.region},
            {QStringLiteral("tags"), tags(request.tags)},
            {QStringLiteral("properties"),
             QJsonObject {{QStringLiteral("hardwareProfile"),
                           QJsonObject {{QStringLiteral("vmSize"), request.size}}},
                          {QStringLiteral("storageProfile"), storage},
                          {QStringLiteral("osProfile"), os},
                          {QStringLiteral("networkProfile"), network}}}};
}
