#include "sshtarget.h"

#include <QFileInfo>
#include <algorithm>

namespace {
QString shellQuoted(const QString &value)
{
    static const QString safe = QStringLiteral("@%+=:,./-_~");
    bool plain = !value.isEmpty();
    for (const QChar c : value)
        plain = plain && (c.isLetterOrNumber() || safe.contains(c));
    if (plain)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool namesSsh(const QString &argument)
{
    const QString name = QFileInfo(argument).fileName();
    return name == QLatin1String("ssh") || name == QLatin1String("ssh.exe");
}
} // namespace

SshTarget SshTarget::forMachine(const Machine &machine, const Account::Ssh &account,
                                const QString &providerUser, const QString &fallbackUser)
{
    SshTarget target;
    const QString machineUser = machine.extra.value(QStringLiteral("sshUser")).toString();
    for (const QString &user : {account.user, machineUser, providerUser, fallbackUser}) {
        if (!user.isEmpty()) {
            target.user = user;
            break;
        }
    }
    const QStringList publicIps = machine.publicIps();
    const QStringList privateIps = machine.privateIps();
    const QStringList &first = account.privateAddress ? privateIps : publicIps;
    const QStringList &second = account.privateAddress ? publicIps : privateIps;
    target.host = !first.isEmpty() ? first.constFirst() : second.value(0);
    if (account.port > 0)
        target.port = account.port;
    target.identityFile = account.identityFile;
    return target;
}

QStringList SshTarget::arguments() const
{
    QStringList arguments;
    if (port != 22)
        arguments << QStringLiteral("-p") << QString::number(port);
    if (!identityFile.isEmpty())
        arguments << QStringLiteral("-i") << identityFile;
    arguments << user + QLatin1Char('@') + host;
    return arguments;
}

QString SshTarget::commandLine() const
{
    if (!isValid())
        return {};
    QStringList words {QStringLiteral("ssh")};
    for (const QString &argument : arguments())
        words << shellQuoted(argument);
    return words.join(QLatin1Char(' '));
}

QStringList SshTarget::fill(const QStringList &commandTemplate) const
{
    // A template that places {port} itself gets no second -p.
    const bool placesPort =
        std::any_of(commandTemplate.cbegin(), commandTemplate.cend(),
                    [](const QString &argument) { return argument.contains(QLatin1String("{port}")); });
    QStringList options;
    if (port != 22 && !placesPort)
        options << QStringLiteral("-p") << QString::number(port);
    if (!identityFile.isEmpty())
        options << QStringLiteral("-i") << identityFile;

    QStringList filled;
    for (QString argument : commandTemplate) {
        if (argument == QLatin1String("{ssh}")) {
            filled << QStringLiteral("ssh") << arguments();
            continue;
        }
        argument.replace(QLatin1String("{user}"), user);
        argument.replace(QLatin1String("{host}"), host);
        argument.replace(QLatin1String("{port}"), QString::number(port));
        filled << argument;
        if (namesSsh(argument))
            filled << options;
    }
    return filled;
}
