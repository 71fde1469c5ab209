#include "cliapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Same application name as the GUI: both read the same accounts, cache and keychain entries.
    QCoreApplication::setApplicationName(QStringLiteral("clouddeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOUDDECK_VERSION_STRING));
    CliApp cli;
    return cli.run(QCoreApplication::arguments());
}
