#pragma once

#include "clouddeck_core_export.h"
#include "metricseries.h"
#include "result.h"

#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

/**
 * @brief Runs one metrics request per machine, all at once, and answers once with every series.
 *
 * For clouds whose metrics API takes one machine a call (DigitalOcean, Hetzner, Linode,
 * Proxmox VE, and the Demo cloud). The series come back in the order of the ids. A machine the
 * cloud says is gone (NotFound: it was destroyed since the last list) is left out, so one
 * deleted droplet does not blank the whole account's sparklines until the next refresh; the
 * call fails with NotFound only when every machine is gone. Any other error fails the whole
 * call (and the other answers are dropped): it is the account's problem (token, network, rate
 * limit), not one machine's. HttpClient's rate-limit pacing spreads the requests when the
 * budget runs low.
 */
class CLOUDDECK_CORE_EXPORT MetricFanout
{
public:
    using PerMachine = std::function<void(const QString &machineId, Callback<MetricSeries> done)>;

    /// Calls @p fetch for each of @p machineIds; @p done runs exactly once, later (in
    /// @p context's thread; never after @p context is gone).
    static void run(QObject *context, const QStringList &machineIds, const PerMachine &fetch,
                    Callback<QList<MetricSeries>> done);
};
