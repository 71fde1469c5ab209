#pragma once

#include "clouddeck_core_export.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

/**
 * @brief What the user asked for in the create wizard or `machines create`, and the rules it
 * must meet before anything is sent (the same for both front ends).
 */
struct CLOUDDECK_CORE_EXPORT CreateMachineRequest
{
    Q_DECLARE_TR_FUNCTIONS(CreateMachineRequest)
public:
    /// The part of the request a problem is about (the wizard shows it on that step, the CLI
    /// names the option).
    enum Field { Name, Region, Size, Image, Tags };

    struct Problem
    {
        Field field = Name;
        QString message;
        bool operator==(const Problem &) const = default;
    };

    QString name;
    QString region;
    QString size;
    QString image;
    QStringList sshKeys; ///< key ids (or fingerprints where the provider accepts them)
    QStringList tags;
    QString userData;
    QVariantMap extra; ///< provider-specific options (AWS subnet, security group)
    /// A secret: the administrator password of a Windows machine, as the user typed it. It goes
    /// only into the provider's create request; no JSON, cache, setting, log line or command
    /// line ever holds it (this struct has no serialisation, and none may add this field).
    /// Empty for every other machine.
    QString adminPassword;

    /// Every rule the request breaks, in the order the wizard asks (region, size, image, name,
    /// tags); empty when it may be sent. The name is judged trimmed, as it will be sent.
    [[nodiscard]] QList<Problem> problems() const;
    /// The first problem about @p field, or empty.
    [[nodiscard]] QString problem(Field field) const;
    /// The first problem as a sentence, or empty when the request may be sent.
    [[nodiscard]] QString validate() const;

    /// "web-1": letters, digits, dots and dashes, starting and ending with a letter or digit,
    /// at most 63 characters (a DNS label: every cloud we support accepts it as a host name).
    [[nodiscard]] static bool isValidName(const QString &name);
    /// Letters, digits and ": . _ -", 1 to 64 characters: what every provider's tags/labels take.
    [[nodiscard]] static bool isValidTag(const QString &tag);
    /// "production, web" or "production web" -> {"production", "web"}.
    [[nodiscard]] static QStringList parseTags(const QString &text);
    /// What keeps @p password from being a Windows administrator password Azure accepts, or
    /// empty. The rules Microsoft documents: 12 to 123 characters, and 3 of 4 kinds (lower case,
    /// upper case, digit, other).
    [[nodiscard]] static QString windowsPasswordProblem(const QString &password);
    /// The option or word naming @p field ("name", "region", ...).
    [[nodiscard]] static QString fieldId(Field field);
};
