// GceProvider's create-machine side: zones, machine types, images and instances.insert.
#include "gceinstancerequest.h"
#include "gceprovider.h"
#include "regionfanout.h"
#include "sshpublickey.h"

#include <QRegularExpression>
#include <QUuid>

namespace {
/// The public image families offered first: the newest image of each comes from
/// images/getFromFamily (Compute Engine's "public images" list names these projects).
const QList<std::pair<QString, QString>> &publicFamilies()
{
    static const QList<std::pair<QString, QString>> families = {
        {QStringLiteral("debian-cloud"), QStringLiteral("debian-12")},
        {QStringLiteral("ubuntu-os-cloud"), QStringLiteral("ubuntu-2404-lts-amd64")},
        {QStringLiteral("ubuntu-os-cloud"), QStringLiteral("ubuntu-2204-lts")},
        {QStringLiteral("rocky-linux-cloud"), QStringLiteral("rocky-linux-9")},
        {QStringLiteral("cos-cloud"), QStringLiteral("cos-stable")},
    };
    return families;
}

/// Where machine types are listed when the account names no zone.
const QString defaultZone = QStringLiteral("us-central1-a");
} // namespace

void GceProvider::listRegions(Callback<QList<Region>> done)
{
    pages<Region>(QStringLiteral("/zones"),
                  {{QStringLiteral("maxResults"), QString::number(m_pageSize)}},
                  &GceParser::zonesPage, std::move(done));
}

void GceProvider::listSizes(Callback<QList<Size>> done)
{
    // Per zone rather than aggregated/machineTypes: the aggregated list repeats every type for
    // each of about a hundred zones (tens of megabytes); the wizard needs the zones it offers.
    QStringList zones;
    for (const QString &region : account().regions) {
        if (region.count(QLatin1Char('-')) >= 2 && isName(region))
            zones.append(region);
    }
    // Without zones of its own, the account sees us-central1-a's types as "zone unknown":
    // nearly every zone offers the common ones, and insert names a missing one clearly.
    const bool representative = zones.isEmpty();
    if (representative)
        zones = {defaultZone};
    zones = zones.mid(0, 3);
    RegionFanOut::run<Size>(
        zones,
        [this](const QString &zone, Callback<QList<Size>> zoneDone) {
            pages<Size>(QStringLiteral("/zones/%1/machineTypes").arg(zone),
                        {{QStringLiteral("maxResults"), QString::number(m_pageSize)}},
                        &GceParser::machineTypesPage, std::move(zoneDone));
        },
        [done, representative](Result<QList<Size>> sizes) {
            if (!sizes.ok())
                return done(sizes.error());
            // One entry per type, with every zone that offers it.
            QList<Size> merged;
            QHash<QString, qsizetype> index;
            for (const Size &size : sizes.value()) {
                if (const auto it = index.constFind(size.id); it != index.constEnd()) {
                    merged[*it].regions.append(size.regions);
                    continue;
                }
                index.insert(size.id, merged.size());
                merged.append(size);
                if (representative)
                    merged.last().regions.clear();
            }
            done(merged);
        });
}

void GceProvider::listImages(Callback<QList<Image>> done)
{
    QStringList families;
    for (const auto &[project, family] : publicFamilies())
        families.append(project + QLatin1Char('/') + family);
    PagedList::Listing<Image> publicImages = [this, families](Callback<QList<Image>> listed) {
        RegionFanOut::run<Image>(
            families,
            [this](const QString &entry, const Callback<QList<Image>> &one) {
                const QString project = entry.section(QLatin1Char('/'), 0, 0);
                const QString family = entry.section(QLatin1Char('/'), 1);
                HttpRequest request = HttpRequest::get(url(
                    QStringLiteral("/projects/%1/global/images/family/%2").arg(project, family)));
                call<Image>(request, &GceParser::image, [entry, one](Result<Image> image) {
                    if (image.ok())
                        return one(QList<Image> {image.value()});
                    // A retired family is not worth failing the whole catalog for.
                    if (image.error().kind() == Error::NotFound) {
                        qCInfo(lcGce) << "no image family" << entry;
                        return one(QList<Image>());
                    }
                    one(image.error());
                });
            },
            std::move(listed));
    };
    PagedList::Listing<Image> ownImages = [this](Callback<QList<Image>> listed) {
        pages<Image>(QStringLiteral("/global/images"),
                     {{QStringLiteral("maxResults"), QString::number(m_pageSize)}},
                     &GceParser::imagesPage, std::move(listed));
    };
    PagedList::concat<Image>(publicImages, ownImages, std::move(done));
}

void GceProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    const QString zone = request.region;
    const QString name = request.name.trimmed();
    if (!isName(zone) || zone.count(QLatin1Char('-')) < 2) {
        return failLater(
            Error(Error::InvalidInput,
                  tr("\"%1\" is not a Compute Engine zone such as us-central1-a.").arg(zone)),
            std::move(done));
    }
    if (!isName(name)) {
        return failLater(Error(Error::InvalidInput,
                               tr("\"%1\" cannot be a Compute Engine instance name: lower-case "
                                  "letters, digits and '-', starting with a letter.")
                                   .arg(name)),
                         std::move(done));
    }
    if (!isName(request.size)) {
        return failLater(
            Error(Error::InvalidInput,
                  tr("\"%1\" is not a machine type such as e2-small.").arg(request.size)),
            std::move(done));
    }
    // The image and labels are checked before any key lookup, so a typo costs no request.
    if (const Result<QJsonObject> body = GceInstanceRequest::body(request, zone, {}); !body.ok())
        return failLater(body.error(), std::move(done));
    static const QRegularExpression user(QStringLiteral("^[a-z_][a-z0-9_.-]{0,31}:"));
    const SshPublicKey::KeyForm form {
        // A key line, with or without its "user:" (what --ssh-key and ssh-keys take).
        [](const QString &entry) {
            return SshPublicKey::isPublicKey(entry.trimmed().remove(user));
        },
        [](const SshKey &key) {
            return key.publicKey;
        }};
    const QString fallbackUser =
        request.extra.value(QStringLiteral("sshUser"), QStringLiteral("clouddeck")).toString();
    SshPublicKey::resolve(
        request.sshKeys, form,
        [this](Callback<QList<SshKey>> listed) { listSshKeys(std::move(listed)); },
        [this, request, zone, fallbackUser, done](Result<QStringList> keys) {
            if (!keys.ok())
                return done(keys.error());
            QStringList lines;
            for (const QString &key : keys.value())
                lines.append(GceInstanceRequest::sshKeyLine(key, fallbackUser));
            insert(request, zone, lines, done);
        });
}

void GceProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    // The project's own ssh-keys metadata: the keys every instance of the project accepts.
    call<QList<SshKey>>(HttpRequest::get(compute(QString())), &GceParser::projectSshKeys,
                        std::move(done));
}

void GceProvider::insert(const CreateMachineRequest &request, const QString &zone,
                         const QStringList &keyLines, Callback<Machine> done)
{
    const QString name = request.name.trimmed();
    const Result<QJsonObject> body = GceInstanceRequest::body(request, zone, keyLines);
    if (!body.ok())
        return failLater(body.error(), std::move(done));

    // requestId makes a retried insert create the instance at most once (Discovery document:
    // "the server will know to ignore the request if it has already been completed").
    HttpRequest call =
        HttpRequest::json("POST",
                          compute(QStringLiteral("/zones/%1/instances").arg(zone),
                                  {{QStringLiteral("requestId"),
                                    QUuid::createUuid().toString(QUuid::WithoutBraces)}}),
                          QJsonDocument(body.value()));
    call.idempotent = true;
    qCInfo(lcGce) << "insert" << name << request.size << "in" << zone;
    this->call<GceParser::Operation>(
        call, &GceParser::operation,
        [this, request, name, zone, done](Result<GceParser::Operation> operation) {
            if (!operation.ok())
                return done(operation.error());
            if (operation.value().done() && !operation.value().errorMessage.isEmpty()) {
                return done(
                    Error(Error::BadRequest, tr("Compute Engine did not create %1: %2")
                                                 .arg(name, operation.value().errorMessage)));
            }
            Machine machine;
            machine.accountId = account().id;
            machine.providerId = metadata().id;
            machine.id = operation.value().targetId;
            machine.name = name;
            machine.state = MachineState::Pending;
            machine.providerState = QStringLiteral("PROVISIONING");
            machine.region = GceParser::regionOfZone(zone);
            machine.size = request.size;
            machine.image = GceParser::lastSegment(request.image);
            machine.tags = request.tags;
            machine.extra.insert(QStringLiteral("zone"), zone);
            if (!machine.id.isEmpty()) {
                m_seen.insert(machine.id, {zone, machine.providerState});
                if (!operation.value().done()) {
                    m_operations.accept(machine.id, {operation.value().zone, operation.value().name,
                                                     operation.value().operationType});
                }
            }
            done(machine);
        });
}
