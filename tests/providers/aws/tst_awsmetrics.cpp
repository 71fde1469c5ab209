// AwsProvider::fetchMetrics against the fake endpoint: CloudWatch GetMetricData (Query API
// 2010-08-01) as botocore's botocore/data/cloudwatch/2010-08-01/service-2.json describes it
// (GetMetricDataInput: MetricDataQueries, StartTime, EndTime, NextToken; MetricDataQuery: Id,
// Label, MetricStat {Metric {Namespace, MetricName, Dimensions}, Period, Stat}, ReturnData), every
// form field, signed for "monitoring" in the instance's region (the fake verifies each signature),
// one request per region, 500 queries at most a request, NextToken paging, newest-first replies
// sorted, missing periods as gaps, unit conversion, empty results and every error path. The
// parser's seeded mutation run is tst_awsfuzz's metricsParserSurvivesMutatedReplies (it reuses
// that test's XML mutator). Fixtures: tests/data/aws/get_metric_data*.xml (see the README there).
#include "awsmetrics.h"
#include "awstestcase.h"
#include "providererrorchecks.h"
#include "providertesting.h"

#include <QTest>
#include <cmath>

namespace {
const QString getMetricData = QStringLiteral("GetMetricData");
const QString east1 = QStringLiteral("i-1234567890abcdef0"); // us-east-1 in the fixtures
const QString east2 = QStringLiteral("i-0598c7d356eba48d7"); // us-east-1
const QString west1 = QStringLiteral("i-0eeeeeeeeeeeeeee5"); // eu-west-1
constexpr qint64 midnight = 1764720000000; // 2025-12-03T00:00:00Z, fixedMetricRange's start
constexpr qint64 fiveMinutes = 300000;

/// A reply with one result per query of @p call: no points, or (with @p labelValues) one point at
/// midnight whose value is the number after the label's last '-' (so each answer names its query).
FakeResponse answerEvery(const Ec2Call &call, bool labelValues = false)
{
    QString members;
    for (int n = 1;; ++n) {
        const QString prefix = QStringLiteral("MetricDataQueries.member.%1.").arg(n);
        if (!call.has(prefix + QStringLiteral("Id")))
            break;
        const QString label = call.param(prefix + QStringLiteral("Label"));
        const QString points =
            labelValues ? QStringLiteral("<Timestamps><member>2025-12-03T00:00:00Z</member>"
                                         "</Timestamps><Values><member>%1</member></Values>")
                              .arg(label.section(QLatin1Char('-'), -1).toInt())
                        : QStringLiteral("<Timestamps/><Values/>");
        members += QStringLiteral("<member><Id>%1</Id><Label>%2</Label>%3<StatusCode>Complete"
                                  "</StatusCode></member>")
                       .arg(call.param(prefix + QStringLiteral("Id")), label, points);
    }
    return FakeResponse::raw(
        200,
        QStringLiteral("<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/"
                       "2010-08-01/\"><GetMetricDataResult><MetricDataResults>%1"
                       "</MetricDataResults></GetMetricDataResult></GetMetricDataResponse>")
            .arg(members)
            .toUtf8(),
        "text/xml");
}

/// A DescribeInstances page of @p count running instances i-…-0 to i-…-(count-1).
FakeResponse manyInstances(int count)
{
    QString items;
    for (int i = 0; i < count; ++i)
        items += QStringLiteral("<item><reservationId>r-0many</reservationId><instancesSet><item>"
                                "<instanceId>i-many-%1</instanceId><instanceState><code>16</code>"
                                "<name>running</name></instanceState></item></instancesSet></item>")
                     .arg(i);
    return FakeResponse::raw(200,
                             QStringLiteral("<DescribeInstancesResponse xmlns=\"http://ec2."
                                            "amazonaws.com/doc/2016-11-15/\"><requestId>m</"
                                            "requestId><reservationSet>%1</reservationSet></"
                                            "DescribeInstancesResponse>")
                                 .arg(items)
                                 .toUtf8(),
                             "text/xml");
}
} // namespace

