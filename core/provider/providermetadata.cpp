#include "providermetadata.h"

#include "machineaction.h"
#include "providerregistry.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
// A malformed "actions" block costs the plugin its own words, not its loading: the generic
// words are still correct, only less precise, so the entry is skipped with a warning.
QList<std::pair<QString, ProviderMetadata::ActionWording>> actionsFromJson(const QString &pluginId,
                                                                           const QJsonValue &value)
{
    QList<std::pair<QString, ProviderMetadata::ActionWording>> result;
    if (value.isUndefined())
        return result;
    if (!value.isObject()) {
        qCWarning(lcPlugins) << "Plugin" << pluginId
                             << "has an \"actions\" member that is not an object; using the "
                                "generic action words";
        return result;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const auto textOf = [&entry](QLatin1String key, bool *ok) {
            const QJsonValue member = entry.value(key);
            if (!member.isUndefined() && !member.isString())
                *ok = false;
            return member.toString();
        };
        bool ok = it.value().isObject() && MachineAction::fromId(it.key()).has_value();
        ProviderMetadata::ActionWording wording {textOf(QLatin1String("label"), &ok),
                                                 textOf(QLatin1String("progress"), &ok),
                                                 textOf(QLatin1String("description"), &ok)};
        if (!ok) {
            qCWarning(lcPlugins) << "Plugin" << pluginId << "has a malformed \"actions\" entry"
                                 << it.key() << "(an action id with string label, progress and "
                                    "description expected); using the generic words for it";
            continue;
        }
        result.append({it.key(), wording});
    }
    return result;
}
} // namespace

const ProviderMetadata::ActionWording *ProviderMetadata::actionWording(const QString &actionId) const
{
    for (const auto &[id, wording] : actions) {
        if (id == actionId)
            return &wording;
    }
    return nullptr;
}

QString ProviderMetadata::actionLabel(const QString &actionId) const
{
    const ActionWording *wording = actionWording(actionId);
    if (wording && !wording->label.isEmpty())
        return wording->label;
    const auto action = MachineAction::fromId(actionId);
    return action ? MachineAction::text(*action) : actionId;
}

QString ProviderMetadata::actionProgress(const QString &actionId) const
{
    const ActionWording *wording = actionWording(actionId);
    if (wording && !wording->progress.isEmpty())
        return wording->progress;
    return actionLabel(actionId);
}

QString ProviderMetadata::actionDescription(const QString &actionId) const
{
    const ActionWording *wording = actionWording(actionId);
    if (wording && !wording->description.isEmpty())
        return wording->description;
    return genericActionDescription(actionId);
}

QString ProviderMetadata::genericActionDescription(const QString &actionId)
{
    if (actionId == QLatin1String("shutdown"))
        return QCoreApplication::translate("ProviderMetadata",
                                           "Asks the operating system to shut down cleanly, as "
                                           "pressing the power button does.");
    if (actionId == QLatin1String("poweroff"))
        return QCoreApplication::translate("ProviderMetadata",
                                           "This cuts the power at once, like pulling the plug: "
                                           "programs get no chance to save their work. Shut down "
                                           "stops the machine cleanly.");
    return {};
}

QList<ProviderMetadata::Field> ProviderMetadata::secretFields() const
{
    QList<Field> result;
    for (const Field &field : credentialFields) {
        if (field.secret)
            result.append(field);
    }
    return result;
}

QList<ProviderMetadata::Field> ProviderMetadata::settingFields() const
{
    QList<Field> result;
    for (const Field &field : credentialFields) {
        if (!field.secret)
            result.append(field);
    }
    return result;
}

const ProviderMetadata::Field *ProviderMetadata::field(const QString &id) const
{
    for (const Field &field : credentialFields) {
        if (field.id == id)
            return &field;
    }
    return nullptr;
}

QString ProviderMetadata::optionName(const QString &fieldId)
{
    QString result;
    for (const QChar c : fieldId) {
        if (c.isUpper()) {
            result.append(QLatin1Char('-'));
            result.append(c.toLower());
        } else {
            result.append(c);
        }
    }
    return result;
}

ProviderMetadata ProviderMetadata::fromJson(const QJsonObject &object)
{
    ProviderMetadata metadata;
    metadata.id = object.value(QLatin1String("id")).toString();
    metadata.name = object.value(QLatin1String("name")).toString();
    metadata.mark = object.value(QLatin1String("mark")).toString();
    metadata.defaultEndpoint = QUrl(object.value(QLatin1String("defaultEndpoint")).toString());
    metadata.tokenUrl = QUrl(object.value(QLatin1String("tokenUrl")).toString());
    metadata.demo = object.value(QLatin1String("demo")).toBool();
    metadata.billing = Billing::fromJson(object.value(QLatin1String("billing")).toObject());
    metadata.sshUser = object.value(QLatin1String("sshUser")).toString();
    metadata.actions = actionsFromJson(metadata.id, object.value(QLatin1String("actions")));
    const QJsonArray capabilities = object.value(QLatin1String("capabilities")).toArray();
    for (const QJsonValue &capability : capabilities)
        metadata.capabilities.append(capability.toString());
    const QJsonArray fields = object.value(QLatin1String("credentialFields")).toArray();
    for (const QJsonValue &value : fields) {
        const QJsonObject field = value.toObject();
        metadata.credentialFields.append({
            field.value(QLatin1String("id")).toString(),
            field.value(QLatin1String("label")).toString(),
            field.value(QLatin1String("placeholder")).toString(),
            field.value(QLatin1String("help")).toString(),
            field.value(QLatin1String("secret")).toBool(),
            field.value(QLatin1String("required")).toBool(true),
            field.value(QLatin1String("hidden")).toBool(),
        });
    }
    const QJsonArray files = object.value(QLatin1String("credentialFiles")).toArray();
    for (const QJsonValue &value : files) {
        const QJsonObject file = value.toObject();
        CredentialFile spec {file.value(QLatin1String("id")).toString(),
                             file.value(QLatin1String("label")).toString(),
                             file.value(QLatin1String("help")).toString(),
                             file.value(QLatin1String("type")).toString(),
                             file.value(QLatin1String("defaultPath")).toString(),
                             {}};
        const QJsonObject map = file.value(QLatin1String("fields")).toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            spec.fields.append({it.key(), it.value().toString()});
        metadata.credentialFiles.append(spec);
    }
    return metadata;
}

