#include "screentools.h"

#include <cstdio>
#include <cstdlib>

namespace ScreenTools {

void fail(const QString &why)
{
    std::fprintf(stderr, "screenshots: %s\n", qPrintable(why));
    std::exit(1);
}

QObject *child(QQuickWindow *root, const char *objectName)
{
    QObject *object = findAnywhere<QObject>(root, QLatin1String(objectName));
    if (!object)
        fail(QStringLiteral("no object named %1").arg(QLatin1String(objectName)));
    return object;
}

void call(QObject *object, const char *method, const QVariantList &args)
{
    bool ok = false;
    switch (args.size()) {
    case 0:
        ok = QMetaObject::invokeMethod(object, method);
        break;
    case 1:
        ok = QMetaObject::invokeMethod(object, method, Q_ARG(QVariant, args.at(0)));
        break;
    case 2:
        ok = QMetaObject::invokeMethod(object, method, Q_ARG(QVariant, args.at(0)),
                                       Q_ARG(QVariant, args.at(1)));
        break;
    default:
        fail(QStringLiteral("too many arguments"));
    }
    if (!ok)
        fail(QStringLiteral("cannot call %1").arg(QLatin1String(method)));
}

QObject *property(QObject *object, const char *name)
{
    QObject *value = QQmlProperty::read(object, QLatin1String(name)).value<QObject *>();
    if (!value)
        fail(QStringLiteral("no property %1").arg(QLatin1String(name)));
    return value;
}

QObject *popup(QObject *window, const char *name)
{
    QVariant built;
    if (!QMetaObject::invokeMethod(property(window, name), "get", Q_RETURN_ARG(QVariant, built)))
        fail(QStringLiteral("cannot build %1").arg(QLatin1String(name)));
    auto *object = built.value<QObject *>();
    if (!object)
        fail(QStringLiteral("%1 could not be built").arg(QLatin1String(name)));
    return object;
}

} // namespace ScreenTools
