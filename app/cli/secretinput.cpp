#include "secretinput.h"

#include <QFile>
#include <QTextStream>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

bool SecretInput::stdinIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin));
#else
    return isatty(STDIN_FILENO);
#endif
}

std::optional<QString> SecretInput::prompt(const QString &label)
{
    QTextStream err(stderr);
    err << label << QStringLiteral(": ") << Qt::flush;
#ifdef Q_OS_WIN
    HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    GetConsoleMode(input, &mode);
    SetConsoleMode(input, mode & ~ENABLE_ECHO_INPUT);
#else
    termios old {};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
#endif
    QTextStream in(stdin);
    QString line;
    const bool ok = in.readLineInto(&line);
#ifdef Q_OS_WIN
    SetConsoleMode(input, mode);
#else
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
#endif
    err << Qt::endl;
    if (!ok)
        return std::nullopt;
    return line;
}

std::optional<QStringList> SecretInput::read(const QStringList &labels)
{
    QStringList values;
    if (stdinIsTerminal()) {
        for (const QString &label : labels) {
            const auto value = prompt(label);
            if (!value)
                return std::nullopt;
            values.append(value->trimmed());
        }
        return values;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    const QString all = QString::fromUtf8(in.readAll());
    const QStringList lines = all.split(QLatin1Char('\n'));
    // Missing trailing lines are empty values: optional fields (an AWS session token) may be
    // left out, and a missing required one is reported by name when the account is validated.
    for (int i = 0; i < labels.size(); ++i)
        values.append(lines.value(i).trimmed());
    return values;
}
