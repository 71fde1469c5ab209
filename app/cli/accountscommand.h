#pragma once

#include "account.h"

#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <optional>

class CliApp;
class QCommandLineParser;
struct ProviderMetadata;

/**
 * @brief `providers` and `accounts list|add|verify|edit|remove|import`.
 */
class AccountsCommand : public QObject
{
    Q_OBJECT
public:
    explicit AccountsCommand(CliApp *app);
    /// @p command is "providers" or "accounts"; @p arguments start with the program name.
    void run(const QString &command, const QStringList &arguments);

    /// "SHA256:AB:CD..." / "ab cd ..." / "abcd..." -> lower-case hex; empty when malformed.
    [[nodiscard]] static QByteArray normalizeFingerprint(const QString &text);

private:
    void providers(const QStringList &arguments);
    void list(const QStringList &arguments);
    void add(const QStringList &arguments);
    void verify(const QStringList &arguments);
    void edit(const QStringList &arguments);
    void remove(const QStringList &arguments);
    /// accounts import --clouds-yaml [FILE] [--cloud NAME]: OpenStack accounts from clouds.yaml.
    void importClouds(const QStringList &arguments);
    /// Options for a provider's non-secret credential fields (--access-key-id).
    void addFieldOptions(QCommandLineParser &parser, const ProviderMetadata &metadata);
    /// Reads the credential files given (--key-file FILE): their settings into @p account
    /// (unless given as options), their secrets returned; nullopt after reporting.
    std::optional<QVariantMap> readCredentialFiles(const QCommandLineParser &parser,
                                                   const ProviderMetadata &metadata,
                                                   Account &account);
    /// Reads the provider's secret fields from stdin / a prompt; nullopt after reporting.
    std::optional<QVariantMap> readSecrets(const ProviderMetadata &metadata);
    /// Applies --endpoint, --regions, --pin-cert/--unpin and field options; false after reporting.
    bool applyOptions(const QCommandLineParser &parser, const ProviderMetadata &metadata,
                      Account &account);

    CliApp *m_app;
};
