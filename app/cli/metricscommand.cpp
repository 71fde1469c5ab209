#include "metricscommand.h"

#include "accountstore.h"
#include "cliapp.h"
#include "inventory.h"
#include "machinemodel.h"
#include "metricsstore.h"
#include "provider.h"
#include "statustext.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>
#include <memory>

MetricsCommand::MetricsCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{ }

void MetricsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({CliApp::accountOption(),
                       {QStringLiteral("kind"), tr("cpu, network or disk (default cpu)."),
                        QStringLiteral("kind"), QStringLiteral("cpu")},
                       {QStringLiteral("range"), tr("1h, 24h, 7d or 30d (default 1h)."),
                        QStringLiteral("range"), QStringLiteral("1h")},
                       {QStringLiteral("json"), tr("Print JSON.")}});
    if (!m_app->parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 1)
        return m_app->usageError(tr("machines metrics takes one MACHINE (id or name)."));
    const QString kindName = parser.value(QStringLiteral("kind"));
    QList<MetricSeries::Kind> kinds;
    if (kindName == QLatin1String("cpu"))
        kinds = {MetricSeries::Kind::Cpu};
    else if (kindName == QLatin1String("network"))
        kinds = {MetricSeries::Kind::NetworkIn, MetricSeries::Kind::NetworkOut};
    else if (kindName == QLatin1String("disk"))
        kinds = {MetricSeries::Kind::DiskRead, MetricSeries::Kind::DiskWrite};
    else
        return m_app->usageError(tr("--kind is cpu, network or disk, not \"%1\".").arg(kindName));
    const auto span = MetricRange::spanFromId(parser.value(QStringLiteral("range")));
    if (!span) {
        return m_app->usageError(tr("--range is 1h, 24h, 7d or 30d, not \"%1\".")
                                     .arg(parser.value(QStringLiteral("range"))));
    }
    bool ok = false;
    const QStringList ids = m_app->selectedAccounts(parser, &ok);
    if (!ok)
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    const MetricRange range = MetricRange::last(*span, QDateTime::currentDateTimeUtc());
    m_app->findMachine(
        ids, parser.positionalArguments().constFirst(),
        [this, kinds, range, json](const Machine &machine) { fetch(machine, kinds, range, json); });
}

void MetricsCommand::fetch(const Machine &machine, const QList<MetricSeries::Kind> &kinds,
                           const MetricRange &range, bool json)
{
    Inventory *inventory = m_app->inventory();
    auto collected = std::make_shared<QList<MetricSeries>>();
    auto remaining = std::make_shared<int>(int(kinds.size()));
    auto failed = std::make_shared<Error>();
    // Falls back to the cached series when the cloud cannot answer now (not when it never can).
    auto finish = [this, machine, kinds, range, json, collected, failed] {
        MetricsStore store(m_app->inventory()->cache());
        if (!failed->isError()) {
            store.store(*collected, range.span);
            return print(machine, *collected, range, json, false);
        }
        QList<MetricSeries> cached;
        if (failed->kind() != Error::Unsupported) {
            for (const MetricSeries::Kind kind : kinds) {
                if (auto one = store.series(machine.accountId, machine.id, kind, range.span))
                    cached.append(*one);
            }
        }
        if (cached.isEmpty())
            return m_app->fail(*failed);
        m_app->err() << "clouddeck-cli: " << TerminalText::printable(failed->message())
                     << tr(" (showing cached metrics)") << Qt::endl;
        print(machine, cached, range, json, true);
    };
    inventory->withProvider(machine.accountId, [=](Result<Provider *> provider) {
        if (!provider.ok()) {
            *failed = provider.error();
            return finish();
        }
        for (const MetricSeries::Kind kind : kinds) {
            provider.value()->fetchMetrics({machine.id}, kind, range,
                                           [=](Result<QList<MetricSeries>> series) {
                                               if (!series.ok() && !failed->isError())
                                                   *failed = series.error();
                                               else if (series.ok())
                                                   *collected += series.value();
                                               if (--*remaining == 0)
                                                   finish();
                                           });
        }
    });
}

