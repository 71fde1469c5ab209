#include "metricfanout.h"

#include <QPointer>
#include <QTimer>
#include <memory>

void MetricFanout::run(QObject *context, const QStringList &machineIds, const PerMachine &fetch,
                       Callback<QList<MetricSeries>> done)
{
    struct State
    {
        QList<std::optional<MetricSeries>> series;
        std::optional<Error> gone; // the first NotFound, reported only when every machine is gone
        int waiting = 0;
        bool finished = false;
        Callback<QList<MetricSeries>> done;
    };
    auto state = std::make_shared<State>();
    state->series.resize(machineIds.size());
    state->waiting = int(machineIds.size());
    state->done = std::move(done);
    if (machineIds.isEmpty()) {
        QTimer::singleShot(0, context, [state] { state->done(QList<MetricSeries>()); });
        return;
    }
    for (int i = 0; i < machineIds.size(); ++i) {
        fetch(machineIds.at(i), [state, i](Result<MetricSeries> result) {
            if (state->finished)
                return;
            if (result.ok()) {
                state->series[i] = result.value();
            } else if (result.error().kind() == Error::NotFound) {
                if (!state->gone)
                    state->gone = result.error();
            } else {
                state->finished = true;
                return state->done(result.error());
            }
            if (--state->waiting > 0)
                return;
            state->finished = true;
            QList<MetricSeries> found;
            for (const std::optional<MetricSeries> &series : state->series) {
                if (series)
                    found.append(*series);
            }
            if (found.isEmpty() && state->gone)
                return state->done(*state->gone);
            state->done(found);
        });
    }
}
