#include "createmachinerequest.h"

#include <QRegularExpression>

bool CreateMachineRequest::isValidName(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$"));
    return pattern.match(name).hasMatch();
}

bool CreateMachineRequest::isValidTag(const QString &tag)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9:._-]{1,64}$"));
    return pattern.match(tag).hasMatch();
}

QStringList CreateMachineRequest::parseTags(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString CreateMachineRequest::windowsPasswordProblem(const QString &password)
{
    // Azure's rules for a Windows VM's adminPassword. The Compute API's own description
    // (azure-rest-api-specs, Compute 2024-07-01 virtualMachine.json, OSProfile.adminPassword)
    // gives at most 123 characters, 3 of the 4 kinds (lower, upper, digit, special: [\W_]) and
    // ten refused values, all shorter than 12. The 12-character minimum is what the portal and
    // the Azure CLI enforce for Windows ("Passwords must be 12 - 123 characters in length",
    // learn.microsoft.com/azure/virtual-machines/windows/faq, "What are the password
    // requirements when creating a VM?"): the stricter of the two, so Azure never refuses a
    // password CloudDeck let through.
    if (password.size() < 12 || password.size() > 123)
        return tr("Use 12 to 123 characters for the administrator password.");
    static const QRegularExpression lower(QStringLiteral("[a-z]"));
    static const QRegularExpression upper(QStringLiteral("[A-Z]"));
    static const QRegularExpression digit(QStringLiteral("[0-9]"));
    static const QRegularExpression special(QStringLiteral("[\\W_]"));
    const int kinds = int(password.contains(lower)) + int(password.contains(upper))
                      + int(password.contains(digit)) + int(password.contains(special));
    if (kinds < 3)
        return tr("Use 3 of these in the administrator password: lower case, upper case, a "
                  "digit, another character.");
    return {};
}

QString CreateMachineRequest::fieldId(Field field)
{
    switch (field) {
    case Name:
        return QStringLiteral("name");
    case Region:
        return QStringLiteral("region");
    case Size:
        return QStringLiteral("size");
    case Image:
        return QStringLiteral("image");
    case Tags:
        return QStringLiteral("tag");
    }
    return {};
}

QList<CreateMachineRequest::Problem> CreateMachineRequest::problems() const
{
    QList<Problem> result;
    if (region.trimmed().isEmpty())
        result.append({Region, tr("Choose a region.")});
    if (size.trimmed().isEmpty())
        result.append({Size, tr("Choose a size.")});
    if (image.trimmed().isEmpty())
        result.append({Image, tr("Choose an image.")});
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        result.append({Name, tr("Give the machine a name.")});
    } else if (!isValidName(trimmed)) {
        result.append({Name, tr("Use letters, digits, dots and dashes, starting and ending with a "
                                "letter or digit (at most 63 characters).")});
    }
    for (const QString &tag : tags) {
        if (!isValidTag(tag)) {
            result.append(
                {Tags,
                 tr("Tags may use letters, digits and : . _ - only; \"%1\" does not.").arg(tag)});
        }
    }
    return result;
}

QString CreateMachineRequest::problem(Field field) const
{
    const QList<Problem> all = problems();
    for (const Problem &problem : all) {
        if (problem.field == field)
            return problem.message;
    }
    return {};
}

QString CreateMachineRequest::validate() const
{
    const QList<Problem> all = problems();
    return all.isEmpty() ? QString() : all.constFirst().message;
}
