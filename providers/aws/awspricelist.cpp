#include "awspricelist.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
Error shapeError(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("AwsProvider",
                                             "The AWS Price List sent an unexpected reply: %1.")
                     .arg(what));
}

// The on-demand price per @p unit ("Hrs", "GB-Mo") of one PriceList entry (already parsed), or
// empty.
QString onDemandRate(const QJsonObject &product, QStringView unit, QString *currency)
{
    const QJsonObject onDemand = product.value(QLatin1String("terms"))
                                     .toObject()
                                     .value(QLatin1String("OnDemand"))
                                     .toObject();
    for (const QJsonValue &term : onDemand) {
        const QJsonObject dimensions =
            term.toObject().value(QLatin1String("priceDimensions")).toObject();
        for (const QJsonValue &dimension : dimensions) {
            const QJsonObject d = dimension.toObject();
            if (d.value(QLatin1String("unit")).toString() != unit)
                continue;
            const QJsonObject perUnit = d.value(QLatin1String("pricePerUnit")).toObject();
            QString usd = perUnit.value(QLatin1String("USD")).toString();
            if (!usd.isEmpty()) {
                *currency = QStringLiteral("USD");
                return usd;
            }
            if (!perUnit.isEmpty()) { // the China regions price in CNY
                *currency = perUnit.constBegin().key();
                return perUnit.constBegin().value().toString();
            }
        }
    }
    return {};
}
QJsonObject termMatch(const QString &field, const QString &value)
{
    return QJsonObject {{QStringLiteral("Type"), QStringLiteral("TERM_MATCH")},
                        {QStringLiteral("Field"), field},
                        {QStringLiteral("Value"), value}};
}

HttpRequest productsRequest(const QUrl &endpoint, const QJsonArray &filters)
{
    const QJsonObject body {{QStringLiteral("ServiceCode"), QStringLiteral("AmazonEC2")},
                            {QStringLiteral("FormatVersion"), QStringLiteral("aws_v1")},
                            {QStringLiteral("MaxResults"), 100},
                            {QStringLiteral("Filters"), filters}};
    QUrl url = endpoint;
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    HttpRequest request = HttpRequest::make("POST", url);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.setHeader("Content-Type", "application/x-amz-json-1.1");
    request.setHeader("X-Amz-Target", "AWSPriceListService.GetProducts");
    request.idempotent = true; // a read
    return request;
}

// The PriceList entries of a GetProductsResponse, each parsed from its string.
Result<QList<QJsonObject>> products(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return shapeError(QStringLiteral("not a JSON object"));
    const QJsonValue list = document.object().value(QLatin1String("PriceList"));
    if (!list.isArray())
        return shapeError(QStringLiteral("no PriceList array"));
    QList<QJsonObject> result;
    for (const QJsonValue &entry : list.toArray()) {
        // Each entry is a JSON document in a string (the model's "jsonvalue": true).
        if (!entry.isString())
            return shapeError(QStringLiteral("a PriceList entry is not a string"));
        const QJsonDocument inner = QJsonDocument::fromJson(entry.toString().toUtf8());
        if (!inner.isObject())
            return shapeError(QStringLiteral("a PriceList entry is not a JSON document"));
        result.append(inner.object());
    }
    return result;
}

QJsonObject attributesOf(const QJsonObject &product)
{
    return product.value(QLatin1String("product"))
        .toObject()
        .value(QLatin1String("attributes"))
        .toObject();
}
} // namespace

QString AwsPriceList::StorageKey::id() const
{
    return QStringLiteral("ebs|") + volumeType + QLatin1Char('|') + regionCode;
}

QString AwsPriceList::Key::id() const
{
    return QStringList {instanceType, regionCode, operatingSystem, preInstalledSw, licenseModel}
        .join(QLatin1Char('|'));
}

QUrl AwsPriceList::defaultEndpoint()
{
    return QUrl(QStringLiteral("https://api.pricing.us-east-1.amazonaws.com/"));
}

std::optional<AwsPriceList::Key> AwsPriceList::keyFor(const Machine &machine)
{
    if (machine.size.isEmpty() || machine.region.isEmpty())
        return std::nullopt;
    // Spot and scheduled instances are not billed at the on-demand price.
    const QString lifecycle = machine.extra.value(QStringLiteral("lifecycle")).toString();
    if (!lifecycle.isEmpty() && lifecycle != QLatin1String("normal"))
        return std::nullopt;
    QString details = machine.extra.value(QStringLiteral("platformDetails")).toString();
    if (details.isEmpty())
        details = machine.extra.value(QStringLiteral("platform")).toString();
    if (details.isEmpty() || details == QLatin1String("windows"))
        details = details.isEmpty() ? QStringLiteral("Linux/UNIX") : QStringLiteral("Windows");

    Key key {machine.size, machine.region, {}};
    // EC2's platformDetails values (DescribeImages' PlatformDetails) onto the Price List's
    // operatingSystem / preInstalledSw / licenseModel attributes.
    QString base = details;
    if (const qsizetype with = details.indexOf(QLatin1String(" with SQL Server ")); with > 0) {
        base = details.left(with);
        const QString edition = details.mid(with + 17);
        if (edition == QLatin1String("Standard"))
            key.preInstalledSw = QStringLiteral("SQL Std");
        else if (edition == QLatin1String("Web"))
            key.preInstalledSw = QStringLiteral("SQL Web");
        else if (edition == QLatin1String("Enterprise"))
            key.preInstalledSw = QStringLiteral("SQL Ent");
        else
            return std::nullopt;
    }
    if (base == QLatin1String("Linux/UNIX") || base == QLatin1String("Linux"))
        key.operatingSystem = QStringLiteral("Linux");
    else if (base == QLatin1String("Windows"))
        key.operatingSystem = QStringLiteral("Windows");
    else if (base == QLatin1String("Windows BYOL")) {
        key.operatingSystem = QStringLiteral("Windows");
        key.licenseModel = QStringLiteral("Bring your own license");
    } else if (base.startsWith(QLatin1String("Red Hat Enterprise Linux")))
        key.operatingSystem = QStringLiteral("RHEL");
    else if (base == QLatin1String("Red Hat BYOL Linux")) {
        key.operatingSystem = QStringLiteral("RHEL");
        key.licenseModel = QStringLiteral("Bring your own license");
    } else if (base == QLatin1String("SUSE Linux"))
        key.operatingSystem = QStringLiteral("SUSE");
    else if (base == QLatin1String("Ubuntu Pro"))
        key.operatingSystem = QStringLiteral("Ubuntu Pro");
    else
        return std::nullopt;
    return key;
}

