#include "secretservicelock.h"

#include <QTimer>

#ifdef CLOUDDECK_HAVE_SECRET_SERVICE
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace {
#ifdef CLOUDDECK_HAVE_SECRET_SERVICE
const QString kService = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");
const QString kServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");

// Sends @p message and calls @p handle with its reply (an error reply included), once, later.
void ask(QObject *context, const QDBusMessage &message,
         std::function<void(const QDBusMessage &)> handle)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        // No session bus, so no Secret Service: a disconnected bus never finishes a call.
        QTimer::singleShot(0, context, [handle = std::move(handle)] {
            handle(QDBusMessage::createError(QDBusError::Disconnected,
                                             QStringLiteral("no session bus")));
        });
        return;
    }
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [handle = std::move(handle)](QDBusPendingCallWatcher *call) {
                         call->deleteLater();
                         handle(call->reply());
                     });
}
#endif
} // namespace

SecretServiceLock::SecretServiceLock(QObject *parent)
    : QObject(parent)
{
#ifdef CLOUDDECK_HAVE_SECRET_SERVICE
    qDBusRegisterMetaType<QMap<QString, QString>>(); // a{ss}, SearchItems' attributes
    qDBusRegisterMetaType<QList<QDBusObjectPath>>();
#endif
}

void SecretServiceLock::isEntryLocked(const QString &service, const QString &key, Answer answer)
{
#ifdef CLOUDDECK_HAVE_SECRET_SERVICE
    QDBusMessage search = QDBusMessage::createMethodCall(kService, kServicePath, kServiceInterface,
                                                         QStringLiteral("SearchItems"));
    const QMap<QString, QString> attributes {{QStringLiteral("user"), key},
                                             {QStringLiteral("server"), service}};
    search << QVariant::fromValue(attributes);
    ask(this, search, [answer = std::move(answer)](const QDBusMessage &reply) {
        // SearchItems(attributes) -> (unlocked objects, locked objects)
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() < 2)
            return answer(false);
        const auto locked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1));
        answer(!locked.isEmpty());
    });
#else
    Q_UNUSED(service)
    Q_UNUSED(key)
    QTimer::singleShot(0, this, [answer = std::move(answer)] { answer(false); });
#endif
}

void SecretServiceLock::isDefaultCollectionLocked(Answer answer)
{
#ifdef CLOUDDECK_HAVE_SECRET_SERVICE
    QDBusMessage alias = QDBusMessage::createMethodCall(kService, kServicePath, kServiceInterface,
                                                        QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    ask(this, alias, [this, answer = std::move(answer)](const QDBusMessage &reply) mutable {
        const QString path = reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
                                 ? qdbus_cast<QDBusObjectPath>(reply.arguments().at(0)).path()
                                 : QString();
        if (path.isEmpty() || path == QLatin1String("/"))
            return answer(false);
        QDBusMessage get = QDBusMessage::createMethodCall(
            kService, path, QStringLiteral("org.freedesktop.DBus.Properties"),
            QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        ask(this, get, [answer = std::move(answer)](const QDBusMessage &property) {
            if (property.type() != QDBusMessage::ReplyMessage || property.arguments().isEmpty())
                return answer(false);
            answer(qdbus_cast<QDBusVariant>(property.arguments().at(0)).variant().toBool());
        });
    });
#else
    QTimer::singleShot(0, this, [answer = std::move(answer)] { answer(false); });
#endif
}
