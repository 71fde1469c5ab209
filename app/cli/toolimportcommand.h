#pragma once

#include <QObject>
#include <QStringList>

class CliApp;

/**
 * @brief `accounts import --from-tools [--tool NAME] [--yes] [--no-verify] [--json]`: the
 * credentials of doctl, hcloud, linode-cli, vultr-cli and the AWS CLI offered as accounts.
 *
 * Without --yes it only lists what it found (nothing is saved); with --yes each importable one is
 * verified and added, duplicates of existing accounts are named, and the tools' files are left
 * as they are (the user is told they still hold the secret).
 */
class ToolImportCommand : public QObject
{
    Q_OBJECT
public:
    explicit ToolImportCommand(CliApp *app);
    /// @p arguments start with the program name, as QCommandLineParser wants.
    void run(const QStringList &arguments);

private:
    CliApp *m_app;
};
