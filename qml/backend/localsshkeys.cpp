#include "localsshkeys.h"

#include "sshpublickey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

QString LocalSshKeys::defaultFolder()
{
    return QDir::homePath() + QStringLiteral("/.ssh");
}

QList<LocalSshKeys::Key> LocalSshKeys::scan(const QString &folder)
{
    QList<Key> keys;
    const QFileInfoList files = QDir(folder).entryInfoList(
        {QStringLiteral("*.pub")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo &file : files) {
        Result<Key> key = read(file.filePath());
        if (key.ok())
            keys.append(key.takeValue());
    }
    return keys;
}

Result<LocalSshKeys::Key> LocalSshKeys::read(const QString &path)
{
    const QFileInfo info(path);
    // The name decides before the content is looked at: "id_ed25519" (no .pub) is the private
    // half of a pair, and what it holds is no business of ours.
    if (!info.fileName().endsWith(QLatin1String(".pub"), Qt::CaseInsensitive)) {
        return Error(Error::InvalidInput,
                     tr("%1 is not a public key file: choose the file ending in .pub (for "
                        "example id_ed25519.pub), never the private key.")
                         .arg(info.fileName()));
    }
    QFile file(path);
    // Unbuffered: readLine() then takes the first line byte by byte, and nothing after it is
    // read into memory.
    if (!info.isFile() || !file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return Error(Error::InvalidInput,
                     tr("%1 could not be read.").arg(QDir::toNativeSeparators(path)));
    }
    const QString line = QString::fromUtf8(file.readLine(maxLineBytes)).trimmed();
    file.close();
    if (line.startsWith(QLatin1String("-----BEGIN")) && line.contains(QLatin1String("PRIVATE"))) {
        return Error(Error::InvalidInput,
                     tr("%1 holds a private key, not a public one. It was not used; keep it "
                        "private and choose its .pub file instead.")
                         .arg(info.fileName()));
    }
    if (!SshPublicKey::isPublicKey(line)) {
        return Error(Error::InvalidInput,
                     tr("%1 is not an OpenSSH public key (a line such as \"ssh-ed25519 AAAA... "
                        "you@host\").")
                         .arg(info.fileName()));
    }
    Key key;
    key.path = info.absoluteFilePath();
    key.line = line;
    const QString comment = line.section(QLatin1Char(' '), 2).trimmed();
    key.name = comment.isEmpty() ? info.fileName() : comment;
    key.fingerprint = SshPublicKey::fingerprintSha256(line);
    return key;
}
