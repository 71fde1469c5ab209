#include "jsonscanner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <charconv>
#include <cstring>

namespace {
// QJsonDocument's own limit, so the two refuse the same replies.
constexpr qsizetype maxDepth = 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonScanner", text);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QJsonValue undefined()
{
    return QJsonValue(QJsonValue::Undefined);
}
} // namespace

JsonScanner::JsonScanner(QByteArrayView text)
    : m_text(text)
{ }

bool JsonScanner::fail(const QString &what)
{
    if (m_faultAt < 0) {
        m_faultAt = m_pos;
        m_fault = what;
    }
    return false;
}

void JsonScanner::skipSpace()
{
    while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
        ++m_pos;
}

bool JsonScanner::atObject()
{
    skipSpace();
    return !failed() && m_pos < m_text.size() && m_text[m_pos] == '{';
}

bool JsonScanner::atArray()
{
    skipSpace();
    return !failed() && m_pos < m_text.size() && m_text[m_pos] == '[';
}

bool JsonScanner::atEnd()
{
    skipSpace();
    return m_pos >= m_text.size();
}

bool JsonScanner::expect(char c, const char *what)
{
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
        ++m_pos;
        return true;
    }
    return fail(m_pos < m_text.size() ? tr(what) : tr("the text ends too early"));
}

bool JsonScanner::enter(char open)
{
    skipSpace();
    if (failed() || m_pos >= m_text.size() || m_text[m_pos] != open)
        return false;
    if (m_first.size() >= maxDepth)
        return fail(tr("values are nested too deeply"));
    ++m_pos;
    m_first.append(true);
    return true;
}

bool JsonScanner::enterObject()
{
    return enter('{');
}

bool JsonScanner::enterArray()
{
    return enter('[');
}

bool JsonScanner::next(char close)
{
    if (failed() || m_first.isEmpty())
        return false;
    skipSpace();
    if (m_pos >= m_text.size())
        return fail(tr("the text ends too early"));
    if (m_text[m_pos] == close) {
        // "[1,]" never gets here: after a comma a value (or a name) must follow.
        ++m_pos;
        m_first.removeLast();
        return false;
    }
    if (!m_first.last()) {
        if (m_text[m_pos] != ',')
            return fail(tr("a comma or a closing bracket is missing"));
        ++m_pos;
        skipSpace();
    }
    m_first.last() = false;
    return true;
}

bool JsonScanner::nextMember(QByteArrayView &name)
{
    if (!next('}'))
        return false;
    if (m_pos >= m_text.size() || m_text[m_pos] != '"')
        return fail(tr("a member name is missing"));
    qsizetype start = 0;
    bool escaped = false;
    if (!scanString(&start, &escaped))
        return false;
    if (escaped) {
        m_name = decodeString(start, m_pos - 1, true).toUtf8();
        name = m_name;
    } else {
        name = m_text.sliced(start, m_pos - 1 - start);
    }
    return expect(':', "a colon after a member name is missing");
}

bool JsonScanner::nextItem()
{
    return next(']');
}

bool JsonScanner::scanString(qsizetype *start, bool *escaped)
{
    const char *data = m_text.data();
    const qsizetype size = m_text.size();
    ++m_pos; // the opening quote
    *start = m_pos;
    *escaped = false;
    while (m_pos < size) {
        const auto c = static_cast<unsigned char>(data[m_pos]);
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c == '\\') {
            *escaped = true;
            if (m_pos + 1 >= size)
                break;
            const char kind = data[m_pos + 1];
            if (kind == 'u') {
                if (m_pos + 5 >= size)
                    break;
                for (int i = 2; i < 6; ++i) {
                    if (hexValue(data[m_pos + i]) < 0)
                        return fail(tr("a \\u escape is not four hex digits"));
                }
                m_pos += 6;
                continue;
            }
            // Any other escaped character stands for itself, as QJsonDocument reads it.
            m_pos += 2;
            continue;
        }
        // A raw control character is not JSON, but QJsonDocument reads it, and so do we: a
        // reply it read must read the same here.
        if (c >= 0x80) {
            if (!scanUtf8())
                return false;
            continue;
        }
        ++m_pos;
    }
    return fail(tr("a string is not terminated"));
}

bool JsonScanner::scanUtf8()
{
    const auto lead = static_cast<unsigned char>(m_text[m_pos]);
    int length = 0;
    char32_t least = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        least = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        least = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        least = 0x10000;
    } else {
        return fail(tr("a string is not valid UTF-8"));
    }
    if (m_pos + length > m_text.size())
        return fail(tr("a string is not valid UTF-8"));
    char32_t code = lead & (0x7F >> length);
    for (int i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(m_text[m_pos + i]);
        if ((byte & 0xC0) != 0x80)
            return fail(tr("a string is not valid UTF-8"));
        code = (code << 6) | (byte & 0x3F);
    }
    if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return fail(tr("a string is not valid UTF-8"));
    m_pos += length;
    return true;
}

QString JsonScanner::decodeString(qsizetype start, qsizetype end, bool escaped) const
{
    const char *data = m_text.data();
    if (!escaped)
        return QString::fromUtf8(data + start, end - start);
    QString result;
    result.reserve(end - start);
    qsizetype run = start;
    for (qsizetype i = start; i < end;) {
        if (data[i] != '\\') {
            ++i;
            continue;
        }
        result += QString::fromUtf8(data + run, i - run);
        const char kind = data[i + 1];
        if (kind == 'u') {
            char16_t unit = 0;
            for (int k = 2; k < 6; ++k)
                unit = char16_t(unit << 4 | hexValue(data[i + k]));
            result += QChar(unit); // a surrogate pair's halves join as they come
            i += 6;
        } else {
            switch (kind) {
            case 'b':
                result += QLatin1Char('\b');
                break;
            case 'f':
                result += QLatin1Char('\f');
                break;
            case 'n':
                result += QLatin1Char('\n');
                break;
            case 'r':
                result += QLatin1Char('\r');
                break;
            case 't':
                result += QLatin1Char('\t');
                break;
            default:
                result += QChar(char16_t(uchar(kind)));
                break; // '"', '\\', '/', anything else
            }
            i += 2;
        }
        run = i;
    }
    result += QString::fromUtf8(data + run, end - run);
    return result;
}

