#include "machinemetricslist.h"

#include "accountstore.h"
#include "cliapp.h"
#include "metricscommand.h"
#include "metricsfeed.h"
#include "statustext.h"
#include "terminaltext.h"
#include "texttable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QString cpuId = MetricSeries::kindId(MetricSeries::Kind::Cpu);
const QString hourId = MetricRange::spanId(MetricRange::Span::Hour);
} // namespace

MachineMetricsList::MachineMetricsList(CliApp *app, QList<Machine> machines, bool json)
    : QObject(app)
    , m_app(app)
    , m_machines(std::move(machines))
    , m_json(json)
    , m_feed(new MetricsFeed(app->inventory(), this))
{ }

void MachineMetricsList::run(bool offline, std::function<void()> done)
{
    m_done = std::move(done);
    for (const Machine &machine : std::as_const(m_machines)) {
        if (machine.state == MachineState::Running)
            m_feed->watch(machine.accountId, machine.id);
    }
    auto printed = std::make_shared<bool>(false);
    auto finish = [this, printed] {
        if (std::exchange(*printed, true))
            return;
        m_json ? printJson() : print();
        m_done();
    };
    if (offline)
        return finish();
    connect(m_feed, &MetricsFeed::settled, this, finish);
    m_feed->fetchDue();
    if (!m_feed->busy())
        finish();
}

void MachineMetricsList::print()
{
    AccountStore *accounts = m_app->accounts();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    //: Column headers of `clouddeck-cli machines list --metrics`.
    TextTable table({tr("NAME"), tr("STATE"), tr("ACCOUNT"), tr("PROVIDER"), tr("CPU NOW"),
                     tr("CPU 1H AVG"), tr("CPU 1H MAX"), tr("IDLE 7D"), tr("AS OF"), tr("ID")});
    for (int column : {4, 5, 6})
        table.alignRight(column);
    for (const Machine &machine : std::as_const(m_machines)) {
        const auto account = accounts->account(machine.accountId);
        const QVariantMap cpu = m_feed->summary(machine.accountId, machine.id, cpuId, hourId);
        const bool known = cpu.value(QStringLiteral("count")).toInt() > 0;
        auto value = [&](const char *key) {
            return known ? MetricsCommand::withUnit(cpu.value(QLatin1String(key)).toDouble(),
                                                    QStringLiteral("%"))
                         : QStringLiteral("-");
        };
        QString idle = QStringLiteral("-");
        switch (m_feed->idleness(machine.accountId, machine.id)) {
        case MetricsFeed::Idleness::Idle:
            idle = tr("idle");
            break;
        case MetricsFeed::Idleness::Busy:
            idle = tr("busy");
            break;
        case MetricsFeed::Idleness::Unknown:
            break;
        }
        const QDateTime fetched = cpu.value(QStringLiteral("fetchedAt")).toDateTime();
        table.addRow({machine.name, MachineState::id(machine.state),
                      account ? account->name : machine.accountId, machine.providerId,
                      value("last"), value("avg"), value("max"), idle,
                      fetched.isValid() ? StatusText::age(fetched, now) : QStringLiteral("-"),
                      machine.id});
    }
    m_app->out() << table.toString();
    // Why a running machine has no figures (no agent, no permission, unreachable), once each.
    QStringList said;
    for (const Machine &machine : std::as_const(m_machines)) {
        const QString problem = m_feed->problem(machine.accountId, machine.id);
        if (problem.isEmpty() || said.contains(problem))
            continue;
        said.append(problem);
        m_app->err() << "clouddeck-cli: " << TerminalText::printable(problem) << Qt::endl;
    }
}

void MachineMetricsList::printJson()
{
    AccountStore *accounts = m_app->accounts();
    QJsonArray array;
    for (const Machine &machine : std::as_const(m_machines)) {
        QJsonObject object = machine.toJson();
        const auto account = accounts->account(machine.accountId);
        object.insert(QStringLiteral("account"), account ? account->name : machine.accountId);
        QJsonObject metrics;
        const auto series = m_feed->series(machine.accountId, machine.id, MetricSeries::Kind::Cpu,
                                           MetricRange::Span::Hour);
        if (series) {
            const MetricSeries::Summary s = series->summary();
            auto number = [&s](double value) {
                return s.count > 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
            };
            metrics.insert(
                QStringLiteral("cpu1h"),
                QJsonObject {
                    {QStringLiteral("last"), number(s.last)},
                    {QStringLiteral("avg"), number(s.avg)},
                    {QStringLiteral("max"), number(s.max)},
                    {QStringLiteral("unit"), series->unit},
                    {QStringLiteral("resolutionSeconds"), series->resolutionSeconds},
                    {QStringLiteral("fetchedAt"), series->fetchedAt.toUTC().toString(Qt::ISODate)},
                    {QStringLiteral("note"), series->note}});
        } else {
            metrics.insert(QStringLiteral("cpu1h"), QJsonValue::Null);
        }
        const MetricsFeed::Idleness idleness = m_feed->idleness(machine.accountId, machine.id);
        metrics.insert(QStringLiteral("idle"),
                       idleness == MetricsFeed::Idleness::Unknown
                           ? QJsonValue(QJsonValue::Null)
                           : QJsonValue(idleness == MetricsFeed::Idleness::Idle));
        const QString problem = m_feed->problem(machine.accountId, machine.id);
        metrics.insert(QStringLiteral("problem"),
                       problem.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(problem));
        object.insert(QStringLiteral("metrics"), metrics);
        array.append(object);
    }
    m_app->out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    m_app->out().flush();
}
