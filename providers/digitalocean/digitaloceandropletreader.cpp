#include "digitaloceandropletreader.h"

#include "digitaloceanparser.h"
#include "jsonreader.h"
#include "jsonscanner.h"

#include <optional>

namespace {
using JsonReader::shapeError;

bool is(QByteArrayView name, const char *expected)
{
    return name == QByteArrayView(expected);
}

/// A nested object (region, size, image): absent or null reads as empty, but a value of another
/// type means the reply is not what we think it is.
struct Nested
{
    const char *name = nullptr;
    bool wrongType = false;

    template<typename Member>
    void read(JsonScanner &scanner, Member &&member)
    {
        wrongType = false;
        if (scanner.peek() == JsonScanner::Kind::Null)
            return scanner.skip();
        wrongType = !scanner.members(member);
    }
};

/// networks: {"v4": [{"ip_address", "type": "public"|"private", ...}], "v6": [...]}. A droplet
/// still being created has empty lists. Anything else (networks missing or null, a family or an
/// address that is not what the reference documents) fails the droplet: reading it as "no
/// addresses" would wipe the addresses CloudDeck already knows.
struct Networks
{
    struct Family
    {
        const char *name;
        QStringList publicIps;
        QStringList privateIps;
        std::optional<QString> fault; ///< the first thing wrong with this family's list
    };

    bool seen = false; ///< an object was there
    Family families[2] = {{"v4", {}, {}, {}}, {"v6", {}, {}, {}}};

    void read(JsonScanner &scanner)
    {
        families[0] = {"v4", {}, {}, {}};
        families[1] = {"v6", {}, {}, {}};
        seen = scanner.members([&](QByteArrayView name) {
            for (Family &family : families) {
                if (is(name, family.name))
                    return readFamily(scanner, family);
            }
            scanner.skip();
        });
    }

    static void readFamily(JsonScanner &scanner, Family &family)
    {
        family = {family.name, {}, {}, {}};
        if (!scanner.enterArray()) {
            scanner.skip();
            family.fault = QStringLiteral("networks.%1 is not a list");
            return;
        }
        while (scanner.nextItem()) {
            QString ip;
            QString type;
            scanner.members([&](QByteArrayView name) {
                if (is(name, "ip_address"))
                    ip = scanner.string();
                else if (is(name, "type"))
                    type = scanner.string();
                else
                    scanner.skip();
            });
            if (ip.isEmpty()) {
                if (!family.fault)
                    family.fault = QStringLiteral("a networks.%1 entry has no address");
                continue;
            }
            (type == QLatin1String("private") ? family.privateIps : family.publicIps).append(ip);
        }
    }

    /// The first fault, in the order the reference lists the families; nullopt when none.
    [[nodiscard]] std::optional<Error> fault(const QString &id) const
    {
        if (!seen)
            return shapeError(QStringLiteral("droplet %1 has no \"networks\" object").arg(id));
        for (const Family &family : families) {
            if (family.fault) {
                return shapeError(QStringLiteral("droplet %1: ").arg(id)
                                  + family.fault->arg(QLatin1String(family.name)));
            }
        }
        return std::nullopt;
    }
};
} // namespace

QString DigitalOceanDropletReader::imageLabel(const QString &distribution, const QString &name)
{
    if (distribution.isEmpty() || name.startsWith(distribution, Qt::CaseInsensitive))
        return name;
    if (name.isEmpty())
        return distribution;
    return distribution + QLatin1Char(' ') + name;
}

