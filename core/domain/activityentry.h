#pragma once

#include "clouddeck_core_export.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

/**
 * @brief One thing the user did to a machine (an action, a create) and how it ended: a line of
 * the activity log the GUI and the CLI both write (ActivityStore) and show.
 *
 * Names are copied at the time (a machine destroyed since is still named); the message is what
 * the user was told (an error's sentence), which never holds a secret.
 */
struct CLOUDDECK_CORE_EXPORT ActivityEntry
{
    Q_DECLARE_TR_FUNCTIONS(ActivityEntry)
public:
    enum class Outcome {
        Started, ///< sent to the cloud; nothing known yet (a CLI run without --wait ends here)
        Succeeded,
        Failed,
    };

    qint64 id = 0; ///< the store's order: larger is newer
    QDateTime at; ///< UTC
    QString accountId;
    QString accountName;
    QString machineId;
    QString machineName;
    QString action; ///< MachineAction::id() or "create"
    Outcome outcome = Outcome::Started;
    QString message;
    QString source; ///< the program that did it: "clouddeck" or "clouddeck-cli"

    [[nodiscard]] static QString outcomeId(Outcome outcome);
    [[nodiscard]] static Outcome outcomeFromId(const QString &id);
    /// "Reboot", "Create": the action as a word for a column.
    [[nodiscard]] QString actionText() const;
    /// "Sent", "Done", "Failed".
    [[nodiscard]] static QString outcomeText(Outcome outcome);
    /// The stable JSON of `activity --json`: {time (ISO 8601 UTC), account, accountId, machine,
    /// machineId, action, outcome, message, source}.
    [[nodiscard]] QJsonObject toJson() const;
};
