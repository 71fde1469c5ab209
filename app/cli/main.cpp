#include "cliapp.h"
#include "translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Same application name as the GUI: both read the same accounts, cache and keychain entries.
    QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOUDDECK_VERSION_STRING));
    // A command line tool answers in one clear line per problem; CloudDeck's informational log
    // lines would repeat it, and so would the cache's and the inventory's warnings, whose every
    // case the CLI reports itself (a recovered or read-only cache, a failed write, kept rows).
    // QT_LOGGING_RULES (e.g. "clouddeck.*=true") brings them back.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("clouddeck.*.info=false\n"
                                                        "clouddeck.cache.warning=false\n"
                                                        "clouddeck.inventory.warning=false"));
    }
    // The same words and plurals as the GUI ("1 machine", "2 machines"), in the user's language.
    Translations::install();
    CliApp cli;
    return cli.run(QCoreApplication::arguments());
}
