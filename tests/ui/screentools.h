#pragma once

// What the screenshot program uses to reach into the real window: find items by objectName
// (popups and Repeater items included), call QML functions, read object properties, and wait
// for a condition. Every failure ends the program with a message: a screen that cannot be
// reached is an error, not a missing picture.

#include <QMetaObject>
#include <QQmlProperty>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QTest>
#include <QVariantList>

namespace ScreenTools {

[[noreturn]] void fail(const QString &why);

template<typename F>
void waitFor(const QString &what, F condition, int timeoutMs = 10000)
{
    if (!QTest::qWaitFor(condition, timeoutMs))
        fail(QStringLiteral("timed out waiting for %1").arg(what));
}

// Popups keep their contents under the window's overlay, and items made by a Repeater are only
// visual children: walk the visual tree, looking at each item's own QObject children too.
template<typename T>
T *findIn(QQuickItem *item, const QString &objectName)
{
    const auto objects = item->findChildren<T *>(objectName, Qt::FindDirectChildrenOnly);
    if (!objects.isEmpty())
        return objects.constFirst();
    if (auto *self = qobject_cast<T *>(item);
        self && (objectName.isEmpty() || item->objectName() == objectName))
        return self;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (T *found = findIn<T>(child, objectName))
            return found;
    }
    return nullptr;
}

template<typename T>
T *findAnywhere(QQuickWindow *window, const QString &objectName = {})
{
    return findIn<T>(window->contentItem(), objectName);
}

/// The object named @p objectName anywhere in @p root's tree.
QObject *child(QQuickWindow *root, const char *objectName);
/// Calls the QML function @p method with up to two QVariant arguments.
void call(QObject *object, const char *method, const QVariantList &args = {});
/// The QObject that property @p name of @p object holds.
QObject *property(QObject *object, const char *name);
/// The sheet or dialog that the window's LazyPopup @p name holds, built now if it was not yet.
QObject *popup(QObject *window, const char *name);

} // namespace ScreenTools
