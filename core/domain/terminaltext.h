#pragma once

#include "clouddeck_core_export.h"

#include <QString>

/**
 * Text from a server (machine names, tags, error details) or from the settings, made safe to
 * print on a terminal: every control character, including ESC (terminal escape sequences), CR,
 * newline and tab, and the Unicode bidi overrides are shown as visible escapes (`\x1b`, `\n`,
 * `\u202e`) instead of reaching the terminal raw. A hostile cloud cannot move the cursor, recolour
 * the screen, retitle the window or hide rows in our tables. Names we store (accounts) must not
 * contain such characters at all (AccountStore::validate).
 */
namespace TerminalText {
[[nodiscard]] CLOUDDECK_CORE_EXPORT QString printable(const QString &text);
/// True when @p text has a character printable() would escape.
[[nodiscard]] CLOUDDECK_CORE_EXPORT bool hasControlCharacters(const QString &text);
} // namespace TerminalText
