#pragma once

#include "clouddeck_core_export.h"
#include "result.h"
#include "metricrange.h"
#include "metricseries.h"
#include "packedseries.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QVariantMap>
#include <functional>
#include <optional>

class Inventory;
class Provider;

/**
 * @brief The metric series the user is looking at, fetched when due: one home for GUI and CLI.
 *
 * Rows on screen are watched (watch()/unwatch(), counted, so two views of one machine are one
 * watch). For them the last hour of CPU is fetched in one batched call per account and renewed
 * every listRefreshSeconds, and the last 7 days of CPU every idleRefreshSeconds, from which
 * idle() is decided (IdleRule). The machine whose details are open is focused: every kind over
 * the chosen span, renewed every detailsRefreshSeconds. Nothing else is fetched, so 10,000 rows
 * cost what the visible ones cost.
 *
 * Every answer goes to the MetricsStore (the offline cache); series() answers from memory, then
 * from the store, so offline the last fetched series are shown with their age (fetchedAt). A
 * failed fetch keeps what was shown and sets problem(); an account whose provider has no
 * "metrics" capability is never asked. Machine polling keeps priority through HttpClient's
 * shared per-host pacing: metrics requests are few and wait their turn like any other.
 */
class CLOUDDECK_CORE_EXPORT MetricsFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr int listRefreshSeconds = 5 * 60;
    static constexpr int detailsRefreshSeconds = 60;
    static constexpr int idleRefreshSeconds = 60 * 60;

    enum class Idleness { Unknown, Busy, Idle };
    Q_ENUM(Idleness)

    explicit MetricsFeed(Inventory *inventory, QObject *parent = nullptr);
    ~MetricsFeed() override;

    /// The clock deciding what is due and how old a series is (tests inject one).
    void setClock(std::function<QDateTime()> now);

    Q_INVOKABLE void watch(const QString &accountId, const QString &machineId);
    Q_INVOKABLE void unwatch(const QString &accountId, const QString &machineId);
    /// Details open on the machine: every kind over @p spanId ("1h", "24h", "7d", "30d").
    Q_INVOKABLE void focus(const QString &accountId, const QString &machineId,
                           const QString &spanId);
    Q_INVOKABLE void clearFocus();

    /// Whether the account's cloud offers metrics at all (the plugin's "metrics" capability).
    Q_INVOKABLE bool supported(const QString &accountId) const;
    /// The newest series known, from memory or the offline cache; nothing when none was fetched.
    [[nodiscard]] std::optional<MetricSeries> series(const QString &accountId,
                                                     const QString &machineId,
                                                     MetricSeries::Kind kind,
                                                     MetricRange::Span span) const;
    /// For QML: {"count", "min", "avg", "max", "last", "unit", "resolutionSeconds", "note",
    /// "fetchedAt"}; empty when no series is known. kindId as MetricSeries::kindId.
    Q_INVOKABLE QVariantMap summary(const QString &accountId, const QString &machineId,
                                    const QString &kindId, const QString &spanId) const;
    /// Why the machine's last fetch failed, in words for the user; empty when it did not.
    Q_INVOKABLE QString problem(const QString &accountId, const QString &machineId) const;
    /// From the last 7 days of CPU (IdleRule); Unknown until they are fetched and cover the week.
    [[nodiscard]] Idleness idleness(const QString &accountId, const QString &machineId) const;
    Q_INVOKABLE bool isIdle(const QString &accountId, const QString &machineId) const
    {
        return idleness(accountId, machineId) == Idleness::Idle;
    }

    /// Takes @p series as the newest for @p span (in memory and the offline cache) and tells
    /// the views. Every answer of a cloud ends here; tests feed series through it too.
    void remember(const MetricSeries &series, MetricRange::Span span);

    /// Fetches what is due now instead of at the next tick (the views call it after scrolling
    /// settles; tests call it to avoid waiting).
    Q_INVOKABLE void fetchDue();
    /// Whether an answer is still awaited (settled() follows when the last one arrives).
    [[nodiscard]] bool busy() const { return !m_inFlight.isEmpty(); }

signals:
    /// A series of the machine changed (any kind or span): views re-read series()/summary().
    void seriesChanged(const QString &accountId, const QString &machineId);
    void idlenessChanged(const QString &accountId, const QString &machineId);
    void problemChanged(const QString &accountId, const QString &machineId);
    /// Every request sent has been answered (the CLI prints then).
    void settled();

private:
    struct Key
    {
        QString accountId;
        QString machineId;
        MetricSeries::Kind kind;
        MetricRange::Span span;
        friend bool operator==(const Key &, const Key &) = default;
    };
    friend size_t qHash(const Key &key, size_t seed) noexcept;

    struct Request
    {
        QString accountId;
        QStringList machineIds;
        MetricSeries::Kind kind;
        MetricRange::Span span;
    };

    void scheduleSoon();
    [[nodiscard]] QList<Request> dueRequests() const;
    [[nodiscard]] bool isDue(const Key &key, int refreshSeconds) const;
    void send(const Request &request);
    void finish(const Request &request, const Result<QList<MetricSeries>> &answer);
    void handle(const Request &request, const Result<QList<MetricSeries>> &answer);
    void updateIdleness(const QString &accountId, const QString &machineId);
    [[nodiscard]] static QString machineKey(const QString &accountId, const QString &machineId);

    Inventory *m_inventory;
    std::function<QDateTime()> m_now;
    QTimer m_tick;
    QTimer m_soon;
    QHash<QString, int> m_watchCount; ///< machineKey → how many views watch it
    QString m_focusAccount;
    QString m_focusMachine;
    MetricRange::Span m_focusSpan = MetricRange::Span::Hour;
    /// Memory, filled from the store on first read; packed: 10,000 list rows hold an hour each.
    mutable QHash<Key, PackedSeries> m_series;
    mutable QSet<Key> m_storeMisses; ///< keys looked up in the store and not found there
    QHash<Key, QDateTime> m_lastAttempt; ///< when each key was last asked for (ok or not)
    QSet<Key> m_inFlight;
    QHash<QString, QString> m_problems; ///< machineKey → words
    QSet<QString> m_unsupported; ///< machineKey(accountId, kindId) the cloud does not offer
    QHash<QString, Idleness> m_idleness; ///< machineKey → decided state
};
