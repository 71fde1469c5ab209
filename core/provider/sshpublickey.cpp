#include "sshpublickey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QStringList>
#include <algorithm>

namespace {
// The key blob of a public key line; empty when the line is not one. The blob starts with the key
// type again (a length-prefixed string), which is how a real key is told from any base64 text.
QByteArray blob(const QString &text)
{
    const QStringList fields = text.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() < 2)
        return {};
    const QByteArray type = fields.at(0).toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(fields.at(1).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < 4 + type.size())
        return {};
    const QByteArray &bytes = decoded.decoded;
    const quint32 length = (quint32(quint8(bytes[0])) << 24) | (quint32(quint8(bytes[1])) << 16)
                           | (quint32(quint8(bytes[2])) << 8) | quint32(quint8(bytes[3]));
    if (length != quint32(type.size()) || bytes.mid(4, type.size()) != type)
        return {};
    return bytes;
}
} // namespace

namespace SshPublicKey {

bool isPublicKey(const QString &text)
{
    return !blob(text).isEmpty();
}

QString fingerprintSha256(const QString &publicKey)
{
    const QByteArray bytes = blob(publicKey);
    if (bytes.isEmpty())
        return {};
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:")
           + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

Result<QList<SshKey>> select(const QList<SshKey> &available, const QStringList &wanted)
{
    // Compare key material only: the comment at the end of a key line is free text.
    const auto material = [](const QString &line) {
        return line.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 2);
    };
    QList<SshKey> selected;
    for (const QString &entry : wanted) {
        const QString name = entry.trimmed();
        const QStringList entryMaterial = isPublicKey(name) ? material(name) : QStringList();
        const auto found =
            std::find_if(available.cbegin(), available.cend(), [&](const SshKey &key) {
                return key.id == name || key.name == name
                       || (!key.fingerprint.isEmpty() && key.fingerprint == name)
                       || (!entryMaterial.isEmpty() && material(key.publicKey) == entryMaterial);
            });
        if (found == available.cend()) {
            return Error(Error::InvalidInput,
                         QCoreApplication::translate("SshPublicKey",
                                                     "There is no SSH key \"%1\" in this account. "
                                                     "Add it in the provider's console first, or "
                                                     "choose another key.")
                             .arg(name));
        }
        selected.append(*found);
    }
    return selected;
}

void resolve(const QStringList &wanted, const KeyForm &form, const KeyListing &list,
             Callback<QStringList> done)
{
    const auto direct = [&form](const QString &entry) {
        return form.direct(entry.trimmed());
    };
    if (std::all_of(wanted.cbegin(), wanted.cend(), direct)) {
        QStringList keys;
        for (const QString &entry : wanted)
            keys.append(entry.trimmed());
        return done(keys);
    }
    list([wanted, form, done = std::move(done)](Result<QList<SshKey>> available) {
        if (!available.ok())
            return done(available.error());
        QStringList keys;
        for (const QString &entry : wanted) {
            if (form.direct(entry.trimmed())) {
                keys.append(entry.trimmed());
                continue;
            }
            const Result<QList<SshKey>> found = select(available.value(), {entry});
            if (!found.ok())
                return done(found.error());
            keys.append(form.pick(found.value().constFirst()));
        }
        done(keys);
    });
}

} // namespace SshPublicKey
