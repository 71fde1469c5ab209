#include "awspricecache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

Q_DECLARE_LOGGING_CATEGORY(lcAws)

namespace {
// 2: "amount" (per hour or per GB-month) instead of "hourly", and EBS storage entries. A file
// of another version is an empty cache.
constexpr int formatVersion = 2;
} // namespace

AwsPriceCache::AwsPriceCache(QString fileName)
    : m_fileName(fileName.isEmpty() ? defaultFileName() : std::move(fileName))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

QString AwsPriceCache::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
           + QStringLiteral("/aws-prices.json");
}

QHash<QString, AwsPriceCache::Entry> AwsPriceCache::read() const
{
    QHash<QString, Entry> entries;
    QFile file(m_fileName);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    const QJsonObject root = QJsonDocument::fromJson(file.read(4 * 1024 * 1024)).object();
    if (root.value(QLatin1String("version")).toInt() != formatVersion)
        return entries; // another version, or not ours: start afresh
    const QJsonObject prices = root.value(QLatin1String("prices")).toObject();
    for (auto it = prices.constBegin(); it != prices.constEnd(); ++it) {
        const QJsonObject object = it.value().toObject();
        Entry entry;
        entry.fetchedAt =
            QDateTime::fromString(object.value(QLatin1String("fetchedAt")).toString(), Qt::ISODate);
        if (!entry.fetchedAt.isValid())
            continue;
        const QString amount = object.value(QLatin1String("amount")).toString();
        if (!amount.isEmpty())
            entry.price = AwsPriceList::Price {
                amount, object.value(QLatin1String("currency")).toString(QStringLiteral("USD"))};
        entries.insert(it.key(), entry);
    }
    return entries;
}

void AwsPriceCache::load()
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_entries = read();
}

std::optional<AwsPriceCache::Entry> AwsPriceCache::find(const QString &id)
{
    load();
    const auto it = m_entries.constFind(id);
    if (it == m_entries.constEnd())
        return std::nullopt;
    const qint64 age = it->fetchedAt.secsTo(m_clock());
    // A time in the future (a clock set back) is not trusted either.
    if (age < 0 || age >= maxAgeSeconds)
        return std::nullopt;
    return *it;
}

void AwsPriceCache::insert(const QString &id, const std::optional<AwsPriceList::Price> &price)
{
    load();
    const Entry entry {price, m_clock()};
    m_entries.insert(id, entry);
    m_unsaved.insert(id, entry);
}

bool AwsPriceCache::save()
{
    if (m_unsaved.isEmpty())
        return true;
    // What is on disk (another process may have added prices), then ours over it; expired
    // entries are dropped so the file does not grow for ever.
    QHash<QString, Entry> merged = read();
    for (auto it = m_unsaved.cbegin(); it != m_unsaved.cend(); ++it)
        merged.insert(it.key(), it.value());
    const QDateTime now = m_clock();
    QJsonObject prices;
    for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
        const qint64 age = it->fetchedAt.secsTo(now);
        if (age < 0 || age >= maxAgeSeconds)
            continue;
        QJsonObject object {
            {QStringLiteral("fetchedAt"), it->fetchedAt.toUTC().toString(Qt::ISODate)}};
        if (it->price) {
            object.insert(QStringLiteral("amount"), it->price->amount);
            object.insert(QStringLiteral("currency"), it->price->currency);
        }
        prices.insert(it.key(), object);
    }
    QDir().mkpath(QFileInfo(m_fileName).absolutePath());
    QSaveFile file(m_fileName);
    const QByteArray bytes = QJsonDocument(QJsonObject {{QStringLiteral("version"), formatVersion},
                                                        {QStringLiteral("prices"), prices}})
                                 .toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcAws).noquote()
            << "could not save AWS prices to" << m_fileName << ":" << file.errorString();
        return false;
    }
    m_unsaved.clear();
    return true;
}
