// QtQuickTest entry for the CloudDeck QML components (tests/qml/tst_*.qml).

#include "translations.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(CloudDeckPlugin)

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        Translations::install();
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Types written in QML files of the module are found through qrc (not a default path in 6.4).
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(clouddeck_qml, Setup)

#include "tst_qml.moc"
