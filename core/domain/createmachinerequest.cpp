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
