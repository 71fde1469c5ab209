#pragma once

#include "error.h"
#include "machine.h"
#include "metricrange.h"
#include "metricseries.h"

#include <QObject>
#include <QStringList>
#include <functional>

class CliApp;

/**
 * @brief `machines metrics MACHINE [--account NAME] [--kind cpu|network|disk]
 * [--range 1h|24h|7d|30d] [--json]`: a machine's series, fetched (and cached) or, when its cloud
 * cannot be reached, the cached ones with their age.
 */
class MetricsCommand : public QObject
{
    Q_OBJECT
public:
    explicit MetricsCommand(CliApp *app);
    void run(const QStringList &arguments);

    /// "37.0 %", "12.3 Mbit/s": the CLI's one way of printing a metric value.
    [[nodiscard]] static QString withUnit(double value, const QString &unit);

private:
    void fetch(const Machine &machine, const QList<MetricSeries::Kind> &kinds,
               const MetricRange &range, bool json);
    void print(const Machine &machine, const QList<MetricSeries> &series, const MetricRange &range,
               bool json, bool cached);

    CliApp *m_app;
};