HttpRequest AwsPriceList::request(const QUrl &endpoint, const Key &key)
{
    return productsRequest(endpoint,
                           {
                               termMatch(QStringLiteral("instanceType"), key.instanceType),
                               termMatch(QStringLiteral("regionCode"), key.regionCode),
                               termMatch(QStringLiteral("operatingSystem"), key.operatingSystem),
                               termMatch(QStringLiteral("tenancy"), QStringLiteral("Shared")),
                               termMatch(QStringLiteral("preInstalledSw"), key.preInstalledSw),
                               termMatch(QStringLiteral("capacitystatus"), QStringLiteral("Used")),
                               termMatch(QStringLiteral("licenseModel"), key.licenseModel),
                           });
}

Result<std::optional<AwsPriceList::Price>> AwsPriceList::price(const QByteArray &json,
                                                               const Key &key)
{
    const Result<QList<QJsonObject>> list = products(json);
    if (!list.ok())
        return list.error();
    std::optional<Price> fallback;
    for (const QJsonObject &product : list.value()) {
        const QJsonObject attributes = attributesOf(product);
        // The filters should have chosen; a product that contradicts them is not ours.
        if (attributes.value(QLatin1String("instanceType")).toString() != key.instanceType)
            continue;
        const QString market = attributes.value(QLatin1String("marketoption")).toString();
        if (!market.isEmpty() && market != QLatin1String("OnDemand"))
            continue;
        Price price;
        price.amount = onDemandRate(product, u"Hrs", &price.currency);
        if (price.amount.isEmpty())
            continue;
        if (attributes.value(QLatin1String("licenseModel")).toString() == key.licenseModel)
            return std::optional<Price>(price);
        if (!fallback)
            fallback = price;
    }
    return fallback;
}

bool AwsPriceList::isKnownVolumeType(const QString &volumeType)
{
    static const QStringList known = {
        QStringLiteral("standard"), QStringLiteral("io1"), QStringLiteral("io2"),
        QStringLiteral("gp2"),      QStringLiteral("sc1"), QStringLiteral("st1"),
        QStringLiteral("gp3"),
    };
    return known.contains(volumeType);
}

HttpRequest AwsPriceList::storageRequest(const QUrl &endpoint, const StorageKey &key)
{
    return productsRequest(
        endpoint, {
                      termMatch(QStringLiteral("productFamily"), QStringLiteral("Storage")),
                      termMatch(QStringLiteral("volumeApiName"), key.volumeType),
                      termMatch(QStringLiteral("regionCode"), key.regionCode),
                  });
}

Result<std::optional<AwsPriceList::Price>> AwsPriceList::storagePrice(const QByteArray &json,
                                                                      const StorageKey &key)
{
    const Result<QList<QJsonObject>> list = products(json);
    if (!list.ok())
        return list.error();
    std::optional<Price> fallback;
    for (const QJsonObject &product : list.value()) {
        const QJsonObject attributes = attributesOf(product);
        if (attributes.value(QLatin1String("volumeApiName")).toString() != key.volumeType)
            continue;
        Price price;
        price.amount = onDemandRate(product, u"GB-Mo", &price.currency);
        if (price.amount.isEmpty())
            continue;
        // A Local Zone or Outpost sells the same type under the parent region's code at its
        // own price; the region's own product is the one an instance there pays.
        const QString location = attributes.value(QLatin1String("locationType")).toString();
        if (location.isEmpty() || location == QLatin1String("AWS Region"))
            return std::optional<Price>(price);
        if (!fallback)
            fallback = price;
    }
    return fallback;
}

HttpClient::ProviderError AwsPriceList::error(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    HttpClient::ProviderError result;
    QString type = object.value(QLatin1String("__type")).toString();
    // "com.amazon.coral.service#AccessDeniedException" -> "AccessDeniedException"
    if (const qsizetype hash = type.lastIndexOf(QLatin1Char('#')); hash >= 0)
        type = type.mid(hash + 1);
    result.code = type;
    QString message = object.value(QLatin1String("Message")).toString();
    if (message.isEmpty())
        message = object.value(QLatin1String("message")).toString();
    result.message = type.isEmpty() ? message : type + QStringLiteral(": ") + message;
    if (type == QLatin1String("ThrottlingException"))
        result.kind = Error::RateLimited;
    else if (type == QLatin1String("AccessDeniedException"))
        result.kind = Error::Forbidden;
    else if (type == QLatin1String("UnrecognizedClientException")
             || type == QLatin1String("InvalidSignatureException"))
        result.kind = Error::Auth;
    return result;
}

bool AwsPriceList::isAccessDenied(const Error &error)
{
    return error.providerCode() == QLatin1String("AccessDeniedException")
           || error.kind() == Error::Forbidden;
}
