#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

/**
 * @brief Runs one operation in every region at once and joins the answers.
 *
 * All results come back in the order of the regions, or the first error and nothing else: a
 * list missing a region would look as if that region's machines had been deleted. AWS runs
 * its enabled regions through it, OpenStack the regions of its service catalog.
 */
namespace RegionFanOut {

template<typename T>
using PerRegion = std::function<void(const QString &region, Callback<QList<T>> done)>;

/// Calls @p perRegion for each of @p regions (at least one) and @p done once, when all have
/// answered or the first has failed.
template<typename T>
void run(const QStringList &regions, const PerRegion<T> &perRegion, Callback<QList<T>> done)
{
    struct State
    {
        QList<QList<T>> parts;
        qsizetype remaining = 0;
        bool failed = false;
        Callback<QList<T>> done;
    };
    auto state = std::make_shared<State>();
    state->parts.resize(regions.size());
    state->remaining = regions.size();
    state->done = std::move(done);
    for (qsizetype i = 0; i < regions.size(); ++i) {
        perRegion(regions.at(i), [state, i](Result<QList<T>> result) {
            if (state->failed)
                return;
            if (!result.ok()) {
                state->failed = true;
                return state->done(result.error());
            }
            state->parts[i] = result.takeValue();
            if (--state->remaining > 0)
                return;
            QList<T> all;
            for (const QList<T> &part : std::as_const(state->parts))
                all.append(part);
            state->done(std::move(all));
        });
    }
}

} // namespace RegionFanOut
