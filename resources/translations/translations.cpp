#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

void Translations::install()
{
    // The .qm resources need no Q_INIT_RESOURCE: Qt links a static library's resources into
    // each executable as an object library, which registers them at start-up.
    auto *translator = new QTranslator(QCoreApplication::instance());
    const QString folder = QStringLiteral(":/clouddeck/i18n");
    if (translator->load(QLocale(), QStringLiteral("clouddeck"), QStringLiteral("_"), folder)
        || translator->load(QStringLiteral("clouddeck_en"), folder))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}
