#include "machineeditrules.h"

#include "createmachinerequest.h"

#include <QRegularExpression>

namespace {

bool matches(const QString &pattern, const QString &text)
{
    const QRegularExpression expression(pattern);
    return expression.match(text).hasMatch();
}

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

// RFC 1123 host name: dot-separated labels of letters, digits and dashes, no label starting or
// ending with a dash, each at most 63 characters, 253 in all.
bool isHostName(const QString &name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    const QStringList labels = name.split(QLatin1Char('.'));
    return std::all_of(labels.cbegin(), labels.cend(), [](const QString &label) {
        return matches(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"), label);
    });
}

// Hetzner's label name and value shape: at most 63 characters, alphanumeric at both ends with
// dashes, underscores, dots and alphanumerics between.
bool isHetznerLabelPart(const QString &text)
{
    return text.size() <= 63
           && matches(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$"), text);
}

QString tagKey(const QString &tag)
{
    return tag.section(QLatin1Char('='), 0, 0);
}

} // namespace

QString MachineEditRules::nameProblem(const QString &providerId, const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("Give the machine a name.");
    if (name != name.trimmed())
        return tr("A name cannot begin or end with a space.");
    if (hasControlCharacter(name))
        return tr("A name cannot contain control characters.");
    if (providerId == QLatin1String("digitalocean")) {
        // digitalocean/openapi, droplets/models/droplet_actions.yml (droplet_action_rename: "name",
        // a string) and droplet_single_create.yml (name: maxLength 255; it becomes the host
        // name and, for a domain DigitalOcean manages, the PTR record). That file's pattern,
        // ^[a-z][a-z0-9-]{0,30}[a-z0-9]$, contradicts its own example ("example.com") and
        // maxLength; what DigitalOcean accepts is a host name: letters, digits, dots, dashes.
        if (name.size() > 255)
            return tr("DigitalOcean droplet names are at most 255 characters.");
        if (!matches(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"), name))
            return tr("DigitalOcean droplet names use letters, digits, dots and dashes, and "
                      "begin and end with a letter or digit.");
        return {};
    }
    if (providerId == QLatin1String("hetzner")) {
        // Hetzner Cloud API (docs.hetzner.cloud, "Update a Server"): "Server names must be
        // unique per Project and valid hostnames as per RFC 1123 (i.e. may only contain
        // letters, digits, periods, and dashes)."
        if (!isHostName(name))
            return tr("Hetzner server names must be valid host names (RFC 1123): letters, "
                      "digits, dots and dashes, no part beginning or ending with a dash.");
        return {};
    }
    if (providerId == QLatin1String("linode")) {
        // linode/linode-api-docs openapi.yaml, components.schemas.Linode.label: minLength 3,
        // maxLength 64; "Must begin and end with an alphanumeric character. May only consist
        // of alphanumeric characters, dashes (-), underscores (_) or periods (.). Cannot have
        // two dashes (--), underscores (__) or periods (..) in a row."
        if (name.size() < 3 || name.size() > 64)
            return tr("Linode labels are 3 to 64 characters long.");
        if (!matches(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$"), name))
            return tr("Linode labels use letters, digits, dashes, underscores and dots, and "
                      "begin and end with a letter or digit.");
        if (name.contains(QLatin1String("--")) || name.contains(QLatin1String("__"))
            || name.contains(QLatin1String("..")))
            return tr("Linode labels cannot have two dashes, underscores or dots in a row.");
        return {};
    }
    if (providerId == QLatin1String("vultr")) {
        // vultr openapi, update-instance: "label" is "The user supplied label.", a string with
        // no stated length or characters; the checks above (not empty, no control characters)
        // are all CloudDeck adds, and Vultr has the last word.
        return {};
    }
    if (providerId == QLatin1String("aws")) {
        // The name is the "Name" tag (CreateTags). botocore ec2/2016-11-15/service-2.json,
        // shape Tag.Value: "Tag values are case-sensitive and accept a maximum of 256 Unicode
        // characters."
        if (name.size() > 256)
            return tr("An AWS Name tag is at most 256 characters.");
        return {};
    }
    if (providerId == QLatin1String("demo")) {
        if (!CreateMachineRequest::isValidName(name))
            return tr("Use letters, digits, dots and dashes, starting and ending with a letter or "
                      "digit (at most 63 characters).");
        return {};
    }
    return {};
}

QString MachineEditRules::tagProblem(const QString &providerId, const QString &tag)
{
    if (tag.trimmed().isEmpty())
        return tr("A tag cannot be empty.");
    if (tag != tag.trimmed())
        return tr("A tag cannot begin or end with a space.");
    if (hasControlCharacter(tag))
        return tr("A tag cannot contain control characters.");
    if (providerId == QLatin1String("digitalocean")) {
        // digitalocean/openapi, tags/models/tags.yml, name: pattern ^[a-zA-Z0-9_\-\:]+$,
        // maxLength 255 ("Tags may contain letters, numbers, colons, dashes, and underscores").
        if (tag.size() > 255)
            return tr("DigitalOcean tags are at most 255 characters.");
        if (!matches(QStringLiteral("^[a-zA-Z0-9_\\-:]+$"), tag))
            return tr("DigitalOcean tags use letters, digits, colons, dashes and underscores "
                      "(\"%1\" has another character).")
                .arg(tag);
        return {};
    }
    if (providerId == QLatin1String("hetzner")) {
        // Hetzner labels (docs.hetzner.cloud, "Labels"), shown as "key" or "key=value": a key
        // is an optional prefix (a DNS subdomain of at most 253 characters) and "/", then a
        // name of at most 63 characters beginning and ending with an alphanumeric character
        // with dashes, underscores, dots and alphanumerics between; a value is empty or of
        // the same shape. The "hetzner.cloud/" prefix is reserved.
        const QString key = tagKey(tag);
        const QString value = tag.section(QLatin1Char('='), 1);
        QString name = key;
        if (const qsizetype slash = key.lastIndexOf(QLatin1Char('/')); slash >= 0) {
            const QString prefix = key.left(slash);
            name = key.mid(slash + 1);
            if (!isHostName(prefix))
                return tr("The prefix of the Hetzner label \"%1\" must be a DNS name.").arg(key);
            if (prefix.compare(QLatin1String("hetzner.cloud"), Qt::CaseInsensitive) == 0)
                return tr("Hetzner reserves labels beginning with \"hetzner.cloud/\".");
        }
        if (!isHetznerLabelPart(name))
            return tr("Hetzner label keys are at most 63 letters, digits, dashes, underscores and "
                      "dots, beginning and ending with a letter or digit (\"%1\").")
                .arg(key);
        if (!value.isEmpty() && !isHetznerLabelPart(value))
            return tr("Hetzner label values are at most 63 letters, digits, dashes, underscores "
                      "and dots, beginning and ending with a letter or digit (\"%1\").")
                .arg(value);
        return {};
    }
    if (providerId == QLatin1String("linode")) {
        // linode/linode-api-docs openapi.yaml, POST /tags (createTag) label: minLength 3,
        // maxLength 50.
        if (tag.size() < 3 || tag.size() > 50)
            return tr("Linode tags are 3 to 50 characters long (\"%1\").").arg(tag);
        return {};
    }
    if (providerId == QLatin1String("vultr")) {
        // vultr openapi, update-instance: "tags", an array of strings ("Tags to apply to the
        // instance."), with no stated rule for one tag.
        return {};
    }
    if (providerId == QLatin1String("aws")) {
        // botocore ec2/2016-11-15/service-2.json, shape Tag: Key "Tag keys are case-sensitive
        // and accept a maximum of 127 Unicode characters. May not begin with aws:"; Value "a
        // maximum of 256 Unicode characters". CloudDeck shows a tag as key=value, so a key
        // with "=" could not be told from its value.
        const QString key = tagKey(tag);
        const QString value = tag.section(QLatin1Char('='), 1);
        if (key.isEmpty())
            return tr("An AWS tag needs a key (key=value).");
        if (key.size() > 127)
            return tr("AWS tag keys are at most 127 characters.");
        if (key.startsWith(QLatin1String("aws:"), Qt::CaseInsensitive))
            return tr("AWS reserves tag keys beginning with \"aws:\".");
        if (value.size() > 256)
            return tr("AWS tag values are at most 256 characters.");
        return {};
    }
    if (providerId == QLatin1String("demo")) {
        if (!CreateMachineRequest::isValidTag(tag))
            return tr("Tags use letters, digits and : . _ - (at most 64 characters).");
        return {};
    }
    return {};
}

QString MachineEditRules::tagsProblem(const QString &providerId, const QStringList &tags,
                                      const QStringList &previous)
{
    for (const QString &tag : tags) {
        if (QString problem = tagProblem(providerId, tag); !problem.isEmpty())
            return problem;
    }
    QStringList keys;
    const bool keyed = providerId == QLatin1String("aws") || providerId == QLatin1String("hetzner");
    for (const QString &tag : tags) {
        // A key/value cloud has one value per key: "env=a" and "env=b" cannot both be set.
        const QString key = keyed ? tagKey(tag) : tag;
        if (keys.contains(key))
            return keyed ? tr("The key \"%1\" is given twice.").arg(key)
                         : tr("The tag \"%1\" is given twice.").arg(tag);
        keys.append(key);
    }
    if (providerId == QLatin1String("aws")) {
        const auto nameTag = [](const QStringList &list) {
            for (const QString &tag : list) {
                if (tagKey(tag) == QLatin1String("Name"))
                    return std::optional<QString>(tag);
            }
            return std::optional<QString>();
        };
        if (nameTag(tags) != nameTag(previous))
            return tr("The Name tag is the machine's name: rename the machine instead.");
    }
    return {};
}
