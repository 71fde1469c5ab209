#include "linoderequests.h"

#include <QJsonArray>
#include <QRandomGenerator>

QString LinodeRequests::actionSegment(MachineAction::Action action)
{
    switch (action) {
    case MachineAction::Start:
        return QStringLiteral("boot"); // the last booted configuration profile
    case MachineAction::Shutdown:
        return QStringLiteral("shutdown");
    case MachineAction::Reboot:
        return QStringLiteral("reboot");
    case MachineAction::PowerOff:
    case MachineAction::Destroy:
        break;
    }
    return {};
}

QJsonObject LinodeRequests::createBody(const CreateMachineRequest &request,
                                       const QStringList &authorizedKeys)
{
    QJsonObject body {{QStringLiteral("region"), request.region},
                      {QStringLiteral("type"), request.size}};
    if (!request.name.isEmpty())
        body.insert(QStringLiteral("label"), request.name);
    if (!request.image.isEmpty()) {
        body.insert(QStringLiteral("image"), request.image);
        // Linode requires a root password whenever a disk is deployed from an image. CloudDeck
        // logs in with SSH keys, so it sends a strong random password that is never shown, logged
        // or stored; whoever needs one resets it in Cloud Manager (Settings → Reset Root Password).
        body.insert(QStringLiteral("root_pass"), randomRootPassword());
    }
    if (!authorizedKeys.isEmpty())
        body.insert(QStringLiteral("authorized_keys"), QJsonArray::fromStringList(authorizedKeys));
    if (!request.tags.isEmpty())
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(request.tags));
    if (!request.userData.isEmpty()) {
        body.insert(QStringLiteral("metadata"),
                    QJsonObject {{QStringLiteral("user_data"),
                                  QString::fromLatin1(request.userData.toUtf8().toBase64())}});
    }
    return body;
}

QString LinodeRequests::randomRootPassword()
{
    // Linode rejects weak passwords ("Password does not meet strength requirement"): 32 characters
    // from four classes, drawn from the system's cryptographic random source.
    static const QString classes[] = {QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ"),
                                      QStringLiteral("abcdefghijkmnopqrstuvwxyz"),
                                      QStringLiteral("23456789"), QStringLiteral("!#%+-.:=?@^_~")};
    const QString all = classes[0] + classes[1] + classes[2] + classes[3];
    QRandomGenerator *random = QRandomGenerator::system();
    QString password;
    for (const QString &characters : classes) // at least one of each class
        password.append(characters.at(random->bounded(int(characters.size()))));
    while (password.size() < 32)
        password.append(all.at(random->bounded(int(all.size()))));
    for (qsizetype i = password.size() - 1; i > 0; --i) // so the first four are not predictable
        std::swap(password[i], password[random->bounded(int(i + 1))]);
    return password;
}
