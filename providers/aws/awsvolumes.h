#pragma once

#include "awsparser.h"
#include "awspricelist.h"
#include "machine.h"
#include "money.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>
#include <utility>

/**
 * @brief The EBS volumes attached to EC2 instances (DescribeVolumes) and what their storage costs
 * a month, put on the machine for MachineCost: a stopped instance still pays for its volumes.
 *
 * Shapes from botocore's ec2 2016-11-15 service-2.json: DescribeVolumesRequest {Filter.N.Name /
 * Filter.N.Value.M, MaxResults, NextToken}, DescribeVolumesResult {volumeSet/item, nextToken},
 * Volume {volumeId, size (GiB), volumeType (standard, io1, io2, gp2, sc1, st1, gp3), iops,
 * throughput (MiB/s), status, attachmentSet/item {instanceId, status}}. Pure functions.
 *
 * What is priced is storage only: GiB × the Price List's on-demand GB-month price of the type
 * in the region. Provisioned IOPS (io1, io2, gp3 above 3,000), provisioned throughput (gp3 above
 * 125 MiB/s) and standard's I/O requests are not: their products (productFamily "System
 * Operation" and "Provisioned Throughput", io2's IOPS tiers) could not be checked here against
 * a real Price List reply, and a filter that is wrong prices nothing or the wrong thing without
 * anyone noticing. A machine with such a volume says so ("volumesUnpricedCharges"), and
 * MachineCost's note tells the user the figure leaves them out.
 */
class AwsVolumes
{
public:
    struct Volume
    {
        QString id;
        QString type; ///< EC2's volumeType, kept as sent (an unknown one is not priced)
        int sizeGiB = 0;
        int iops = 0;
        int throughputMiBps = 0;
        QStringList instanceIds; ///< attached to (several with Multi-Attach)
    };

    /// What the volumes of one machine cost a month.
    struct Total
    {
        int count = 0;
        int sizeGiB = 0;
        std::optional<Money> monthly; ///< empty when any volume has no storage price
        bool unpricedCharges = false; ///< IOPS, throughput or I/O charges left out
    };
    using PriceOf = std::function<std::optional<AwsPriceList::Price>(const QString &type)>;

    /// One region's listing: every volume in use (attached), @p maxResults (5-500) a page.
    [[nodiscard]] static QList<std::pair<QString, QString>> describeParams(int maxResults);
    /// DescribeVolumesResponse -> the volumes with an attachment, and nextToken.
    [[nodiscard]] static Result<AwsParser::Page<Volume>> parse(const QByteArray &xml);
    /// Charges of @p volume beyond its storage, which are not priced here (see the class).
    [[nodiscard]] static bool hasUnpricedCharges(const Volume &volume);
    /// The storage price of @p volumes, each type's GiB summed and rounded to cents once.
    [[nodiscard]] static Total total(const QList<Volume> &volumes, const PriceOf &priceOf);
    /// @p total into @p machine's extra: "volumeCount", "volumesGiB", "volumesPrice" (a decimal
    /// string, exact), "volumesCurrency", "volumesUnpricedCharges".
    static void annotate(Machine &machine, const Total &total);
};
