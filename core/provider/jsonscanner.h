#pragma once

#include "clouddeck_core_export.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

/**
 * @brief A strict one-pass JSON reader: a parser steps through the text and builds only what
 * it reads.
 *
 * QJsonDocument::fromJson builds every value of a reply, and for a listing of 10,000 droplets
 * that was half of all the CPU `machines list` spent; building only the members a parser reads
 * as QJsonObjects still cost as much (each insert is a CBOR container's allocation). With
 * JsonScanner a parser walks the text once, steps into objects and arrays, reads the strings
 * and numbers it wants straight into its own values and skips the rest without building
 * anything. Skipped text is checked as strictly as read text (grammar, escapes, UTF-8, nesting
 * depth), and the rules are QJsonDocument's: what it reads reads the same here, what it refuses
 * is refused, with the byte where it went wrong. That includes its leniencies beyond RFC 8259
 * (".5" and "1." as numbers, a raw control character or an unknown escape in a string), so no
 * reply that worked before fails now.
 *
 * After the first fault every call returns "nothing" (false, an undefined value) and fault()
 * says what and where; a caller checks failed() once at the end.
 */
class CLOUDDECK_CORE_EXPORT JsonScanner
{
public:
    /// What the next value is.
    enum class Kind { End, Null, Bool, Number, String, Array, Object };

    explicit JsonScanner(QByteArrayView text);

    /// The kind of the next value (nothing is consumed); End at the end of the text, or after a
    /// fault.
    [[nodiscard]] Kind peek();
    /// Whether the next value is an object / an array (nothing is consumed).
    [[nodiscard]] bool atObject();
    [[nodiscard]] bool atArray();
    /// Whether only whitespace is left.
    [[nodiscard]] bool atEnd();

    /// Steps into the object that comes next; false (nothing consumed) when it is not one.
    bool enterObject();
    /// Reads the next member's name and the colon after it, leaving the scanner on its value;
    /// false at the object's closing brace (consumed) or on a fault.
    bool nextMember(QByteArrayView &name);
    /// Steps into the array that comes next; false (nothing consumed) when it is not one.
    bool enterArray();
    /// Whether another item follows (the scanner is then on it); false at the closing bracket
    /// (consumed) or on a fault.
    bool nextItem();

    /// The next value, built whole (cheap for numbers, booleans and null).
    QJsonValue value();
    /// The next value when it is a string; any other value is skipped and reads as empty (as
    /// JsonReader::string()).
    QString string();
    /// The string items of the array that comes next, other items skipped; empty for anything
    /// but an array (as JsonReader::strings()).
    QStringList strings();
    /// Reads the object that comes next member by member: @p member(name) must read or skip
    /// each value. False (the value skipped) when the next value is not an object.
    template<typename Member>
    bool members(Member &&member)
    {
        if (!enterObject()) {
            skip();
            return false;
        }
        QByteArrayView name;
        while (nextMember(name))
            member(name);
        return true;
    }
    /// Steps over the next value, checking it.
    void skip();

    [[nodiscard]] bool failed() const { return m_faultAt >= 0; }
    /// What is wrong with the text ("an unterminated string"), empty while nothing is.
    [[nodiscard]] QString fault() const { return m_fault; }
    /// The byte where the fault was found.
    [[nodiscard]] qsizetype faultOffset() const { return m_faultAt; }
    /// Records a fault at the current position (the first one counts); always false.
    bool fail(const QString &what);

private:
    void skipSpace();
    bool expect(char c, const char *what);
    bool enter(char open);
    bool next(char close);
    /// Checks the string at the current position and leaves m_pos after its closing quote; its
    /// contents are [*start, m_pos - 1), and @p escaped says whether a backslash is among them.
    bool scanString(qsizetype *start, bool *escaped);
    [[nodiscard]] QString decodeString(qsizetype start, qsizetype end, bool escaped) const;
    bool scanUtf8();
    QJsonValue number();
    QJsonValue literal();
    QJsonValue object();
    QJsonValue array();

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    /// One flag per open container: whether its next member or item is its first (no comma).
    QVarLengthArray<bool, 16> m_first;
    QByteArray m_name; ///< the last member name, when it had escapes to undo
    QString m_fault;
    qsizetype m_faultAt = -1;
};
