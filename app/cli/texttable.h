#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/**
 * @brief A plain-text table for terminals: columns padded to their widest cell.
 */
class TextTable
{
public:
    explicit TextTable(QStringList headers);
    void addRow(QStringList cells);
    /// Right-align column @p column (numbers, prices).
    void alignRight(int column);
    [[nodiscard]] QString toString() const;
    [[nodiscard]] bool isEmpty() const { return m_rows.isEmpty(); }

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<int> m_rightAligned;
};
