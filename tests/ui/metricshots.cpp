// The metrics screenshots (issue 16): rows with CPU sparklines beside the details' graphs in
// the three window shapes, light and dark, and an idle machine's hint.

#include "metricshots.h"

#include "appcontroller.h"
#include "machinemodel.h"
#include "metricrange.h"
#include "metricsfeed.h"
#include "screentools.h"

#include <QQmlProperty>

using namespace ScreenTools;

void waitForMetrics(const QString &accountId, const QString &machineId, const char *span)
{
    MetricsFeed *feed = AppController::instance()->metrics();
    const auto spanValue =
        MetricRange::spanFromId(QLatin1String(span)).value_or(MetricRange::Span::Hour);
    waitFor(QStringLiteral("the metrics of %1").arg(machineId), [&] {
        return !feed->busy()
               && feed->series(accountId, machineId, MetricSeries::Kind::Cpu, spanValue).has_value();
    });
    Shooter::settle(200);
}

namespace {

/// Calls @p apply on every visible item named @p name under @p item (the wide pane's details
/// and the narrow layout's page both have one).
template<typename F>
void forEachVisible(QQuickItem *item, const QString &name, F apply)
{
    if (item->objectName() == name && item->isVisible())
        apply(item);
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        forEachVisible(child, name, apply);
}

} // namespace

/// The details' graphs (issue 16) beside the rows' sparklines, in the three shapes, light and
/// dark: the 24 h span on the widest, the hour elsewhere.
void shootMetrics(Shooter &shooter, QQuickWindow *window, const QString &accountId,
                  const QString &machineId)
{
    AppController::instance()->select(accountId, machineId);
    const Shooter::Shape shapes[] = {{1920, 1080, "light", "compact"},
                                     {1920, 1080, "dark", "compact"},
                                     {1280, 800, "light", "comfortable"},
                                     {1280, 800, "dark", "comfortable"},
                                     {800, 1280, "light", "comfortable"},
                                     {800, 1280, "dark", "comfortable"}};
    for (const Shooter::Shape &shape : shapes) {
        shooter.resize(shape.width, shape.height, QLatin1String(shape.theme),
                       QLatin1String(shape.density));
        if (shape.width < 880)
            call(window, "showDetails", {accountId, machineId});
        const char *span = shape.width == 1920 ? "24h" : "1h";
        Shooter::settle(200);
        forEachVisible(window->contentItem(), QStringLiteral("metricsPanel"), [&](QQuickItem *panel) {
            QQmlProperty::write(panel, QStringLiteral("span"), QLatin1String(span));
        });
        waitForMetrics(accountId, machineId, span);
        forEachVisible(window->contentItem(), QStringLiteral("machineDetails"),
                       [](QQuickItem *details) { call(details, "showMetrics"); });
        Shooter::settle(200);
        shooter.shot(QStringLiteral("metrics-%1x%2-%3")
                         .arg(shape.width)
                         .arg(shape.height)
                         .arg(QLatin1String(shape.theme)));
    }
    shooter.resize(1280, 800, QStringLiteral("light"), QStringLiteral("compact"));
    waitFor(QStringLiteral("the stack to pop"), [&] {
        return QQmlProperty::read(property(window, "stack"), QStringLiteral("depth")).toInt() == 1;
    });

    // An idle machine (CPU under 2 % all week, from the Demo cloud's week of CPU): the hint with
    // what it costs.
    const MachineModel *model = AppController::instance()->machineModel();
    waitFor(QStringLiteral("an idle machine"), [&] {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row).data(MachineModel::IdleRole).toBool())
                return true;
        }
        return false;
    });
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(MachineModel::IdleRole).toBool()) {
            AppController::instance()->select(model->at(row).accountId, model->at(row).id);
            break;
        }
    }
    shooter.resize(1920, 1080, QStringLiteral("dark"), QStringLiteral("compact"));
    forEachVisible(window->contentItem(), QStringLiteral("metricsPanel"), [&](QQuickItem *panel) {
        QQmlProperty::write(panel, QStringLiteral("span"), QStringLiteral("7d"));
    });
    Shooter::settle(300);
    waitFor(QStringLiteral("the week's metrics"), [&] {
        return !AppController::instance()->metrics()->busy();
    });
    forEachVisible(window->contentItem(), QStringLiteral("machineDetails"),
                   [](QQuickItem *details) { call(details, "showMetrics"); });
    Shooter::settle(200);
    shooter.shot(QStringLiteral("metrics-idle-1920x1080-dark"));
    forEachVisible(window->contentItem(), QStringLiteral("metricsPanel"), [&](QQuickItem *panel) {
        QQmlProperty::write(panel, QStringLiteral("span"), QStringLiteral("1h"));
    });
    AppController::instance()->select(accountId, machineId);
}

