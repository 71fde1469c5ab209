#include "digitaloceanparser.h"

#include "digitaloceandropletreader.h"
#include "httpresponse.h"
#include "jsonreader.h"
#include "jsonscanner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// The catalog's images are labelled as a droplet's image is.
QString imageLabel(const QJsonObject &image)
{
    return DigitalOceanDropletReader::imageLabel(string(image.value(key("distribution"))),
                                                 string(image.value(key("name"))));
}

Result<Image> readImage(const QJsonValue &value, DigitalOceanParser::ImageSource source)
{
    if (!value.isObject())
        return shapeError(QStringLiteral("an image is not an object"));
    const QJsonObject image = value.toObject();
    Image result;
    // A slug is what create accepts for public images; private ones only have their numeric id.
    result.id = string(image.value(key("slug")));
    if (result.id.isEmpty())
        result.id = JsonReader::id(image.value(key("id")));
    if (result.id.isEmpty())
        return shapeError(QStringLiteral("an image has no id"));
    result.name = imageLabel(image);
    result.distribution = string(image.value(key("distribution")));
    // The "type" attribute is "snapshot" for DigitalOcean's own distribution images as well as
    // for a user's snapshots, so the listing the page came from decides.
    const QString type = string(image.value(key("type")));
    if (source == DigitalOceanParser::ImageSource::Distribution)
        result.kind = QStringLiteral("distribution");
    else if (type == QLatin1String("custom"))
        result.kind = QStringLiteral("custom");
    else
        result.kind = QStringLiteral("snapshot"); // snapshot, backup
    result.regions = strings(image.value(key("regions")));
    return result;
}

bool usable(const QJsonValue &image)
{
    const QJsonValue status = object(image).value(key("status"));
    return !status.isString() || status.toString() == QLatin1String("available");
}
} // namespace

MachineState::State DigitalOceanParser::state(const QString &status)
{
    if (status == QLatin1String("active"))
        return MachineState::Running;
    if (status == QLatin1String("off"))
        return MachineState::Stopped;
    if (status == QLatin1String("new"))
        return MachineState::Pending;
    if (status == QLatin1String("archive"))
        return MachineState::Suspended;
    return MachineState::Unknown;
}

Result<Machine> DigitalOceanParser::droplet(const QJsonValue &value)
{
    // One reading of a droplet, the listing's: a single droplet (create, get) goes back to text
    // for it, which costs nothing beside its round trip.
    if (!value.isObject())
        return shapeError(QStringLiteral("a droplet is not an object"));
    const QByteArray text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    JsonScanner scanner(text);
    return DigitalOceanDropletReader::read(scanner);
}

Result<QList<Machine>> DigitalOceanParser::droplets(const QJsonObject &page)
{
    return list<Machine>(page, key("droplets"), &DigitalOceanParser::droplet);
}

PagedList::PageReader<Machine> DigitalOceanParser::dropletPage()
{
    return PagedList::streamedPage<Machine>(key("droplets"), &DigitalOceanDropletReader::read);
}

Result<Machine> DigitalOceanParser::createdDroplet(const QJsonObject &reply)
{
    Result<Machine> machine = droplet(reply.value(key("droplet")));
    if (!machine.ok())
        return machine;
    const QJsonArray actions = object(reply.value(key("links"))).value(key("actions")).toArray();
    for (const QJsonValue &link : actions) {
        const QJsonObject action = object(link);
        const QString id = JsonReader::id(action.value(key("id")));
        if (!id.isEmpty() && string(action.value(key("rel"))) == QLatin1String("create")) {
            machine.value().extra.insert(QStringLiteral("createActionId"), id);
            break;
        }
    }
    return machine;
}

Result<std::optional<int>> DigitalOceanParser::nextPage(const QJsonObject &page, int currentPage)
{
    // "links" is absent when everything fit on one page, and "pages" only holds the links that
    // make sense (no "next" on the last page).
    const QJsonValue links = page.value(key("links"));
    if (!links.isUndefined() && !links.isNull() && !links.isObject())
        return shapeError(QStringLiteral("\"links\" is not an object"));
    const QJsonValue pages = object(links).value(key("pages"));
    if (!pages.isUndefined() && !pages.isNull() && !pages.isObject())
        return shapeError(QStringLiteral("\"links.pages\" is not an object"));
    const QJsonValue next = object(pages).value(key("next"));
    if (next.isUndefined() || next.isNull())
        return std::optional<int>();
    // Only the page number is taken from the link: requests always go to the account's own
    // endpoint, so a link to another host can never receive the token.
    const QUrlQuery query(QUrl(string(next)));
    bool ok = false;
    const int number = query.queryItemValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || number < 1)
        return shapeError(QStringLiteral("the next-page link has no page number"));
    if (number <= currentPage)
        return shapeError(QStringLiteral("the next-page link points back to page %1").arg(number));
    return std::optional<int>(number);
}

