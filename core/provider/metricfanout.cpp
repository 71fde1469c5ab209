#include "metricfanout.h"

#include <QPointer>
#include <QTimer>
#include <memory>

void MetricFanout::run(QObject *context, const QStringList &machineIds, const PerMachine &fetch,
                       Callback<QList<MetricSeries>> done)
{
    struct State
    {
        QList<MetricSeries> series;
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
            if (!result.ok()) {
                state->finished = true;
                return state->done(result.error());
            }
            state->series[i] = result.value();
            if (--state->waiting == 0) {
                state->finished = true;
                state->done(state->series);
            }
        });
    }
}
