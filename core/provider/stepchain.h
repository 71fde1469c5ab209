#pragma once

#include "result.h"

#include <QList>
#include <QtGlobal>
#include <functional>
#include <memory>

/**
 * @brief Requests that must go one after the other (a rename, then each tag added, then each
 * removed): runs @p steps in order and calls @p done once, after the last one or with the
 * first error (the steps after it are not sent).
 *
 * Each step calls its callback exactly once, later (CloudDeck's async contract); so does
 * @p done. @p steps is not empty. A step that belongs to a Provider is aborted with it, and then
 * nothing follows.
 */
namespace StepChain {

using Step = std::function<void(Callback<void>)>;

inline void run(QList<Step> steps, Callback<void> done)
{
    struct State
    {
        QList<Step> steps;
        Callback<void> done;
        qsizetype next = 0;
    };
    auto state = std::make_shared<State>(State {std::move(steps), std::move(done), 0});
    auto advance = std::make_shared<std::function<void(Result<void>)>>();
    // The chain holds itself through the callbacks it hands out, never in a cycle that outlives
    // the last step: each callback keeps 'advance' alive only until it is called.
    *advance = [state, weak = std::weak_ptr(advance)](const Result<void> &result) {
        if (!result.ok() || state->next == state->steps.size())
            return state->done(result);
        const auto self = weak.lock();
        Step step = state->steps.at(state->next++);
        step([self](Result<void> stepResult) { (*self)(std::move(stepResult)); });
    };
    Q_ASSERT(!state->steps.isEmpty()); // callers send nothing for an empty update
    Step first = state->steps.at(state->next++);
    first([advance](Result<void> result) { (*advance)(std::move(result)); });
}

} // namespace StepChain
