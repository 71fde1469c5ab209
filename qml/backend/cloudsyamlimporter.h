#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QUrl>

class AccountService;
class CloudsYamlImport;

/**
 * @brief The add-account flow's "Import clouds.yaml…": the same import as `clouddeck-cli
 * accounts import --clouds-yaml` (core's CloudsYamlImport), for a file the user picked.
 *
 * Secrets pass from the file to the keychain inside core; nothing here holds them.
 */
class CloudsYamlImporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// Where imported accounts go (given by the page, as AccountEditor's services are).
    Q_PROPERTY(AccountService *accountService MEMBER m_service NOTIFY changed REQUIRED)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)
public:
    explicit CloudsYamlImporter(QObject *parent = nullptr);

    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool failed() const { return m_failed; }

    /// Imports every cloud of @p file (and its secure.yaml), each signed in to first.
    Q_INVOKABLE void importFile(const QUrl &file);

Q_SIGNALS:
    void changed();
    /// Every cloud of the file was added.
    void imported(int count);

private:
    void setState(bool busy, bool failed, const QString &message);

    AccountService *m_service = nullptr;
    CloudsYamlImport *m_import = nullptr; ///< made on first use, for m_service
    bool m_busy = false;
    bool m_failed = false;
    QString m_message;
};
