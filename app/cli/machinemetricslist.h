#pragma once

#include "machine.h"

#include <QList>
#include <QObject>
#include <functional>

class CliApp;
class MetricsFeed;

/**
 * @brief `machines list --metrics`: the list with each running machine's last hour of CPU and
 * whether it has been idle for a week.
 *
 * Asks core's MetricsFeed exactly as the GUI's rows do (one batched call per account and
 * series), so both show the same figures; offline (or when a cloud cannot answer) the cached
 * series are printed with their age instead.
 */
class MachineMetricsList : public QObject
{
    Q_OBJECT
public:
    MachineMetricsList(CliApp *app, QList<Machine> machines, bool json);

    /// Fetches (unless @p offline) and prints; @p done runs once, after printing.
    void run(bool offline, std::function<void()> done);

private:
    void print();
    void printJson();

    CliApp *m_app;
    QList<Machine> m_machines;
    bool m_json;
    MetricsFeed *m_feed;
    std::function<void()> m_done;
};
