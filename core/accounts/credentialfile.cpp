#include "credentialfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

Result<QVariantMap> CredentialFile::parse(const ProviderMetadata::CredentialFile &spec,
                                          const QByteArray &content)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (!document.isObject()) {
        return Error(
            Error::InvalidInput,
            tr("The %1 is not a JSON object (%2).").arg(spec.label, parseError.errorString()));
    }
    const QJsonObject object = document.object();
    const QString type = object.value(QLatin1String("type")).toString();
    if (!spec.type.isEmpty() && type != spec.type) {
        //: %1 names the file wanted ("Service account key file"), %2/%3 file types.
        return Error(Error::InvalidInput,
                     tr("This is not a %1: its type is \"%2\", not \"%3\".")
                         .arg(spec.label, type.isEmpty() ? tr("(none)") : type, spec.type));
    }
    QVariantMap values;
    for (const auto &[member, fieldId] : spec.fields) {
        const QString value = object.value(member).toString();
        if (!value.isEmpty())
            values.insert(fieldId, value);
    }
    if (values.isEmpty())
        return Error(Error::InvalidInput,
                     tr("The %1 holds none of the expected fields.").arg(spec.label));
    return values;
}

Result<QVariantMap> CredentialFile::read(const ProviderMetadata::CredentialFile &spec,
                                         const QString &path)
{
    QString local = path;
    if (local.startsWith(QLatin1String("~/")))
        local = QDir::homePath() + local.mid(1);
    QFile file(local);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(
            Error::InvalidInput,
            tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(local), file.errorString()));
    }
    if (file.size() > maxBytes) {
        return Error(
            Error::InvalidInput,
            tr("%1 is too large to be a %2.").arg(QDir::toNativeSeparators(local), spec.label));
    }
    return parse(spec, file.read(maxBytes + 1));
}