QString MetricsCommand::withUnit(double value, const QString &unit)
{
    if (std::isnan(value))
        return QStringLiteral("-");
    if (unit == QLatin1String("%"))
        return QStringLiteral("%1 %").arg(value, 0, 'f', 1);
    // SI prefixes for rates: 12.3 Mbit/s reads better than 12300000 bit/s.
    static const char *const prefixes[] = {"", "k", "M", "G", "T"};
    int prefix = 0;
    while (std::fabs(value) >= 1000 && prefix < 4) {
        value /= 1000;
        ++prefix;
    }
    return QStringLiteral("%1 %2%3")
        .arg(value, 0, 'f', prefix == 0 ? 0 : 1)
        .arg(QLatin1String(prefixes[prefix]), unit);
}

void MetricsCommand::print(const Machine &machine, const QList<MetricSeries> &series,
                           const MetricRange &range, bool json, bool cached)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (json) {
        QJsonArray array;
        for (const MetricSeries &one : series) {
            QJsonObject object = one.toJson();
            const MetricSeries::Summary summary = one.summary();
            const auto number = [](double value) {
                return std::isnan(value) ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
            };
            object.insert(QStringLiteral("summary"),
                          QJsonObject {{QStringLiteral("min"), number(summary.min)},
                                       {QStringLiteral("avg"), number(summary.avg)},
                                       {QStringLiteral("max"), number(summary.max)},
                                       {QStringLiteral("last"), number(summary.last)}});
            array.append(object);
        }
        const auto account = m_app->accounts()->account(machine.accountId);
        const QJsonObject root {
            {QStringLiteral("machine"), machine.id},
            {QStringLiteral("name"), machine.name},
            {QStringLiteral("account"), account ? account->name : machine.accountId},
            {QStringLiteral("range"), MetricRange::spanId(range.span)},
            {QStringLiteral("start"), range.start.toString(Qt::ISODate)},
            {QStringLiteral("end"), range.end.toString(Qt::ISODate)},
            {QStringLiteral("cached"), cached},
            {QStringLiteral("series"), array}};
        m_app->out() << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return m_app->finish(CliApp::Ok);
    }
    for (const MetricSeries &one : series) {
        const MetricSeries::Summary summary = one.summary();
        //: One line of `machines metrics`: "web-1 cpu (1h): min 2.0 %, avg 9.5 %, max 41.0 %".
        QString line = tr("%1 %2 (%3): ")
                           .arg(TerminalText::printable(machine.name),
                                MetricSeries::kindId(one.kind), MetricRange::spanId(range.span));
        if (summary.count == 0) {
            line += tr("no data");
        } else {
            line += tr("min %1, avg %2, max %3, last %4; %n point(s)", nullptr, summary.count)
                        .arg(withUnit(summary.min, one.unit), withUnit(summary.avg, one.unit),
                             withUnit(summary.max, one.unit), withUnit(summary.last, one.unit));
            // The cloud's words for it: "5-minute points" reads better than "300-second".
            const int seconds = one.resolutionSeconds;
            if (seconds > 0 && seconds % 3600 == 0)
                line += tr(", %1-hour resolution").arg(seconds / 3600);
            else if (seconds > 0 && seconds % 60 == 0)
                line += tr(", %1-minute resolution").arg(seconds / 60);
            else if (seconds > 0)
                line += tr(", %1-second resolution").arg(seconds);
        }
        if (cached && one.fetchedAt.isValid())
            line += tr(" (cached, %1)").arg(StatusText::age(one.fetchedAt, now));
        if (!one.note.isEmpty())
            line += QStringLiteral(" — ") + TerminalText::printable(one.note);
        m_app->out() << line << Qt::endl;
    }
    m_app->finish(CliApp::Ok);
}
