#pragma once

#include "clouddeck_core_export.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/**
 * @brief What each cloud accepts as a machine's name and as its tags when they are edited: the
 * one home of these rules, for Inventory (and so the GUI and the CLI alike).
 *
 * Each rule is taken from the cloud's own API description, cited where it is checked. A name or
 * tag that passes may still be refused by the cloud (a name already taken, a rule the
 * description does not state); then the cloud's own message reaches the user.
 */
class CLOUDDECK_CORE_EXPORT MachineEditRules
{
    Q_DECLARE_TR_FUNCTIONS(MachineEditRules)
public:
    /// Why @p name cannot be the new name of a machine of @p providerId; empty when it can.
    [[nodiscard]] static QString nameProblem(const QString &providerId, const QString &name);
    /// Why @p tag (as CloudDeck shows it: "prod", or "env=prod" where tags are key/value
    /// pairs) cannot be a tag of a machine of @p providerId; empty when it can.
    [[nodiscard]] static QString tagProblem(const QString &providerId, const QString &tag);
    /// The first problem of the new tag list @p tags replacing @p previous: each tag's, then
    /// the list's own (AWS: the Name tag is the name, changed by a rename only).
    [[nodiscard]] static QString tagsProblem(const QString &providerId, const QStringList &tags,
                                             const QStringList &previous);
};
