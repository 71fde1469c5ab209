#include "awsmetrics.h"

#include "awsparser.h"
#include "awsxmlelement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {
Error unreadable(const QString &what)
{
    return Error(Error::InvalidReply,
                 QCoreApplication::translate("AwsMetrics",
                                             "CloudWatch's GetMetricData reply is not readable "
                                             "(%1).")
                     .arg(what));
}

/// The "member" children of @p element (the Query protocol's list shape); empty when null.
QList<const AwsXmlElement *> members(const AwsXmlElement *element)
{
    QList<const AwsXmlElement *> list;
    if (!element)
        return list;
    for (const AwsXmlElement &child : element->children()) {
        if (child.name() == u"member")
            list.append(&child);
    }
    return list;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

/// Year 1970 to 9999: a timestamp CloudWatch could have sent.
bool placeable(const QDateTime &time)
{
    return time.isValid() && time.toMSecsSinceEpoch() >= 0 && time.date().year() < 10000;
}
} // namespace

QString AwsMetrics::metricName(MetricSeries::Kind kind)
{
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        return QStringLiteral("CPUUtilization");
    case MetricSeries::Kind::NetworkIn:
        return QStringLiteral("NetworkIn");
    case MetricSeries::Kind::NetworkOut:
        return QStringLiteral("NetworkOut");
    case MetricSeries::Kind::DiskRead:
        return QStringLiteral("EBSReadBytes");
    case MetricSeries::Kind::DiskWrite:
        return QStringLiteral("EBSWriteBytes");
    }
    return {};
}

QString AwsMetrics::statistic(MetricSeries::Kind kind)
{
    return kind == MetricSeries::Kind::Cpu ? QStringLiteral("Average") : QStringLiteral("Sum");
}

int AwsMetrics::period(MetricSeries::Kind kind, const MetricRange &range)
{
    Q_UNUSED(kind) // the same rule for every metric today; kept for detailed monitoring later
    int seconds = std::max(300, (std::max(range.stepSeconds, 1) + 59) / 60 * 60);
    // The age of the range's start, measured from its end (ranges end now): no clock read here.
    // Past 15 days 300 is needed, which the floor above already gives.
    constexpr qint64 day = 86400;
    if (range.start.secsTo(range.end) > 63 * day)
        seconds = std::max(seconds, 3600);
    return seconds;
}

QString AwsMetrics::queryId(int index)
{
    return QStringLiteral("m%1").arg(index);
}

AwsMetrics::Params AwsMetrics::params(const QStringList &instanceIds, MetricSeries::Kind kind,
                                      const MetricRange &range)
{
    Params result;
    const QString seconds = QString::number(period(kind, range));
    for (int i = 0; i < instanceIds.size(); ++i) {
        const QString member = QStringLiteral("MetricDataQueries.member.%1.").arg(i + 1);
        const QString stat = member + QStringLiteral("MetricStat.");
        result.append({member + QStringLiteral("Id"), queryId(i)});
        result.append({member + QStringLiteral("Label"), instanceIds.at(i)});
        result.append({stat + QStringLiteral("Metric.Namespace"), QStringLiteral("AWS/EC2")});
        result.append({stat + QStringLiteral("Metric.MetricName"), metricName(kind)});
        result.append({stat + QStringLiteral("Metric.Dimensions.member.1.Name"),
                       QStringLiteral("InstanceId")});
        result.append(
            {stat + QStringLiteral("Metric.Dimensions.member.1.Value"), instanceIds.at(i)});
        result.append({stat + QStringLiteral("Period"), seconds});
        result.append({stat + QStringLiteral("Stat"), statistic(kind)});
        result.append({member + QStringLiteral("ReturnData"), QStringLiteral("true")});
    }
    result.append({QStringLiteral("StartTime"), isoTime(range.start)});
    result.append({QStringLiteral("EndTime"), isoTime(range.end)});
    return result;
}

double AwsMetrics::scale(MetricSeries::Kind kind, int periodSeconds)
{
    const double seconds = std::max(periodSeconds, 1);
    switch (kind) {
    case MetricSeries::Kind::Cpu:
        return 1;
    case MetricSeries::Kind::NetworkIn:
    case MetricSeries::Kind::NetworkOut:
        return 8 / seconds;
    case MetricSeries::Kind::DiskRead:
    case MetricSeries::Kind::DiskWrite:
        return 1 / seconds;
    }
    return 1;
}