class TestAwsMetrics : public AwsTestCase
{
    Q_OBJECT

private:
    std::shared_ptr<AsyncOutcome<QList<MetricSeries>>>
    fetch(const QStringList &ids, MetricSeries::Kind kind,
          const MetricRange &range = ProviderTesting::fixedMetricRange())
    {
        return ProviderTesting::fetchMetrics(*m_provider, ids, kind, range);
    }

    /// The error scenarios answer at the server, before the fake: the provider must know its
    /// instances' regions already (a listing), or the region search would get the error instead.
    ProviderErrorChecks::MetricsErrorScenario scenario()
    {
        const auto listed = list();
        if (!listed || !listed->ok())
            qFatal("listing failed");
        ProviderErrorChecks::MetricsErrorScenario result;
        result.server = m_server.get();
        result.provider = m_provider.get();
        result.method = "POST";
        result.path = QStringLiteral("/us-east-1");
        result.machineIds = {east1, east2};
        result.range = ProviderTesting::fixedMetricRange();
        return result;
    }

private Q_SLOTS:
    void requestsAreOnePerRegionAndAsDocumented()
    {
        m_fake->on(getMetricData, [](const Ec2Call &call) {
            return call.region == QLatin1String("us-east-1")
                       ? FakeEc2::xml(QStringLiteral("get_metric_data.xml"))
                       : answerEvery(call);
        });
        const auto outcome = fetch({east1, west1, east2}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const QList<Ec2Call> calls = m_fake->calls(getMetricData);
        QCOMPARE(calls.size(), 2); // us-east-1 (two instances) and eu-west-1
        const Ec2Call &east =
            calls.at(0).region == QLatin1String("us-east-1") ? calls.at(0) : calls.at(1);
        QCOMPARE(east.request.method, QByteArray("POST"));
        QCOMPARE(east.request.path, QStringLiteral("/us-east-1"));
        QVERIFY(
            east.request.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        const QByteArray authorization = east.request.header("Authorization");
        QVERIFY2(authorization.contains("/us-east-1/monitoring/aws4_request"), authorization);
        // Every field, in order (botocore service-2.json: GetMetricDataInput, MetricDataQuery).
        QList<std::pair<QString, QString>> expected = {
            {QStringLiteral("Action"), QStringLiteral("GetMetricData")},
            {QStringLiteral("Version"), QStringLiteral("2010-08-01")}};
        const QStringList ids = {east1, east2};
        for (int i = 0; i < 2; ++i) {
            const QString m = QStringLiteral("MetricDataQueries.member.%1.").arg(i + 1);
            expected += {
                {m + QStringLiteral("Id"), QStringLiteral("m%1").arg(i)},
                {m + QStringLiteral("Label"), ids.at(i)},
                {m + QStringLiteral("MetricStat.Metric.Namespace"), QStringLiteral("AWS/EC2")},
                {m + QStringLiteral("MetricStat.Metric.MetricName"),
                 QStringLiteral("CPUUtilization")},
                {m + QStringLiteral("MetricStat.Metric.Dimensions.member.1.Name"),
                 QStringLiteral("InstanceId")},
                {m + QStringLiteral("MetricStat.Metric.Dimensions.member.1.Value"), ids.at(i)},
                {m + QStringLiteral("MetricStat.Period"), QStringLiteral("300")},
                {m + QStringLiteral("MetricStat.Stat"), QStringLiteral("Average")},
                {m + QStringLiteral("ReturnData"), QStringLiteral("true")},
            };
        }
        expected += {{QStringLiteral("StartTime"), QStringLiteral("2025-12-03T00:00:00Z")},
                     {QStringLiteral("EndTime"), QStringLiteral("2025-12-03T01:00:00Z")}};
        QCOMPARE(east.params, expected);

        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.at(0).machineId, east1); // in the order asked
        QCOMPARE(series.at(1).machineId, west1);
        QCOMPARE(series.at(2).machineId, east2);
        const MetricSeries &cpu = series.at(0);
        QCOMPARE(cpu.accountId, m_provider->account().id);
        QCOMPARE(cpu.unit, QStringLiteral("%"));
        QCOMPARE(cpu.resolutionSeconds, 300);
        QVERIFY(cpu.fetchedAt.isValid());
        // Newest first in the reply, ascending here; 00:40 is missing: one gap point.
        QCOMPARE(cpu.points.size(), 12);
        QCOMPARE(cpu.points.first().timeMs, midnight);
        QCOMPARE(cpu.points.first().value, 1.5);
        QCOMPARE(cpu.points.at(8).timeMs, midnight + 8 * fiveMinutes);
        QVERIFY(std::isnan(cpu.points.at(8).value));
        QCOMPARE(cpu.points.last().timeMs, midnight + 11 * fiveMinutes);
        QCOMPARE(cpu.points.last().value, 42.0);
        QCOMPARE(cpu.summary().count, 11);
        for (qsizetype i = 1; i < cpu.points.size(); ++i)
            QVERIFY(cpu.points.at(i).timeMs > cpu.points.at(i - 1).timeMs);
        for (const MetricSeries &empty : {series.at(1), series.at(2)}) {
            QVERIFY(empty.isEmpty());
            QVERIFY2(empty.note.contains(QStringLiteral("no data")), qPrintable(empty.note));
        }
    }

    void networkIsBitsPerSecondOverPages()
    {
        m_fake->enqueue(getMetricData, FakeEc2::xml(QStringLiteral("get_metric_data_page1.xml")));
        m_fake->enqueue(getMetricData, FakeEc2::xml(QStringLiteral("get_metric_data_page2.xml")));
        const auto outcome = fetch({east1}, MetricSeries::Kind::NetworkIn);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const QList<Ec2Call> calls = m_fake->calls(getMetricData);
        QCOMPARE(calls.size(), 2);
        QVERIFY(!calls.at(0).has(QStringLiteral("NextToken")));
        QCOMPARE(calls.at(1).param(QStringLiteral("NextToken")), QStringLiteral("cGFnZTI="));
        // The same queries on the next page, the token added at the end.
        QCOMPARE(calls.at(1).params.mid(0, calls.at(0).params.size()), calls.at(0).params);
        QCOMPARE(calls.at(0).param(QStringLiteral("MetricDataQueries.member.1.MetricStat.Metric."
                                                  "MetricName")),
                 QStringLiteral("NetworkIn"));
        QCOMPARE(calls.at(0).param(QStringLiteral("MetricDataQueries.member.1.MetricStat.Stat")),
                 QStringLiteral("Sum"));
        const MetricSeries in = outcome->value().first();
        QCOMPARE(in.unit, QStringLiteral("bit/s"));
        QCOMPARE(in.points.size(), 3);
        QCOMPARE(in.points.at(0).timeMs, midnight + 9 * fiveMinutes); // from page 2, with ".000"
        QCOMPARE(in.points.at(0).value, 0.0);
        QCOMPARE(in.points.at(1).value, 37500.0 * 8 / 300); // bytes a period -> bit/s
        QCOMPARE(in.points.at(2).value, 2000.0);
        QVERIFY(in.note.isEmpty());
    }

    void diskIsEbsBytesPerSecond()
    {
        m_fake->on(getMetricData, [](const Ec2Call &) {
            return FakeEc2::xml(QStringLiteral("get_metric_data.xml"));
        });
        const auto outcome = fetch({east1}, MetricSeries::Kind::DiskWrite);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const Ec2Call call = m_fake->calls(getMetricData).first();
        QCOMPARE(
            call.param(QStringLiteral("MetricDataQueries.member.1.MetricStat.Metric.MetricName")),
            QStringLiteral("EBSWriteBytes"));
        QCOMPARE(call.param(QStringLiteral("MetricDataQueries.member.1.MetricStat.Stat")),
                 QStringLiteral("Sum"));
        const MetricSeries disk = outcome->value().first();
        QCOMPARE(disk.unit, QStringLiteral("B/s"));
        QCOMPARE(disk.points.first().value, 1.5 / 300);
        QCOMPARE(disk.points.last().value, 42.0 / 300);
    }

    void moreThan500InstancesAreTwoRequests()
    {
        m_fake->on(QStringLiteral("DescribeInstances"), [](const Ec2Call &call) {
            return manyInstances(call.region == QLatin1String("us-east-1") ? 501 : 0);
        });
        const auto listed = list();
        QVERIFY(listed && listed->ok());
        QCOMPARE(listed->value().size(), 501);
        m_fake->on(getMetricData, [](const Ec2Call &call) { return answerEvery(call, true); });
        QStringList ids;
        for (int i = 0; i < 501; ++i)
            ids.append(QStringLiteral("i-many-%1").arg(i));
        const auto outcome = fetch(ids, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->describe().constData());
        const QList<Ec2Call> calls = m_fake->calls(getMetricData);
        QCOMPARE(calls.size(), 2);
        int queries = 0;
        for (const Ec2Call &call : calls) {
            QCOMPARE(call.region, QStringLiteral("us-east-1"));
            QVERIFY(!call.has(QStringLiteral("MetricDataQueries.member.501.Id")));
            queries += call.has(QStringLiteral("MetricDataQueries.member.500.Id")) ? 500 : 1;
        }
        QCOMPARE(queries, 501);
        const QList<MetricSeries> series = outcome->value();
        QCOMPARE(series.size(), 501);
        for (int i = 0; i < 501; ++i) {
            QCOMPARE(series.at(i).machineId, ids.at(i));
            QCOMPARE(series.at(i).points.size(), 1);
            QCOMPARE(series.at(i).points.first().value, double(i)); // its own answer
        }
    }

    void emptyResultsSayWhy()
    {
        m_fake->on(getMetricData, [](const Ec2Call &) {
            return FakeResponse::raw(200,
                                     "<GetMetricDataResponse><GetMetricDataResult>"
                                     "<MetricDataResults/></GetMetricDataResult>"
                                     "</GetMetricDataResponse>",
                                     "text/xml");
        });
        for (const MetricSeries::Kind kind :
             {MetricSeries::Kind::Cpu, MetricSeries::Kind::NetworkOut,
              MetricSeries::Kind::DiskRead}) {
            const auto outcome = fetch({east1, west1}, kind);
            QVERIFY(outcome);
            QVERIFY2(outcome->ok(), outcome->describe().constData());
            QCOMPARE(outcome->value().size(), 2);
            for (const MetricSeries &series : outcome->value()) {
                QVERIFY(series.isEmpty());
                QVERIFY(series.note.contains(kind == MetricSeries::Kind::DiskRead
                                                 ? QStringLiteral("EBS")
                                                 : QStringLiteral("no data")));
            }
        }
    }

    void accessDeniedSaysWhichPermission()
    {
        ProviderErrorChecks::metricsHttpError(
            scenario(), FakeEc2::xml(QStringLiteral("error_cloudwatch_access_denied.xml"), 403),
            403, Error::Forbidden,
            QStringLiteral("add cloudwatch:GetMetricData to see AWS metrics"));
    }

    void errorsReachTheCaller_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("status");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("throttling")
            << "error_throttling.xml" << 400 << Error::RateLimited << "Throttling";
        QTest::newRow("internal") << "error_internal_error.xml" << 500 << Error::Server
                                  << "InternalError";
        QTest::newRow("auth") << "error_auth_failure.xml" << 401 << Error::Auth << "AuthFailure";
    }

