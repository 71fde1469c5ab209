#include "cliapp.h"
#include "translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <cstdlib>
#include <memory>

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
    auto cli = std::make_unique<CliApp>();
    const int code = cli->run(QCoreApplication::arguments());
    cli->closeFiles();
#ifndef CLOUDDECK_SANITIZE
    // The process ends without freeing what it built. A list of 10,000 machines is some 120,000
    // allocations, and freeing them one by one took longer than printing them (17 ms of a 0.6 s
    // list of ten accounts); the kernel takes the memory back at once. Nothing is lost: settings
    // are synced when written, the output is flushed and the cache closed just above. The
    // sanitizer build keeps the full teardown, so LeakSanitizer still checks every destructor.
    std::fflush(nullptr);
    std::_Exit(code);
#endif
    return code;
}
