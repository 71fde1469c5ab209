#include "awsregionnames.h"

#include <QHash>

namespace {
struct Known
{
    const char *name;
    const char *country;
};

const QHash<QString, Known> &table()
{
    // From the AWS Regions list in the AWS General Reference.
    static const QHash<QString, Known> regions = {
        {QStringLiteral("us-east-1"), {"US East (N. Virginia)", "US"}},
        {QStringLiteral("us-east-2"), {"US East (Ohio)", "US"}},
        {QStringLiteral("us-west-1"), {"US West (N. California)", "US"}},
        {QStringLiteral("us-west-2"), {"US West (Oregon)", "US"}},
        {QStringLiteral("af-south-1"), {"Africa (Cape Town)", "ZA"}},
        {QStringLiteral("ap-east-1"), {"Asia Pacific (Hong Kong)", "HK"}},
        {QStringLiteral("ap-south-1"), {"Asia Pacific (Mumbai)", "IN"}},
        {QStringLiteral("ap-south-2"), {"Asia Pacific (Hyderabad)", "IN"}},
        {QStringLiteral("ap-southeast-1"), {"Asia Pacific (Singapore)", "SG"}},
        {QStringLiteral("ap-southeast-2"), {"Asia Pacific (Sydney)", "AU"}},
        {QStringLiteral("ap-southeast-3"), {"Asia Pacific (Jakarta)", "ID"}},
        {QStringLiteral("ap-southeast-4"), {"Asia Pacific (Melbourne)", "AU"}},
        {QStringLiteral("ap-northeast-1"), {"Asia Pacific (Tokyo)", "JP"}},
        {QStringLiteral("ap-northeast-2"), {"Asia Pacific (Seoul)", "KR"}},
        {QStringLiteral("ap-northeast-3"), {"Asia Pacific (Osaka)", "JP"}},
        {QStringLiteral("ca-central-1"), {"Canada (Central)", "CA"}},
        {QStringLiteral("ca-west-1"), {"Canada West (Calgary)", "CA"}},
        {QStringLiteral("eu-central-1"), {"Europe (Frankfurt)", "DE"}},
        {QStringLiteral("eu-central-2"), {"Europe (Zurich)", "CH"}},
        {QStringLiteral("eu-west-1"), {"Europe (Ireland)", "IE"}},
        {QStringLiteral("eu-west-2"), {"Europe (London)", "GB"}},
        {QStringLiteral("eu-west-3"), {"Europe (Paris)", "FR"}},
        {QStringLiteral("eu-south-1"), {"Europe (Milan)", "IT"}},
        {QStringLiteral("eu-south-2"), {"Europe (Spain)", "ES"}},
        {QStringLiteral("eu-north-1"), {"Europe (Stockholm)", "SE"}},
        {QStringLiteral("il-central-1"), {"Israel (Tel Aviv)", "IL"}},
        {QStringLiteral("me-south-1"), {"Middle East (Bahrain)", "BH"}},
        {QStringLiteral("me-central-1"), {"Middle East (UAE)", "AE"}},
        {QStringLiteral("sa-east-1"), {"South America (São Paulo)", "BR"}},
        {QStringLiteral("cn-north-1"), {"China (Beijing)", "CN"}},
        {QStringLiteral("cn-northwest-1"), {"China (Ningxia)", "CN"}},
        {QStringLiteral("us-gov-east-1"), {"AWS GovCloud (US-East)", "US"}},
        {QStringLiteral("us-gov-west-1"), {"AWS GovCloud (US-West)", "US"}},
    };
    return regions;
}
} // namespace

namespace AwsRegionNames {
QString name(const QString &id)
{
    const auto it = table().constFind(id);
    return it == table().constEnd() ? id : QString::fromUtf8(it->name);
}

QString country(const QString &id)
{
    const auto it = table().constFind(id);
    return it == table().constEnd() ? QString() : QString::fromLatin1(it->country);
}
} // namespace AwsRegionNames