QJsonObject ProviderMetadata::toJson() const
{
    QJsonArray fields;
    for (const Field &field : credentialFields) {
        fields.append(QJsonObject {{QStringLiteral("id"), field.id},
                                   {QStringLiteral("label"), field.label},
                                   {QStringLiteral("placeholder"), field.placeholder},
                                   {QStringLiteral("help"), field.help},
                                   {QStringLiteral("secret"), field.secret},
                                   {QStringLiteral("required"), field.required},
                                   {QStringLiteral("hidden"), field.hidden}});
    }
    QJsonObject actionWords;
    for (const auto &[actionId, wording] : actions) {
        actionWords.insert(actionId, QJsonObject {{QStringLiteral("label"), wording.label},
                                                  {QStringLiteral("progress"), wording.progress},
                                                  {QStringLiteral("description"),
                                                   wording.description}});
    }
    QJsonArray files;
    for (const CredentialFile &file : credentialFiles) {
        QJsonObject map;
        for (const auto &[member, fieldId] : file.fields)
            map.insert(member, fieldId);
        files.append(QJsonObject {{QStringLiteral("id"), file.id},
                                  {QStringLiteral("label"), file.label},
                                  {QStringLiteral("help"), file.help},
                                  {QStringLiteral("type"), file.type},
                                  {QStringLiteral("defaultPath"), file.defaultPath},
                                  {QStringLiteral("fields"), map}});
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("mark"), mark},
            {QStringLiteral("defaultEndpoint"), defaultEndpoint.toString()},
            {QStringLiteral("tokenUrl"), tokenUrl.toString()},
            {QStringLiteral("demo"), demo},
            {QStringLiteral("billing"), billing.toJson()},
            {QStringLiteral("sshUser"), sshUser},
            {QStringLiteral("actions"), actionWords},
            {QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilities)},
            {QStringLiteral("credentialFields"), fields},
            {QStringLiteral("credentialFiles"), files}};
}

namespace {
using Billing = ProviderMetadata::Billing;
const std::pair<Billing::Stopped, QLatin1String> stoppedIds[] = {
    {Billing::Stopped::Unknown, QLatin1String("unknown")},
    {Billing::Stopped::Full, QLatin1String("full")},
    {Billing::Stopped::Volumes, QLatin1String("volumes")},
    {Billing::Stopped::Free, QLatin1String("free")},
};
const std::pair<Billing::Prices, QLatin1String> pricesIds[] = {
    {Billing::Prices::None, QLatin1String("none")},
    {Billing::Prices::List, QLatin1String("list")},
    {Billing::Prices::PriceListApi, QLatin1String("price-list-api")},
};
} // namespace

QString ProviderMetadata::Billing::stoppedId(Stopped stopped)
{
    for (const auto &[value, id] : stoppedIds) {
        if (value == stopped)
            return id;
    }
    return QStringLiteral("unknown");
}

ProviderMetadata::Billing::Stopped ProviderMetadata::Billing::stoppedFromId(const QString &id)
{
    for (const auto &[value, text] : stoppedIds) {
        if (text == id)
            return value;
    }
    return Stopped::Unknown;
}

QString ProviderMetadata::Billing::pricesId(Prices prices)
{
    for (const auto &[value, id] : pricesIds) {
        if (value == prices)
            return id;
    }
    return QStringLiteral("none");
}

ProviderMetadata::Billing::Prices ProviderMetadata::Billing::pricesFromId(const QString &id)
{
    for (const auto &[value, text] : pricesIds) {
        if (text == id)
            return value;
    }
    return Prices::None;
}

ProviderMetadata::Billing ProviderMetadata::Billing::fromJson(const QJsonObject &object)
{
    Billing billing;
    const QString currency = object.value(QLatin1String("currency")).toString();
    if (!currency.isEmpty())
        billing.currency = currency;
    billing.prices = pricesFromId(object.value(QLatin1String("prices")).toString());
    billing.stopped = stoppedFromId(object.value(QLatin1String("stopped")).toString());
    billing.taxIncluded = object.value(QLatin1String("taxIncluded")).toBool();
    billing.quote = object.value(QLatin1String("quote")).toString();
    billing.source = QUrl(object.value(QLatin1String("source")).toString());
    return billing;
}

QJsonObject ProviderMetadata::Billing::toJson() const
{
    return {{QStringLiteral("currency"), currency},
            {QStringLiteral("prices"), pricesId(prices)},
            {QStringLiteral("stopped"), stoppedId(stopped)},
            {QStringLiteral("taxIncluded"), taxIncluded},
            {QStringLiteral("quote"), quote},
            {QStringLiteral("source"), source.toString()}};
}