std::optional<qint64> DigitalOceanParser::statedTotal(const QJsonObject &page)
{
    return count(object(page.value(key("meta"))).value(key("total")));
}

Result<DigitalOceanParser::Action> DigitalOceanParser::action(const QJsonObject &reply)
{
    const QJsonObject object = JsonReader::object(reply.value(key("action")));
    Action action;
    const QString id = JsonReader::id(object.value(key("id")));
    action.id = id.toLongLong();
    action.status = string(object.value(key("status")));
    action.type = string(object.value(key("type")));
    if (id.isEmpty() || action.status.isEmpty())
        return shapeError(QStringLiteral("the action has no id or status"));
    return action;
}

Result<QString> DigitalOceanParser::account(const QJsonObject &reply)
{
    const QJsonValue value = reply.value(key("account"));
    if (!value.isObject())
        return shapeError(QStringLiteral("no \"account\" object"));
    const QJsonObject account = value.toObject();
    const QString email = string(account.value(key("email")));
    if (email.isEmpty())
        return shapeError(QStringLiteral("the account has no email"));
    if (string(account.value(key("status"))) == QLatin1String("locked")) {
        const QString why = string(account.value(key("status_message"))).trimmed();
        return Error(Error::Forbidden,
                     QCoreApplication::translate(
                         "DigitalOceanParser",
                         "The DigitalOcean account %1 is locked%2. Resolve it in the DigitalOcean "
                         "control panel.")
                         .arg(email, why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
    }
    const QString team = string(object(account.value(key("team"))).value(key("name")));
    return team.isEmpty() ? email : QStringLiteral("%1 (team %2)").arg(email, team);
}

DigitalOceanParser::ApiError DigitalOceanParser::error(const HttpResponse &response)
{
    const Result<QJsonObject> body = response.jsonObject();
    if (!body.ok())
        return {};
    return {string(body.value().value(key("id"))), string(body.value().value(key("message"))),
            string(body.value().value(key("request_id")))};
}

Result<QList<Region>> DigitalOceanParser::regions(const QJsonObject &page)
{
    return list<Region>(page, key("regions"), [](const QJsonValue &value) -> Result<Region> {
        const QJsonObject region = object(value);
        Region result;
        result.id = string(region.value(key("slug")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a region has no slug"));
        result.name = string(region.value(key("name")));
        result.available = region.value(key("available")).toBool();
        result.sizes = strings(region.value(key("sizes")));
        return result;
    });
}

Result<QList<Size>> DigitalOceanParser::sizes(const QJsonObject &page)
{
    return list<Size>(page, key("sizes"), [](const QJsonValue &value) -> Result<Size> {
        const QJsonObject size = object(value);
        Size result;
        result.id = string(size.value(key("slug")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("a size has no slug"));
        result.description = string(size.value(key("description")));
        result.vcpus = integer(size.value(key("vcpus")));
        result.memoryMb = integer(size.value(key("memory")));
        result.diskGb = integer(size.value(key("disk")));
        result.priceMonthly = number(size.value(key("price_monthly")));
        result.priceHourly = number(size.value(key("price_hourly")));
        result.regions = strings(size.value(key("regions")));
        result.available = size.value(key("available")).toBool(true);
        return result;
    });
}

Result<QList<Image>> DigitalOceanParser::images(const QJsonObject &page, ImageSource source)
{
    Result<QList<QJsonValue>> all =
        list<QJsonValue>(page, key("images"), [](const QJsonValue &value) { return value; });
    if (!all.ok())
        return all.error();
    QList<Image> result;
    for (const QJsonValue &value : std::as_const(all.value())) {
        Result<Image> image = readImage(value, source);
        if (!image.ok())
            return image.error();
        // Uploads still in progress, deleted or retired images cannot be booted.
        if (usable(value))
            result.append(image.takeValue());
    }
    return result;
}

Result<QList<SshKey>> DigitalOceanParser::sshKeys(const QJsonObject &page)
{
    return list<SshKey>(page, key("ssh_keys"), [](const QJsonValue &value) -> Result<SshKey> {
        const QJsonObject sshKey = object(value);
        SshKey result;
        result.id = JsonReader::id(sshKey.value(key("id")));
        if (result.id.isEmpty())
            return shapeError(QStringLiteral("an SSH key has no id"));
        result.name = string(sshKey.value(key("name")));
        result.fingerprint = string(sshKey.value(key("fingerprint")));
        result.publicKey = string(sshKey.value(key("public_key")));
        return result;
    });
}
