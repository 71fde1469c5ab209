#include "awsxmlelement.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <vector>

namespace {
Error invalid(const QString &why)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("AwsProvider",
                                             "AWS sent a reply CloudDeck cannot read (%1). Try "
                                             "again; if it persists, check the account's endpoint.")
                     .arg(why));
}
} // namespace

Result<AwsXmlElement> AwsXmlElement::parse(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    AwsXmlElement root;
    bool haveRoot = false;
    // Pointers to the open elements, innermost last. Only the innermost one gains children, so
    // the ancestors (which live in their parents' lists) never move while they are open.
    std::vector<AwsXmlElement *> open;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (open.size() >= size_t(maxDepth))
                return invalid(QStringLiteral("elements nested more than %1 deep").arg(maxDepth));
            AwsXmlElement *element = nullptr;
            if (open.empty()) {
                element = &root;
                haveRoot = true;
            } else {
                open.back()->m_children.append(AwsXmlElement());
                element = &open.back()->m_children.last();
            }
            element->m_name = reader.name().toString();
            open.push_back(element);
            break;
        }
        case QXmlStreamReader::Characters:
            if (!open.empty())
                open.back()->m_text += reader.text();
            break;
        case QXmlStreamReader::EndElement:
            if (!open.empty()) {
                open.back()->m_text = open.back()->m_text.trimmed();
                open.pop_back();
            }
            break;
        case QXmlStreamReader::DTD:
            return invalid(QStringLiteral("a document type declaration"));
        case QXmlStreamReader::EntityReference:
            return invalid(QStringLiteral("an unknown entity"));
        default:
            break;
        }
    }
    if (reader.hasError()) {
        return invalid(QStringLiteral("malformed XML at line %1: %2")
                           .arg(reader.lineNumber())
                           .arg(reader.errorString()));
    }
    if (!haveRoot)
        return invalid(QStringLiteral("an empty reply"));
    return root;
}

const AwsXmlElement *AwsXmlElement::child(QStringView name) const
{
    for (const AwsXmlElement &element : m_children) {
        if (element.m_name == name)
            return &element;
    }
    return nullptr;
}

const AwsXmlElement *AwsXmlElement::at(QStringView path) const
{
    const AwsXmlElement *element = this;
    for (const QStringView part : path.split(u'/')) {
        element = element->child(part);
        if (!element)
            return nullptr;
    }
    return element;
}

QString AwsXmlElement::textAt(QStringView path) const
{
    const AwsXmlElement *element = at(path);
    return element ? element->m_text : QString();
}

QList<const AwsXmlElement *> AwsXmlElement::items(QStringView path) const
{
    QList<const AwsXmlElement *> result;
    const AwsXmlElement *list = at(path);
    if (!list)
        return result;
    for (const AwsXmlElement &element : list->m_children) {
        if (element.m_name == u"item")
            result.append(&element);
    }
    return result;
}

const AwsXmlElement *AwsXmlElement::find(QStringView name) const
{
    for (const AwsXmlElement &element : m_children) {
        if (element.m_name == name)
            return &element;
        if (const AwsXmlElement *found = element.find(name))
            return found;
    }
    return nullptr;
}
