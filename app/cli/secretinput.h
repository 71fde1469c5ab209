#pragma once

#include <QString>
#include <QStringList>
#include <optional>

/**
 * @brief Reads secrets the only ways CloudDeck accepts them: from standard input, or from a
 * no-echo prompt when standard input is a terminal. Never from the command line.
 */
class SecretInput
{
public:
    [[nodiscard]] static bool stdinIsTerminal();
    /// One secret per label: prompted without echo on a terminal; otherwise one line each from
    /// stdin, missing lines as empty values. nullopt when a prompt's input ends.
    [[nodiscard]] static std::optional<QStringList> read(const QStringList &labels);

private:
    [[nodiscard]] static std::optional<QString> prompt(const QString &label);
};
