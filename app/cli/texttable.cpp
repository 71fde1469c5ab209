#include "texttable.h"

#include "terminaltext.h"

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{ }

void TextTable::addRow(QStringList cells)
{
    // Cells hold what servers and users named things: never let them reach the terminal raw.
    for (QString &cell : cells)
        cell = TerminalText::printable(cell);
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(cells);
}

void TextTable::alignRight(int column)
{
    m_rightAligned.append(column);
}

QString TextTable::toString() const
{
    QList<int> widths;
    for (const QString &header : m_headers)
        widths.append(int(header.size()));
    for (const QStringList &row : m_rows) {
        for (int column = 0; column < widths.size(); ++column)
            widths[column] = std::max(widths[column], int(row.at(column).size()));
    }
    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (int column = 0; column < widths.size(); ++column) {
            const bool last = column == widths.size() - 1;
            if (m_rightAligned.contains(column))
                padded.append(cells.at(column).rightJustified(widths[column]));
            else
                padded.append(last ? cells.at(column)
                                   : cells.at(column).leftJustified(widths[column]));
        }
        return padded.join(QStringLiteral("  ")) + QLatin1Char('\n');
    };
    QString result = line(m_headers);
    for (const QStringList &row : m_rows)
        result += line(row);
    return result;
}