QJsonValue JsonScanner::number()
{
    const char *data = m_text.data();
    const qsizetype size = m_text.size();
    const qsizetype start = m_pos;
    auto digits = [&] {
        const qsizetype from = m_pos;
        while (m_pos < size && isDigit(data[m_pos]))
            ++m_pos;
        return m_pos > from;
    };
    // QJsonDocument's grammar, which is laxer than RFC 8259 (".5" and "1." are numbers to it):
    // the characters a number may have, then a conversion that must take all of them.
    if (m_pos < size && data[m_pos] == '-')
        ++m_pos;
    if (m_pos < size && data[m_pos] == '0')
        ++m_pos;
    else
        digits();
    bool integral = true;
    if (m_pos < size && data[m_pos] == '.') {
        ++m_pos;
        integral = false;
        digits();
    }
    if (m_pos < size && (data[m_pos] == 'e' || data[m_pos] == 'E')) {
        ++m_pos;
        integral = false;
        if (m_pos < size && (data[m_pos] == '+' || data[m_pos] == '-'))
            ++m_pos;
        digits();
    }
    if (m_pos == start) {
        fail(tr("an unexpected character where a value should be"));
        return undefined();
    }
    // Whole numbers that fit are kept exact, as QJsonDocument keeps them.
    if (integral) {
        qint64 whole = 0;
        const auto [end, error] = std::from_chars(data + start, data + m_pos, whole);
        if (error == std::errc() && end == data + m_pos)
            return QJsonValue(whole);
    }
    double real = 0;
    const auto [end, error] = std::from_chars(data + start, data + m_pos, real);
    if (error != std::errc() || end != data + m_pos) {
        const qsizetype at = m_pos;
        m_pos = start;
        fail(tr("a number is not well formed"));
        m_pos = at;
        return undefined();
    }
    return QJsonValue(real);
}

QJsonValue JsonScanner::literal()
{
    const QByteArrayView rest = m_text.sliced(m_pos);
    const struct
    {
        const char *word;
        QJsonValue value;
    } literals[] = {{"true", QJsonValue(true)},
                    {"false", QJsonValue(false)},
                    {"null", QJsonValue(QJsonValue::Null)}};
    for (const auto &literal : literals) {
        if (rest.startsWith(QByteArrayView(literal.word))) {
            m_pos += qsizetype(std::strlen(literal.word));
            return literal.value;
        }
    }
    fail(tr("an unexpected character where a value should be"));
    return undefined();
}

JsonScanner::Kind JsonScanner::peek()
{
    skipSpace();
    if (failed() || m_pos >= m_text.size())
        return Kind::End;
    switch (m_text[m_pos]) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
    case 'f':
        return Kind::Bool;
    case 'n':
        return Kind::Null;
    default:
        return Kind::Number; // or a fault, which reading it finds
    }
}

QString JsonScanner::string()
{
    if (peek() != Kind::String) {
        skip();
        return {};
    }
    qsizetype start = 0;
    bool escaped = false;
    if (!scanString(&start, &escaped))
        return {};
    return decodeString(start, m_pos - 1, escaped);
}

QStringList JsonScanner::strings()
{
    QStringList result;
    if (!enterArray()) {
        skip();
        return result;
    }
    while (nextItem()) {
        if (peek() == Kind::String)
            result.append(string());
        else
            skip();
    }
    return failed() ? QStringList() : result;
}

QJsonValue JsonScanner::value()
{
    switch (peek()) {
    case Kind::End:
        fail(tr("the text ends too early")); // kept only when nothing failed before
        return undefined();
    case Kind::Object:
        return object();
    case Kind::Array:
        return array();
    case Kind::String:
        return string();
    case Kind::Bool:
    case Kind::Null:
        return literal();
    case Kind::Number:
        break;
    }
    return number();
}

QJsonValue JsonScanner::object()
{
    if (!enterObject())
        return undefined();
    QJsonObject object;
    QByteArrayView name;
    while (nextMember(name)) {
        // The key first: reading the value may reuse the buffer the name points into.
        const QString key = QString::fromUtf8(name);
        object.insert(key, value());
    }
    return failed() ? undefined() : QJsonValue(object);
}

QJsonValue JsonScanner::array()
{
    if (!enterArray())
        return undefined();
    QJsonArray array;
    while (nextItem())
        array.append(value());
    return failed() ? undefined() : QJsonValue(array);
}

void JsonScanner::skip()
{
    switch (peek()) {
    case Kind::End:
        fail(tr("the text ends too early")); // kept only when nothing failed before
        return;
    case Kind::Object: {
        enterObject();
        QByteArrayView name;
        while (nextMember(name))
            skip();
        return;
    }
    case Kind::Array:
        enterArray();
        while (nextItem())
            skip();
        return;
    case Kind::String: {
        qsizetype start = 0;
        bool escaped = false;
        scanString(&start, &escaped); // checked, not decoded
        return;
    }
    case Kind::Bool:
    case Kind::Null:
        literal();
        return;
    case Kind::Number:
        number();
        return;
    }
}
