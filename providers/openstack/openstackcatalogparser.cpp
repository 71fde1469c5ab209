#include "openstackcatalogparser.h"

#include "jsonreader.h"

#include <QUrl>
#include <QUrlQuery>

using namespace JsonReader;

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}
} // namespace

Result<QList<Image>> OpenStackCatalogParser::images(const QJsonObject &page, const QString &region)
{
    struct Read
    {
        Image image;
        bool active = false;
    };
    Result<QList<Read>> all =
        list<Read>(page, key("images"), [region](const QJsonValue &value) -> Result<Read> {
            const QJsonObject image = object(value);
            Read read;
            read.image.id = string(image.value(key("id")));
            if (read.image.id.isEmpty())
                return shapeError(QStringLiteral("an image has no id"));
            read.image.name = string(image.value(key("name")));
            if (read.image.name.isEmpty())
                read.image.name = read.image.id;
            read.image.distribution = string(image.value(key("os_distro")));
            // Glance's visibility: public and community images are the cloud's; private and
            // shared ones the project's own (snapshots, uploads).
            const QString visibility = string(image.value(key("visibility")));
            read.image.kind = visibility == QLatin1String("public")
                                      || visibility == QLatin1String("community")
                                  ? QStringLiteral("distribution")
                                  : QStringLiteral("snapshot");
            read.image.regions = QStringList {region};
            read.active = string(image.value(key("status"))) == QLatin1String("active");
            return read;
        });
    if (!all.ok())
        return all.error();
    QList<Image> result;
    for (const Read &read : all.value()) {
        if (read.active)
            result.append(read.image);
    }
    return result;
}

Result<std::optional<QString>> OpenStackCatalogParser::nextImageMarker(const QJsonObject &page)
{
    const QJsonValue next = page.value(key("next"));
    if (next.isUndefined() || next.isNull())
        return std::optional<QString>();
    if (!next.isString())
        return shapeError(QStringLiteral("\"next\" is not a link"));
    const QString marker =
        QUrlQuery(QUrl(next.toString())).queryItemValue(key("marker"), QUrl::FullyDecoded);
    if (marker.isEmpty())
        return shapeError(QStringLiteral("the next image page has no marker"));
    return std::optional<QString>(marker);
}

Result<QList<OpenStackCatalogParser::Network>>
OpenStackCatalogParser::networks(const QJsonObject &page, const QString &region)
{
    Result<QList<Network>> all =
        list<Network>(page, key("networks"), [region](const QJsonValue &value) -> Result<Network> {
            const QJsonObject network = object(value);
            Network result;
            result.id = string(network.value(key("id")));
            if (result.id.isEmpty())
                return shapeError(QStringLiteral("a network has no id"));
            result.name = string(network.value(key("name")));
            result.region = region;
            result.external = network.value(key("router:external")).toBool();
            result.shared = network.value(key("shared")).toBool();
            return result;
        });
    if (!all.ok())
        return all.error();
    return all;
}
