#pragma once

// A numbered, paginated collection for the paging helpers' tests (tst_providerhelpers,
// tst_concurrentpages): items with ids "p<page>-<i>", a page count and, optionally, a stated
// total, as DigitalOcean, Hetzner and Linode give them.

#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace NumberedPages {

struct Item
{
    QString id;
};

inline Result<QList<Item>> items(const QJsonObject &page)
{
    return JsonReader::list<Item>(page, QStringLiteral("items"),
                                  [](const QJsonValue &value) -> Result<Item> {
                                      const QString id = JsonReader::id(value);
                                      if (id.isEmpty())
                                          return JsonReader::shapeError(QStringLiteral("no id"));
                                      return Item {id};
                                  });
}

inline Result<std::optional<int>> nextNumber(const QJsonObject &page, int current)
{
    const int pages = page.value(QLatin1String("pages")).toInt();
    return current < pages ? std::optional<int>(current + 1) : std::optional<int>();
}

inline std::optional<qint64> statedTotal(const QJsonObject &page)
{
    const QJsonValue total = page.value(QLatin1String("total"));
    return total.isDouble() ? std::optional<qint64>(qint64(total.toDouble())) : std::nullopt;
}

/// Page @p number of @p pages, @p perPage items each, ids "p<number>-<i>", stating @p total.
inline QJsonObject page(int number, int pages, int perPage, std::optional<qint64> total)
{
    QJsonArray list;
    for (int i = 0; i < perPage; ++i)
        list.append(QStringLiteral("p%1-%2").arg(number).arg(i));
    QJsonObject body {{QStringLiteral("items"), list}, {QStringLiteral("pages"), pages}};
    if (total)
        body.insert(QStringLiteral("total"), double(*total));
    return body;
}

} // namespace NumberedPages
