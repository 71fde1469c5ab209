#pragma once

#include "account.h"
#include "clouddeck_core_export.h"
#include "machine.h"

#include <QString>
#include <QStringList>

/**
 * @brief Where and as whom to log in to a machine: one rule for the GUI's "Open SSH", its
 * copied command and the CLI.
 *
 * The user is the account's (Account::Ssh::user) when set, else the login the cloud reports for
 * the machine (Azure's adminUsername, in Machine::extra "sshUser"), else the provider's default
 * (AWS: "ec2-user", from the plugin's metadata), else the app's setting (root unless changed).
 * The host is the first public address, or the first private one when the account says so (or
 * when there is no public one). Port and key file only appear when set.
 */
struct CLOUDDECK_CORE_EXPORT SshTarget
{
    QString user;
    QString host;
    int port = 22;
    QString identityFile;

    [[nodiscard]] bool isValid() const { return !host.isEmpty() && !user.isEmpty(); }

    /// @p providerUser: the plugin's default login ("" when the cloud has none);
    /// @p fallbackUser: the app's setting.
    [[nodiscard]] static SshTarget forMachine(const Machine &machine, const Account::Ssh &account,
                                              const QString &providerUser,
                                              const QString &fallbackUser);

    /// The arguments after "ssh": [-p PORT] [-i FILE] user@host (an IPv6 host as it is: ssh
    /// takes user@2001:db8::1).
    [[nodiscard]] QStringList arguments() const;
    /// "ssh -p 2222 -i '~/.ssh/my key' admin@203.0.113.7": for the clipboard, quoted for a POSIX
    /// shell where a value needs it.
    [[nodiscard]] QString commandLine() const;
    /// The user's terminal command (already split into arguments) with this target: "{ssh}" as
    /// a whole argument becomes "ssh" and arguments(); in every other argument {user}, {host}
    /// and {port} are replaced, and -p/-i are inserted after an argument naming ssh itself. A
    /// value never becomes more than one argument.
    [[nodiscard]] QStringList fill(const QStringList &commandTemplate) const;
};
