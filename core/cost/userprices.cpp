#include "userprices.h"

#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace {
// Ids go into keys percent-encoded: a '/' would open a settings group, and machine ids may hold
// one (Proxmox "node/qemu/100").
QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}
} // namespace

UserPrices::UserPrices(QObject *parent)
    : UserPrices(defaultFileName(), parent)
{ }

UserPrices::UserPrices(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_settings(new QSettings(fileName, QSettings::IniFormat, this))
{
    index();
}

UserPrices::~UserPrices() = default;

QString UserPrices::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
           + QStringLiteral("/prices.ini");
}

QString UserPrices::fileName() const
{
    return m_settings->fileName();
}

QString UserPrices::machineKey(const QString &accountId, const QString &machineId)
{
    return QStringLiteral("machines/%1/%2").arg(encoded(accountId), encoded(machineId));
}

QString UserPrices::sizeKey(const QString &accountId, const QString &size)
{
    return QStringLiteral("sizes/%1/%2").arg(encoded(accountId), encoded(size));
}

std::optional<Money> UserPrices::read(const QString &key) const
{
    // From memory: the summary and every cost cell ask for each machine, and QSettings' own
    // lookup (a key string built, a map searched, a QVariant made) cost 10,000 rows 60 ms.
    if (m_prices.isEmpty())
        return std::nullopt;
    const auto found = m_prices.constFind(key);
    return found == m_prices.cend() ? std::nullopt : std::optional<Money>(*found);
}

void UserPrices::index()
{
    m_prices.clear();
    const QList<Entry> all = entries();
    for (const Entry &entry : all) {
        m_prices.insert(entry.scope == Entry::Scope::Machine
                            ? machineKey(entry.accountId, entry.key)
                            : sizeKey(entry.accountId, entry.key),
                        entry.price);
    }
}

std::optional<Money> UserPrices::stored(const QString &key) const
{
    const QString text = m_settings->value(key).toString();
    if (text.isEmpty())
        return std::nullopt;
    // Written as "12.50 EUR"; a hand-edited value without a currency is not guessed at.
    const QStringList parts = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() != 2 || !Money::isCurrencyCode(parts.at(1)))
        return std::nullopt;
    return Money::fromDecimal(parts.at(0), parts.at(1));
}

bool UserPrices::write(const QString &key, const std::optional<Money> &price)
{
    if (price)
        m_settings->setValue(key, price->plainText() + QLatin1Char(' ') + price->currency());
    else
        m_settings->remove(key);
    m_settings->sync();
    index();
    Q_EMIT changed();
    return m_settings->status() == QSettings::NoError;
}

std::optional<Money> UserPrices::machinePrice(const QString &accountId,
                                              const QString &machineId) const
{
    if (m_prices.isEmpty()) // the common case: no key built
        return std::nullopt;
    return read(machineKey(accountId, machineId));
}

std::optional<Money> UserPrices::sizePrice(const QString &accountId, const QString &size) const
{
    if (size.isEmpty() || m_prices.isEmpty())
        return std::nullopt;
    return read(sizeKey(accountId, size));
}

bool UserPrices::setMachinePrice(const QString &accountId, const QString &machineId,
                                 const std::optional<Money> &price)
{
    return write(machineKey(accountId, machineId), price);
}

std::optional<Money> UserPrices::readAmount(const QString &typed, const QString &currency)
{
    // A decimal comma is what many people type ("12,50"); thousands separators are not guessed
    // at, so only a lone comma with no dot is read as one.
    QString text = typed.trimmed();
    if (text.count(QLatin1Char(',')) == 1 && !text.contains(QLatin1Char('.')))
        text.replace(QLatin1Char(','), QLatin1Char('.'));
    return Money::parse(text, currency);
}

QList<UserPrices::Entry> UserPrices::entries() const
{
    QList<Entry> result;
    const auto scan = [&](const QString &group, Entry::Scope scope) {
        QStringList keys; // "account/key", both still encoded
        m_settings->beginGroup(group);
        const QStringList accounts = m_settings->childGroups();
        for (const QString &account : accounts) {
            m_settings->beginGroup(account);
            const QStringList names = m_settings->childKeys();
            for (const QString &name : names)
                keys.append(account + QLatin1Char('/') + name);
            m_settings->endGroup();
        }
        m_settings->endGroup();
        for (const QString &key : std::as_const(keys)) {
            const std::optional<Money> price = stored(group + QLatin1Char('/') + key);
            if (!price)
                continue;
            const qsizetype slash = key.indexOf(QLatin1Char('/'));
            result.append({scope, QUrl::fromPercentEncoding(key.left(slash).toLatin1()),
                           QUrl::fromPercentEncoding(key.mid(slash + 1).toLatin1()), *price});
        }
    };
    scan(QStringLiteral("machines"), Entry::Scope::Machine);
    scan(QStringLiteral("sizes"), Entry::Scope::Size);
    return result;
}

bool UserPrices::setSizePrice(const QString &accountId, const QString &size,
                              const std::optional<Money> &price)
{
    return write(sizeKey(accountId, size), price);
}

QString UserPrices::targetCurrency() const
{
    const QString target = m_settings->value(QStringLiteral("rates/target")).toString();
    return Money::isCurrencyCode(target) ? target : QString();
}

std::optional<qint64> UserPrices::ratePpm(const QString &currency) const
{
    if (currency == targetCurrency())
        return 1'000'000;
    const QString text = m_settings->value(QStringLiteral("rates/") + currency).toString();
    // A rate is a decimal with up to 6 places ("1.08"); Money's exact decimal reading gives it
    // in hundredths, so read it with a multiplier that lands on parts per million.
    static const QRegularExpression form(QStringLiteral("^[0-9]{1,6}(\\.[0-9]{1,6})?$"));
    if (!form.match(text).hasMatch())
        return std::nullopt;
    const std::optional<Money> scaled = Money::fromDecimal(text, currency, 10'000);
    if (!scaled || scaled->minorUnits() <= 0)
        return std::nullopt;
    return scaled->minorUnits();
}

QHash<QString, qint64> UserPrices::rates() const
{
    QHash<QString, qint64> result;
    const QString target = targetCurrency();
    if (target.isEmpty())
        return result;
    m_settings->beginGroup(QStringLiteral("rates"));
    const QStringList keys = m_settings->childKeys();
    m_settings->endGroup();
    for (const QString &key : keys) {
        if (!Money::isCurrencyCode(key))
            continue;
        if (const auto rate = ratePpm(key))
            result.insert(key, *rate);
    }
    result.insert(target, 1'000'000);
    return result;
}

bool UserPrices::setRate(const QString &targetCurrency, const QString &currency,
                         const std::optional<QString> &rate)
{
    m_settings->setValue(QStringLiteral("rates/target"), targetCurrency);
    if (rate)
        m_settings->setValue(QStringLiteral("rates/") + currency, *rate);
    else
        m_settings->remove(QStringLiteral("rates/") + currency);
    m_settings->sync();
    Q_EMIT changed();
    return m_settings->status() == QSettings::NoError;
}

void UserPrices::reload()
{
    m_settings->sync();
    index();
    Q_EMIT changed();
}
