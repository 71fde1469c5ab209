#include "proxmoxschema.h"

#include "testhelpers.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {
bool whole(const QString &value, const QString &pattern,
           QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern), options)
        .match(value)
        .hasMatch();
}

const QString s_label = QStringLiteral("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");

// The formats (pve-common PVE::JSONSchema) of the parameters CloudDeck sends. A parameter with a
// format not listed here is reported: nothing we send goes unchecked.
std::optional<bool> formatHolds(const QString &format, const QString &name, const QString &value)
{
    if (format == QLatin1String("pve-node"))
        return whole(value, s_label);
    if (format == QLatin1String("pve-vmid"))
        return true; // an integer with its range: checked as such
    if (format == QLatin1String("dns-name"))
        return whole(value, QStringLiteral("(%1\\.)*%1").arg(s_label));
    if (format == QLatin1String("pve-storage-id"))
        return whole(value, QStringLiteral("[a-z][a-z0-9\\-_.]*[a-z0-9]"),
                     QRegularExpression::CaseInsensitiveOption);
    if (format == QLatin1String("pve-tag-list")) {
        const QStringList tags =
            value.split(QRegularExpression(QStringLiteral("[;, ]")), Qt::SkipEmptyParts);
        for (const QString &tag : tags) {
            if (!whole(tag, QStringLiteral("[a-z0-9_][a-z0-9_\\-+.]*"),
                       QRegularExpression::CaseInsensitiveOption))
                return false;
        }
        return !tags.isEmpty();
    }
    if (format == QLatin1String("property-string") && name == QLatin1String("memory")) {
        // qemu memory: "[current=]<integer>", current >= 16 (MiB).
        static const QRegularExpression s_memory(QStringLiteral("^(current=)?([0-9]+)$"));
        const QRegularExpressionMatch match = s_memory.match(value);
        return match.hasMatch() && match.captured(2).toLongLong() >= 16;
    }
    return std::nullopt;
}
} // namespace

ProxmoxSchema::ProxmoxSchema()
    : m_endpoints(readJsonFixture(QStringLiteral("proxmox/apidata-extract.json")).object())
{ }

bool ProxmoxSchema::has(const QString &method, const QString &pathTemplate) const
{
    return m_endpoints.contains(method + QLatin1Char(' ') + pathTemplate);
}

QString ProxmoxSchema::checkValue(const QString &name, const QJsonObject &schema,
                                  const QString &value)
{
    const QString type = schema.value(QLatin1String("type")).toString();
    if (type == QLatin1String("integer")) {
        bool ok = false;
        const qlonglong number = value.toLongLong(&ok);
        if (!ok || !whole(value, QStringLiteral("-?[0-9]+")))
            return QStringLiteral("%1: \"%2\" is not an integer").arg(name, value);
        if (schema.contains(QLatin1String("minimum"))
            && number < schema.value(QLatin1String("minimum")).toDouble())
            return QStringLiteral("%1: %2 is below the minimum").arg(name, value);
        if (schema.contains(QLatin1String("maximum"))
            && number > schema.value(QLatin1String("maximum")).toDouble())
            return QStringLiteral("%1: %2 is above the maximum").arg(name, value);
    } else if (type == QLatin1String("number")) {
        bool ok = false;
        (void)value.toDouble(&ok);
        if (!ok)
            return QStringLiteral("%1: \"%2\" is not a number").arg(name, value);
    } else if (type == QLatin1String("boolean")) {
        // What PVE::JSONSchema accepts for a boolean; CloudDeck sends 0 or 1.
        if (value != QLatin1String("0") && value != QLatin1String("1"))
            return QStringLiteral("%1: \"%2\" is not 0 or 1").arg(name, value);
    } else if (type == QLatin1String("string")) {
        if (schema.contains(QLatin1String("enum"))) {
            QStringList allowed;
            for (const QJsonValue &item : schema.value(QLatin1String("enum")).toArray())
                allowed.append(item.toString());
            if (!allowed.contains(value))
                return QStringLiteral("%1: \"%2\" is not one of %3")
                    .arg(name, value, allowed.join(QLatin1Char(',')));
        }
        if (schema.contains(QLatin1String("maxLength"))
            && value.size() > schema.value(QLatin1String("maxLength")).toInt())
            return QStringLiteral("%1: longer than allowed").arg(name);
        if (schema.contains(QLatin1String("pattern"))
            && !whole(value, schema.value(QLatin1String("pattern")).toString()))
            return QStringLiteral("%1: \"%2\" does not match its pattern").arg(name, value);
    } else {
        return QStringLiteral("%1: type %2 is never sent by CloudDeck").arg(name, type);
    }
    if (schema.contains(QLatin1String("format"))) {
        const QString format = schema.value(QLatin1String("format")).toString();
        const std::optional<bool> holds = formatHolds(format, name, value);
        if (!holds)
            return QStringLiteral("%1: format %2 is not checked by this test").arg(name, format);
        if (!*holds)
            return QStringLiteral("%1: \"%2\" is not a %3").arg(name, value, format);
    }
    return {};
}

QStringList ProxmoxSchema::check(const QString &method, const QString &pathTemplate,
                                 const QMap<QString, QString> &params) const
{
    const QString key = method + QLatin1Char(' ') + pathTemplate;
    if (!m_endpoints.contains(key))
        return {QStringLiteral("%1 is not in the API schema").arg(key)};
    const QJsonObject endpoint = m_endpoints.value(key).toObject();
    QStringList problems;
    if (endpoint.value(QLatin1String("allowtoken")).toInt() != 1)
        problems.append(QStringLiteral("%1 does not allow API tokens").arg(key));
    const QJsonObject declared = endpoint.value(QLatin1String("parameters")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!declared.contains(it.key())) {
            problems.append(
                QStringLiteral("%1: parameter \"%2\" is not declared").arg(key, it.key()));
            continue;
        }
        const QString problem =
            checkValue(it.key(), declared.value(it.key()).toObject(), it.value());
        if (!problem.isEmpty())
            problems.append(key + QStringLiteral(": ") + problem);
    }
    for (auto it = declared.begin(); it != declared.end(); ++it) {
        if (it.value().toObject().value(QLatin1String("optional")).toInt() != 1
            && !params.contains(it.key()))
            problems.append(QStringLiteral("%1: required \"%2\" is missing").arg(key, it.key()));
    }
    return problems;
}
