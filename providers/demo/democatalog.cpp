#include "democatalog.h"

#include <QDateTime>

#include <cmath>

namespace {
struct SizeSpec
{
    const char *id;
    const char *description;
    int vcpus;
    int memoryMb;
    int diskGb;
    double monthly;
};

// Prices in USD, hourly = monthly / 672 (28 days), the way most clouds cap monthly billing.
constexpr SizeSpec s_sizes[] = {
    {"std-1vcpu-1gb", "Standard 1 vCPU, 1 GB", 1, 1024, 25, 6.0},
    {"std-1vcpu-2gb", "Standard 1 vCPU, 2 GB", 1, 2048, 50, 12.0},
    {"std-2vcpu-2gb", "Standard 2 vCPU, 2 GB", 2, 2048, 60, 18.0},
    {"std-2vcpu-4gb", "Standard 2 vCPU, 4 GB", 2, 4096, 80, 24.0},
    {"std-4vcpu-8gb", "Standard 4 vCPU, 8 GB", 4, 8192, 160, 48.0},
    {"cpu-4vcpu-8gb", "CPU-optimised 4 vCPU, 8 GB", 4, 8192, 50, 84.0},
    {"cpu-8vcpu-16gb", "CPU-optimised 8 vCPU, 16 GB", 8, 16384, 100, 168.0},
    {"mem-4vcpu-32gb", "Memory-optimised 4 vCPU, 32 GB", 4, 32768, 100, 192.0},
    {"gpu-l4-1x", "GPU 1x L4, 8 vCPU, 32 GB", 8, 32768, 200, 520.0},
};

struct RegionSpec
{
    const char *id;
    const char *name;
    const char *country;
    bool available;
};

constexpr RegionSpec s_regions[] = {
    {"fra1", "Frankfurt 1", "DE", true},     {"ams3", "Amsterdam 3", "NL", true},
    {"lon1", "London 1", "GB", true},        {"nyc3", "New York 3", "US", true},
    {"sfo3", "San Francisco 3", "US", true}, {"sgp1", "Singapore 1", "SG", true},
    {"syd1", "Sydney 1", "AU", true},        {"blr1", "Bangalore 1", "IN", false},
};

struct MachineSpec
{
    const char *name;
    const char *region;
    const char *size;
    const char *image;
    MachineState::State state;
    const char *providerState;
    const char *tags;
    int ageDays;
    bool ipv6;
    double load; // DemoMetrics' level, 0..1: under 0.33 idles all week
};

constexpr MachineSpec s_fleet[] = {
    {"web-frontend-1", "fra1", "std-2vcpu-4gb", "ubuntu-24-04", MachineState::Running, "active",
     "production,web", 214, true, 0.55},
    {"web-frontend-2", "fra1", "std-2vcpu-4gb", "ubuntu-24-04", MachineState::Running, "active",
     "production,web", 214, true, 0.52},
    {"api-gateway", "ams3", "std-2vcpu-2gb", "debian-12", MachineState::Running, "active",
     "production,api", 187, true, 0.41},
    {"postgres-primary", "fra1", "mem-4vcpu-32gb", "ubuntu-22-04", MachineState::Running, "active",
     "production,database", 402, false, 0.78},
    {"postgres-replica", "ams3", "mem-4vcpu-32gb", "ubuntu-22-04", MachineState::Running, "active",
     "production,database", 398, false, 0.46},
    {"redis-cache", "fra1", "std-1vcpu-2gb", "debian-12", MachineState::Running, "active",
     "production,cache", 160, false, 0.36},
    {"worker-eu-1", "lon1", "cpu-4vcpu-8gb", "ubuntu-24-04", MachineState::Running, "active",
     "production,jobs", 95, false, 0.08},
    {"worker-us-1", "nyc3", "cpu-4vcpu-8gb", "ubuntu-24-04", MachineState::Running, "active",
     "production,jobs", 95, false, 0.88},
    {"vpn-bastion", "lon1", "std-1vcpu-1gb", "debian-12", MachineState::Running, "active",
     "ops,security", 530, true, 0.15},
    {"staging-app", "nyc3", "std-2vcpu-4gb", "ubuntu-24-04", MachineState::Stopped, "off",
     "staging", 41, false, 0.2},
    {"ci-runner-arm", "sfo3", "cpu-8vcpu-16gb", "fedora-40", MachineState::Suspended, "suspended",
     "ci", 63, false, 0.7},
    {"ml-notebook", "sgp1", "gpu-l4-1x", "ubuntu-22-04", MachineState::Error, "host_error",
     "research", 12, false, 0.95},
};

QString ip(int a, int b, int c, int d)
{
    return QStringLiteral("%1.%2.%3.%4").arg(a).arg(b).arg(c).arg(d);
}
} // namespace

QList<Region> DemoCatalog::regions()
{
    QList<Region> result;
    for (const RegionSpec &spec : s_regions) {
        Region region;
        region.id = QLatin1String(spec.id);
        region.name = QLatin1String(spec.name);
        region.country = QLatin1String(spec.country);
        region.available = spec.available;
        for (const SizeSpec &size : s_sizes) {
            // GPUs only where the demo cloud "has" them, as on real clouds.
            const bool gpu = QByteArray(size.id).startsWith("gpu");
            if (!gpu || region.id == QLatin1String("sgp1") || region.id == QLatin1String("nyc3"))
                region.sizes.append(QLatin1String(size.id));
        }
        result.append(region);
    }
    return result;
}

