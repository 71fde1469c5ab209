#pragma once

#include "shooter.h"

#include <QQuickWindow>
#include <QString>

/// Until the feed has the CPU series of @p span ("1h", ...) for the machine and nothing is in
/// flight (the rows' sparklines and the details' graphs are then drawn).
void waitForMetrics(const QString &accountId, const QString &machineId, const char *span);

/// The details' graphs beside the rows' sparklines in the three shapes, light and dark
/// ("metrics-<w>x<h>-<theme>"), then an idle machine's week ("metrics-idle-1920x1080-dark").
/// Leaves the window at 1280x800 light with @p machineId selected.
void shootMetrics(Shooter &shooter, QQuickWindow *window, const QString &accountId,
                  const QString &machineId);