Result<AwsMetrics::Page> AwsMetrics::page(const QByteArray &xml, double scale)
{
    const Result<AwsXmlElement> root = AwsParser::document(xml, u"GetMetricDataResponse");
    if (!root.ok())
        return root.error();
    const AwsXmlElement *result = root.value().child(u"GetMetricDataResult");
    if (!result)
        return unreadable(QStringLiteral("no GetMetricDataResult"));
    Page page;
    page.nextToken = result->textAt(u"NextToken");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const AwsXmlElement *member : members(result->child(u"MetricDataResults"))) {
        const QString id = member->textAt(u"Id");
        if (id.isEmpty())
            return unreadable(QStringLiteral("a result without an Id"));
        const QString status = member->textAt(u"StatusCode");
        if (status == QLatin1String("Forbidden") || status == QLatin1String("InternalError")) {
            QStringList messages;
            for (const AwsXmlElement *message : members(member->child(u"Messages")))
                messages.append(message->textAt(u"Value"));
            const QString said = messages.join(QLatin1Char(' ')).trimmed();
            const bool forbidden = status == QLatin1String("Forbidden");
            QString text =
                QCoreApplication::translate("AwsMetrics", "CloudWatch answered %1 for %2.")
                    .arg(status, member->textAt(u"Label"));
            if (!said.isEmpty())
                text += QLatin1Char(' ') + said;
            if (forbidden)
                text += QLatin1Char(' ') + permissionHint();
            return Error(forbidden ? Error::Forbidden : Error::Server, text);
        }
        const QList<const AwsXmlElement *> times = members(member->child(u"Timestamps"));
        const QList<const AwsXmlElement *> values = members(member->child(u"Values"));
        if (times.size() != values.size())
            return unreadable(QStringLiteral("%1 timestamps and %2 values for %3")
                                  .arg(times.size())
                                  .arg(values.size())
                                  .arg(id));
        QList<MetricSeries::Point> &points = page.points[id];
        for (qsizetype i = 0; i < times.size(); ++i) {
            QDateTime time = QDateTime::fromString(times.at(i)->text(), Qt::ISODateWithMs);
            if (!time.isValid())
                time = QDateTime::fromString(times.at(i)->text(), Qt::ISODate);
            if (!placeable(time))
                return unreadable(QStringLiteral("timestamp \"%1\"").arg(times.at(i)->text()));
            bool ok = false;
            const double value = values.at(i)->text().toDouble(&ok) * scale;
            points.append({time.toMSecsSinceEpoch(), ok && std::isfinite(value) ? value : nan});
        }
    }
    return page;
}

QList<MetricSeries::Point> AwsMetrics::ordered(const QList<MetricSeries::Point> &points,
                                               int periodSeconds)
{
    QMap<qint64, double> byTime;
    for (const MetricSeries::Point &point : points) {
        if (!byTime.contains(point.timeMs))
            byTime.insert(point.timeMs, point.value);
    }
    const qint64 step = qint64(std::max(periodSeconds, 1)) * 1000;
    QList<MetricSeries::Point> result;
    result.reserve(byTime.size());
    for (auto it = byTime.cbegin(); it != byTime.cend(); ++it) {
        // A missing period: one NaN right after the last point breaks the line there.
        if (!result.isEmpty() && it.key() - result.last().timeMs > step)
            result.append({result.last().timeMs + step, std::numeric_limits<double>::quiet_NaN()});
        result.append({it.key(), it.value()});
    }
    return result;
}

QString AwsMetrics::note(MetricSeries::Kind kind, bool empty)
{
    if (!empty)
        return {};
    if (kind == MetricSeries::Kind::DiskRead || kind == MetricSeries::Kind::DiskWrite) {
        return QCoreApplication::translate(
            "AwsMetrics", "CloudWatch has no EBS figures for this instance in this range (it "
                          "was stopped, or it is an older Xen type without EBS metrics).");
    }
    return QCoreApplication::translate(
        "AwsMetrics",
        "CloudWatch has no data for this instance in this range (it was stopped or is new).");
}

QString AwsMetrics::permissionHint()
{
    return QCoreApplication::translate(
        "AwsMetrics", "Allow cloudwatch:GetMetricData in the access key's IAM policy (add "
                      "cloudwatch:GetMetricData to see AWS metrics).");
}
