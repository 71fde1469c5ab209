#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

/**
 * @brief One element of an EC2 Query API reply: its local name, its own text and its children,
 * read with QXmlStreamReader into a small tree.
 *
 * EC2 replies are nested "...Set/item" lists several levels deep (reservationSet/item/instancesSet/
 * item/tagSet/item); a tree lets the parsers name what they want and ignore the rest, and it makes
 * every reply, however mangled, either a tree or an InvalidReply error. Names are local names:
 * the namespace (which changes with the API version and between EC2-compatible clouds) is ignored.
 * DTDs are refused (AWS never sends one) and nesting is bounded, so a hostile reply can neither
 * expand entities nor exhaust the stack.
 */
class AwsXmlElement
{
public:
    /// The document's root element, or InvalidReply (not XML, truncated, DTD, nested too deep).
    [[nodiscard]] static Result<AwsXmlElement> parse(const QByteArray &xml);

    [[nodiscard]] const QString &name() const { return m_name; }
    /// The element's own character data, trimmed.
    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] const QList<AwsXmlElement> &children() const { return m_children; }

    /// The first direct child called @p name, or nullptr.
    [[nodiscard]] const AwsXmlElement *child(QStringView name) const;
    /// The element at a '/'-separated path of direct children ("instanceState/name"), or nullptr.
    [[nodiscard]] const AwsXmlElement *at(QStringView path) const;
    /// The text at @p path, empty when absent.
    [[nodiscard]] QString textAt(QStringView path) const;
    /// The "item" children of the element at @p path (EC2's list shape); empty when absent.
    [[nodiscard]] QList<const AwsXmlElement *> items(QStringView path) const;
    /// The first element called @p name anywhere below this one (depth first), or nullptr.
    [[nodiscard]] const AwsXmlElement *find(QStringView name) const;

    /// How deep a reply may nest; EC2's deepest documented shape is about 10.
    static constexpr int maxDepth = 64;

private:
    QString m_name;
    QString m_text;
    QList<AwsXmlElement> m_children;
};