    void errorsReachTheCaller()
    {
        QFETCH(QString, fixture);
        QFETCH(int, status);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, reason);
        ProviderErrorChecks::metricsHttpError(scenario(), FakeEc2::xml(fixture, status), status,
                                              kind, reason);
    }

    void brokenRepliesAreErrors()
    {
        ProviderErrorChecks::metricsBrokenReplies(
            scenario(), FakeEc2::xml(QStringLiteral("get_metric_data.xml")),
            "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>m0</Id>"
            "<Timestamps><member>2025-12-03T00:00:00Z</member></Timestamps><Values/></member>"
            "</MetricDataResults></GetMetricDataResult></GetMetricDataResponse>");
    }

    void slowRepliesTimeOut()
    {
        ProviderErrorChecks::metricsTimeOut(scenario(),
                                            FakeEc2::xml(QStringLiteral("get_metric_data.xml")));
    }

    void refusedResultIsAnError()
    {
        const Result<AwsMetrics::Page> page = AwsMetrics::page(
            "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>m0</Id>"
            "<Label>i-1</Label><Timestamps/><Values/><StatusCode>Forbidden</StatusCode><Messages>"
            "<member><Code>Forbidden</Code><Value>Not allowed.</Value></member></Messages>"
            "</member></MetricDataResults></GetMetricDataResult></GetMetricDataResponse>");
        QCOMPARE(page.error().kind(), Error::Forbidden);
        QVERIFY(page.error().message().contains(QStringLiteral("Not allowed.")));
        QVERIFY(page.error().message().contains(QStringLiteral("cloudwatch:GetMetricData")));
    }

    void wrongShapeIsInvalidReply_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("other root") << QByteArray("<DescribeInstancesResponse/>");
        QTest::newRow("no result") << QByteArray("<GetMetricDataResponse/>");
        QTest::newRow("no id") << QByteArray(
            "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member/>"
            "</MetricDataResults></GetMetricDataResult></GetMetricDataResponse>");
        QTest::newRow("bad time") << QByteArray(
            "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>m0</Id>"
            "<Timestamps><member>yesterday</member></Timestamps><Values><member>1</member>"
            "</Values></member></MetricDataResults></GetMetricDataResult>"
            "</GetMetricDataResponse>");
    }

    void wrongShapeIsInvalidReply()
    {
        QFETCH(QByteArray, body);
        QCOMPARE(AwsMetrics::page(body).error().kind(), Error::InvalidReply);
        QVERIFY(!AwsMetrics::page(body).error().message().isEmpty());
    }

    void periodFollowsCloudWatchsRules()
    {
        using Span = MetricRange::Span;
        const auto period = [](Span span, int step = 0) {
            MetricRange range = ProviderTesting::fixedMetricRange(span);
            if (step > 0)
                range.stepSeconds = step;
            return AwsMetrics::period(MetricSeries::Kind::Cpu, range);
        };
        QCOMPARE(period(Span::Hour), 300); // 60 asked; basic monitoring has 5-minute data
        QCOMPARE(period(Span::Day), 300);
        QCOMPARE(period(Span::Week), 1800);
        QCOMPARE(period(Span::Month), 7200);
        QCOMPARE(period(Span::Day, 301), 360); // a multiple of 60
        MetricRange old = ProviderTesting::fixedMetricRange(Span::Month);
        old.start = old.end.addDays(-90);
        old.stepSeconds = 600;
        QCOMPARE(AwsMetrics::period(MetricSeries::Kind::NetworkIn, old), 3600); // hourly past 63 d
    }

    void badIdIsRefusedBeforeSending()
    {
        const int before = m_server->requestCount();
        const auto outcome =
            fetch({QStringLiteral("i-1&MetricDataQueries.member.2.Id=x")}, MetricSeries::Kind::Cpu);
        QVERIFY(outcome);
        QCOMPARE(outcome->error().kind(), Error::InvalidInput);
        QCOMPARE(m_server->requestCount(), before);
    }

    void capabilityIsDeclared() { QVERIFY(FakeEc2::metadata().can(QStringLiteral("metrics"))); }
};

QTEST_GUILESS_MAIN(TestAwsMetrics)
#include "tst_awsmetrics.moc"
