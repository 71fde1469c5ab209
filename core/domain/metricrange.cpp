#include "metricrange.h"

MetricRange MetricRange::last(Span span, const QDateTime &end)
{
    MetricRange range;
    range.span = span;
    // Whole seconds: every cloud here takes seconds, and a stored series keys on them.
    range.end = QDateTime::fromSecsSinceEpoch(end.toSecsSinceEpoch(), Qt::UTC);
    range.start = range.end.addSecs(-spanSeconds(span));
    range.stepSeconds = defaultStepSeconds(span);
    return range;
}

int MetricRange::spanSeconds(Span span)
{
    switch (span) {
    case Span::Hour:
        return 3600;
    case Span::Day:
        return 24 * 3600;
    case Span::Week:
        return 7 * 24 * 3600;
    case Span::Month:
        return 30 * 24 * 3600;
    }
    return 3600;
}

int MetricRange::defaultStepSeconds(Span span)
{
    // 60, 288, 336 and 360 points.
    switch (span) {
    case Span::Hour:
        return 60;
    case Span::Day:
        return 300;
    case Span::Week:
        return 1800;
    case Span::Month:
        return 7200;
    }
    return 60;
}

QString MetricRange::spanId(Span span)
{
    switch (span) {
    case Span::Hour:
        return QStringLiteral("1h");
    case Span::Day:
        return QStringLiteral("24h");
    case Span::Week:
        return QStringLiteral("7d");
    case Span::Month:
        return QStringLiteral("30d");
    }
    return {};
}

std::optional<MetricRange::Span> MetricRange::spanFromId(const QString &id)
{
    for (const Span span : {Span::Hour, Span::Day, Span::Week, Span::Month}) {
        if (spanId(span) == id)
            return span;
    }
    return std::nullopt;
}
