#pragma once

#include "metricseries.h"
#include "metricsfeed.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQmlParserStatus>
#include <QVariantList>

/**
 * @brief One machine's series of one kind and span, for a sparkline or a graph to draw.
 *
 * While it lives (and is active) it tells the MetricsFeed it is looked at: a list row watches
 * its machine (watch: true; the feed counts watchers), the details pane focuses it (watch:
 * false). It re-reads the feed's series when the feed says this machine's changed, and offers
 * the points to the painted items in C++ (points()), so nothing is copied into QML per frame;
 * QML gets only the words: the last value, min/avg/max, the resolution, the problem.
 */
class MetricSource : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    Q_MOC_INCLUDE("metricsfeed.h")
    QML_ELEMENT
    Q_PROPERTY(MetricsFeed *feed READ feed WRITE setFeed NOTIFY feedChanged)
    Q_PROPERTY(QString accountId READ accountId WRITE setAccountId NOTIFY keyChanged)
    Q_PROPERTY(QString machineId READ machineId WRITE setMachineId NOTIFY keyChanged)
    /// MetricSeries::kindId: "cpu", "network_in", "network_out", "disk_read", "disk_write".
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY keyChanged)
    /// MetricRange::spanId: "1h", "24h", "7d", "30d".
    Q_PROPERTY(QString span READ span WRITE setSpan NOTIFY keyChanged)
    /// true: a row on screen (MetricsFeed::watch); false: the open details (MetricsFeed::focus).
    Q_PROPERTY(bool watch READ watch WRITE setWatch NOTIFY keyChanged)
    /// false while the view holding it is pooled or hidden: nothing is watched then.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY keyChanged)

    Q_PROPERTY(bool supported READ supported NOTIFY dataChanged)
    Q_PROPERTY(bool hasData READ hasData NOTIFY dataChanged)
    /// Points that are not gaps.
    Q_PROPERTY(int count READ count NOTIFY dataChanged)
    Q_PROPERTY(double last READ last NOTIFY dataChanged)
    Q_PROPERTY(QString lastText READ lastText NOTIFY dataChanged)
    Q_PROPERTY(QString minText READ minText NOTIFY dataChanged)
    Q_PROPERTY(QString avgText READ avgText NOTIFY dataChanged)
    Q_PROPERTY(QString maxText READ maxText NOTIFY dataChanged)
    /// "min 2 % · avg 12 % · max 80 %", empty without points.
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY dataChanged)
    Q_PROPERTY(QString unit READ unit NOTIFY dataChanged)
    Q_PROPERTY(int resolutionSeconds READ resolutionSeconds NOTIFY dataChanged)
    /// "5-minute points"
    Q_PROPERTY(QString resolutionText READ resolutionText NOTIFY dataChanged)
    /// The cloud's own remark ("Demo: simulated", "the monitoring agent is not installed").
    Q_PROPERTY(QString note READ note NOTIFY dataChanged)
    Q_PROPERTY(QDateTime fetchedAt READ fetchedAt NOTIFY dataChanged)
    /// Why the machine's last fetch failed; empty when it did not.
    Q_PROPERTY(QString problem READ problem NOTIFY dataChanged)
public:
    explicit MetricSource(QObject *parent = nullptr);
    ~MetricSource() override;

    [[nodiscard]] MetricsFeed *feed() const { return m_feed; }
    void setFeed(MetricsFeed *feed);
    [[nodiscard]] QString accountId() const { return m_accountId; }
    void setAccountId(const QString &accountId);
    [[nodiscard]] QString machineId() const { return m_machineId; }
    void setMachineId(const QString &machineId);
    [[nodiscard]] QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    [[nodiscard]] QString span() const { return m_span; }
    void setSpan(const QString &span);
    [[nodiscard]] bool watch() const { return m_watch; }
    void setWatch(bool watch);
    [[nodiscard]] bool active() const { return m_active; }
    void setActive(bool active);

    [[nodiscard]] bool supported() const;
    [[nodiscard]] bool hasData() const { return m_summary.count > 0; }
    [[nodiscard]] int count() const { return m_summary.count; }
    [[nodiscard]] double last() const;
    [[nodiscard]] QString lastText() const;
    [[nodiscard]] QString minText() const;
    [[nodiscard]] QString avgText() const;
    [[nodiscard]] QString maxText() const;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString unit() const;
    [[nodiscard]] int resolutionSeconds() const { return m_series.resolutionSeconds; }
    [[nodiscard]] QString resolutionText() const;
    [[nodiscard]] QString note() const { return m_series.note; }
    [[nodiscard]] QDateTime fetchedAt() const { return m_series.fetchedAt; }
    [[nodiscard]] QString problem() const { return m_problem; }

    /// Whether the series is older than its refresh period allows (offline, or fetches failing).
    Q_INVOKABLE [[nodiscard]] bool isStale(const QDateTime &now) const;

    /// The points for the painted items, in time order; NaN values are gaps.
    [[nodiscard]] const QList<MetricSeries::Point> &points() const { return m_series.points; }
    /// The window the points belong to (UTC ms): the span ending at the newest of the fetch
    /// time and the last point, so that a series that stopped early shows the hole at its end.
    [[nodiscard]] qint64 rangeStartMs() const { return m_rangeEndMs - m_rangeMs; }
    [[nodiscard]] qint64 rangeEndMs() const { return m_rangeEndMs; }
    /// The unit the values are in ("%" for CPU even before the first series arrives).
    [[nodiscard]] QString valueUnit() const { return unit(); }

    /// For tests and previews: shows @p series as if the feed had it (no feed needed).
    void setSeries(const MetricSeries &series);
    /// The same from QML tests: @p points as [[utcMs, value or null], ...] (null or NaN: a gap),
    /// fetched at the last point's time. Not for views: they bind to a feed.
    Q_INVOKABLE void showPoints(const QVariantList &points, const QString &unit,
                                int resolutionSeconds);

    void classBegin() override {}
    void componentComplete() override;

Q_SIGNALS:
    void feedChanged();
    void keyChanged();
    /// The series, its summary or the problem changed: re-read and repaint.
    void dataChanged();

private:
    void onSeriesChanged(const QString &accountId, const QString &machineId);
    void updateInterest();
    void release();
    void reload();
    void applySeries(const MetricSeries &series);
    [[nodiscard]] bool keyValid() const;

    QPointer<MetricsFeed> m_feed;
    QString m_accountId;
    QString m_machineId;
    QString m_kind = QStringLiteral("cpu");
    QString m_span = QStringLiteral("1h");
    bool m_watch = true;
    bool m_active = true;
    bool m_complete = false;

    // What this source told the feed, to undo exactly that.
    QPointer<MetricsFeed> m_watchedFeed;
    QString m_watchedAccount;
    QString m_watchedMachine;
    bool m_focusing = false;

    MetricSeries m_series;
    MetricSeries::Summary m_summary;
    QString m_problem;
    qint64 m_rangeEndMs = 0;
    qint64 m_rangeMs = 3600 * 1000;
};