QList<Size> DemoCatalog::sizes()
{
    QList<Size> result;
    for (const SizeSpec &spec : s_sizes) {
        Size size;
        size.id = QLatin1String(spec.id);
        size.description = QLatin1String(spec.description);
        size.vcpus = spec.vcpus;
        size.memoryMb = spec.memoryMb;
        size.diskGb = spec.diskGb;
        size.priceMonthly = spec.monthly;
        size.priceHourly = std::round(spec.monthly / 672.0 * 10000.0) / 10000.0;
        result.append(size);
    }
    return result;
}

QList<Image> DemoCatalog::images()
{
    auto image = [](const char *id, const char *name, const char *distribution, const char *kind) {
        Image result;
        result.id = QLatin1String(id);
        result.name = QLatin1String(name);
        result.distribution = QLatin1String(distribution);
        result.kind = QLatin1String(kind);
        return result;
    };
    return {
        image("ubuntu-24-04", "Ubuntu 24.04 LTS", "Ubuntu", "distribution"),
        image("ubuntu-22-04", "Ubuntu 22.04 LTS", "Ubuntu", "distribution"),
        image("debian-12", "Debian 12 (bookworm)", "Debian", "distribution"),
        image("fedora-40", "Fedora 40", "Fedora", "distribution"),
        image("rocky-9", "Rocky Linux 9", "Rocky Linux", "distribution"),
        image("alma-9", "AlmaLinux 9", "AlmaLinux", "distribution"),
        image("docker-22-04", "Docker 26 on Ubuntu 22.04", "Ubuntu", "application"),
        image("snap-web-base", "web-base (snapshot, May 2024)", "Ubuntu", "snapshot"),
    };
}

QList<SshKey> DemoCatalog::sshKeys()
{
    auto key = [](const char *id, const char *name, const char *fingerprint) {
        SshKey result;
        result.id = QLatin1String(id);
        result.name = QLatin1String(name);
        result.fingerprint = QLatin1String(fingerprint);
        result.publicKey =
            QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI-demo-") + result.id;
        return result;
    };
    return {
        key("k-laptop", "laptop (ed25519)", "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"),
        key("k-ci", "ci-deploy", "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"),
        key("k-yubikey", "yubikey-5c", "SHA256:2xS8AsGLq3RVN8bJOM5oMb6e5n6bkVqGJpxmLVqd7sA"),
    };
}

std::optional<Size> DemoCatalog::size(const QString &id)
{
    for (const Size &size : sizes()) {
        if (size.id == id)
            return size;
    }
    return std::nullopt;
}

std::optional<Region> DemoCatalog::region(const QString &id)
{
    for (const Region &region : regions()) {
        if (region.id == id)
            return region;
    }
    return std::nullopt;
}

std::optional<Image> DemoCatalog::image(const QString &id)
{
    for (const Image &image : images()) {
        if (image.id == id)
            return image;
    }
    return std::nullopt;
}

std::optional<double> DemoCatalog::load(const QString &name)
{
    for (const MachineSpec &spec : s_fleet) {
        if (name == QLatin1String(spec.name))
            return spec.load;
    }
    return std::nullopt;
}

void DemoCatalog::applySize(Machine &machine)
{
    const auto spec = size(machine.size);
    if (!spec)
        return;
    machine.vcpus = spec->vcpus;
    machine.memoryMb = spec->memoryMb;
    machine.diskGb = spec->diskGb;
    machine.pricePerMonth = spec->priceMonthly;
    machine.pricePerHour = spec->priceHourly;
}

QList<Machine> DemoCatalog::initialFleet(const QString &accountId, uint seed)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Documentation ranges, varied per account so two demo accounts do not look identical.
    const int publicBlocks[][3] = {{203, 0, 113}, {198, 51, 100}, {192, 0, 2}};
    QList<Machine> fleet;
    int index = 0;
    for (const MachineSpec &spec : s_fleet) {
        Machine machine;
        machine.accountId = accountId;
        machine.providerId = QStringLiteral("demo");
        machine.id = QString::number(410'000'000 + (seed % 9000) * 1000 + index * 37);
        machine.name = QLatin1String(spec.name);
        machine.state = spec.state;
        machine.providerState = QLatin1String(spec.providerState);
        machine.region = QLatin1String(spec.region);
        machine.size = QLatin1String(spec.size);
        const auto image = DemoCatalog::image(QLatin1String(spec.image));
        machine.image = image ? image->name : QLatin1String(spec.image);
        const auto &block = publicBlocks[index % 3];
        const int host = 10 + int((seed + uint(index) * 23) % 230);
        if (spec.state != MachineState::Error || index % 2 == 0)
            machine.publicIpv4 = {ip(block[0], block[1], block[2], host)};
        if (spec.ipv6)
            machine.publicIpv6 = {
                QStringLiteral("2001:db8:%1::%2").arg(seed % 0xffff, 0, 16).arg(host, 0, 16)};
        machine.privateIpv4 = {ip(10, 110, int(seed % 200), 2 + index)};
        machine.tags = QString::fromLatin1(spec.tags).split(QLatin1Char(','));
        machine.createdAt = now.addDays(-spec.ageDays).addSecs(-int(seed % 86'400));
        machine.createdAt.setTime(
            QTime(machine.createdAt.time().hour(), machine.createdAt.time().minute()));
        if (spec.state == MachineState::Error)
            machine.extra.insert(QStringLiteral("stateReason"), QStringLiteral("host failure"));
        applySize(machine);
        fleet.append(machine);
        ++index;
    }
    return fleet;
}