Result<Machine> DigitalOceanDropletReader::read(JsonScanner &scanner)
{
    Machine machine;
    machine.providerId = QStringLiteral("digitalocean");
    Nested region {"region"};
    Nested size {"size"};
    Nested image {"image"};
    Networks networks;
    QString regionName;
    QString sizeSlug;
    QString imageSlug;
    QString imageId;
    QString imageName;
    QString imageDistribution;
    bool locked = false;
    QString vpc;
    QStringList features;
    QStringList volumes;

    const bool isObject = scanner.members([&](QByteArrayView name) {
        if (is(name, "id")) {
            machine.id = JsonReader::id(scanner.value());
        } else if (is(name, "name")) {
            machine.name = scanner.string();
        } else if (is(name, "status")) {
            machine.providerState = scanner.string();
        } else if (is(name, "created_at")) {
            machine.createdAt = JsonReader::dateTime(scanner.value());
        } else if (is(name, "tags")) {
            machine.tags = scanner.strings();
        } else if (is(name, "vcpus")) {
            machine.vcpus = JsonReader::integer(scanner.value());
        } else if (is(name, "memory")) {
            machine.memoryMb = JsonReader::integer(scanner.value());
        } else if (is(name, "disk")) {
            machine.diskGb = JsonReader::integer(scanner.value());
        } else if (is(name, "size_slug")) {
            machine.size = scanner.string();
        } else if (is(name, "region")) {
            machine.region.clear();
            regionName.clear();
            region.read(scanner, [&](QByteArrayView member) {
                if (is(member, "slug"))
                    machine.region = scanner.string();
                else if (is(member, "name"))
                    regionName = scanner.string();
                else
                    scanner.skip();
            });
        } else if (is(name, "size")) {
            sizeSlug.clear();
            machine.pricePerMonth.reset();
            machine.pricePerHour.reset();
            size.read(scanner, [&](QByteArrayView member) {
                if (is(member, "slug"))
                    sizeSlug = scanner.string();
                else if (is(member, "price_monthly"))
                    machine.pricePerMonth = JsonReader::number(scanner.value());
                else if (is(member, "price_hourly"))
                    machine.pricePerHour = JsonReader::number(scanner.value());
                else
                    scanner.skip();
            });
        } else if (is(name, "image")) {
            imageSlug.clear();
            imageId.clear();
            imageName.clear();
            imageDistribution.clear();
            image.read(scanner, [&](QByteArrayView member) {
                if (is(member, "slug"))
                    imageSlug = scanner.string();
                else if (is(member, "id"))
                    imageId = JsonReader::id(scanner.value());
                else if (is(member, "name"))
                    imageName = scanner.string();
                else if (is(member, "distribution"))
                    imageDistribution = scanner.string();
                else
                    scanner.skip();
            });
        } else if (is(name, "networks")) {
            networks.read(scanner);
        } else if (is(name, "locked")) {
            locked = scanner.value().toBool();
        } else if (is(name, "vpc_uuid")) {
            vpc = scanner.string();
        } else if (is(name, "features")) {
            features = scanner.strings();
        } else if (is(name, "volume_ids")) {
            volumes = scanner.strings();
        } else {
            scanner.skip();
        }
    });
    if (!isObject)
        return shapeError(QStringLiteral("a droplet is not an object"));
    if (machine.id.isEmpty())
        return shapeError(QStringLiteral("a droplet has no id"));
    for (const Nested *part : {&region, &size, &image}) {
        if (part->wrongType) {
            return shapeError(QStringLiteral("droplet %1: \"%2\" is not an object")
                                  .arg(machine.id, QLatin1String(part->name)));
        }
    }
    if (const std::optional<Error> fault = networks.fault(machine.id))
        return *fault;

    machine.state = DigitalOceanParser::state(machine.providerState);
    if (!regionName.isEmpty())
        machine.extra.insert(QStringLiteral("regionName"), regionName);
    if (machine.size.isEmpty())
        machine.size = sizeSlug;
    machine.image = imageLabel(imageDistribution, imageName);
    if (!imageSlug.isEmpty())
        machine.extra.insert(QStringLiteral("imageSlug"), imageSlug);
    if (!imageId.isEmpty())
        machine.extra.insert(QStringLiteral("imageId"), imageId);
    machine.publicIpv4 = networks.families[0].publicIps;
    machine.privateIpv4 = networks.families[0].privateIps;
    machine.publicIpv6 = networks.families[1].publicIps;
    machine.privateIpv6 = networks.families[1].privateIps;
    if (locked)
        machine.extra.insert(QStringLiteral("locked"), true);
    if (!vpc.isEmpty())
        machine.extra.insert(QStringLiteral("vpcUuid"), vpc);
    if (!features.isEmpty())
        machine.extra.insert(QStringLiteral("features"), features);
    if (!volumes.isEmpty())
        machine.extra.insert(QStringLiteral("volumeIds"), volumes);
    return machine;
}
