#include "terminaltext.h"

namespace {
bool isUnsafe(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) // C0, DEL and C1 (0x9b is a one-byte CSI)
        return true;
    // Line/paragraph separators and the bidi embeddings, overrides and isolates, which reorder
    // what follows them on the line.
    return c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
           || (c >= 0x2066 && c <= 0x2069);
}
} // namespace

QString TerminalText::printable(const QString &text)
{
    if (!hasControlCharacters(text))
        return text;
    QString result;
    result.reserve(text.size() + 8);
    // Every character escaped here is in the BMP, so UTF-16 units are enough (surrogate pairs
    // pass through untouched).
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (!isUnsafe(c)) {
            result.append(ch);
            continue;
        }
        switch (c) {
        case u'\n':
            result.append(QLatin1String("\\n"));
            break;
        case u'\r':
            result.append(QLatin1String("\\r"));
            break;
        case u'\t':
            result.append(QLatin1String("\\t"));
            break;
        default:
            result.append(c < 0x100 ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'))
                                    : QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0')));
        }
    }
    return result;
}

bool TerminalText::hasControlCharacters(const QString &text)
{
    for (const QChar ch : text) {
        if (isUnsafe(ch.unicode()))
            return true;
    }
    return false;
}
