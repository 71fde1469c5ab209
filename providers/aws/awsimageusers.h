#pragma once

#include "awsparser.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

/**
 * @brief The default SSH user of an AMI, read from what DescribeImages says about it (name,
 * description, platformDetails, platform), for the instances launched from it.
 *
 * EC2 has no field for the login user: each AMI publisher picks one. AWS documents the common
 * ones (see userFor()); anything else keeps the provider's default ("sshUser" in aws.json).
 *
 * Shapes from botocore's ec2 2016-11-15 service-2.json: DescribeImagesRequest {ImageId.N,
 * IncludeDeprecated, IncludeDisabled, Filter.N, Owner.N, MaxResults, NextToken},
 * DescribeImagesResult {imagesSet/item, nextToken}, Image {imageId, name, description,
 * platform ("windows" or absent), platformDetails, imageState}. Pure functions.
 */
class AwsImageUsers
{
public:
    struct Image
    {
        QString id;
        QString name;
        QString description;
        QString platform; ///< "windows", else empty
        QString platformDetails; ///< the billing product: "Linux/UNIX", "Red Hat Enterprise Linux"
        QString state; ///< imageState: "available", "deregistered", "disabled", ...
    };

    /// AMI ids asked for in one DescribeImages. The API reference gives no maximum for
    /// ImageId.N; this keeps a request's body small (100 ids are about 3.5 KB) while one request
    /// per region covers every account we have seen.
    static constexpr int maxIdsPerRequest = 100;

    /// The parameters of one DescribeImages for @p ids (at most maxIdsPerRequest of them).
    [[nodiscard]] static QList<std::pair<QString, QString>> describeParams(const QStringList &ids);
    /// @p ids in request-sized batches, in order.
    [[nodiscard]] static QList<QStringList> batches(const QStringList &ids);
    /// DescribeImagesResponse -> the images, and nextToken.
    [[nodiscard]] static Result<AwsParser::Page<Image>> parse(const QByteArray &xml);
    /// The AMI ids an InvalidAMIID.NotFound / .Unavailable error's message names ("The image id
    /// '[ami-1, ami-2]' does not exist"), empty when it names none.
    [[nodiscard]] static QStringList idsInError(const QString &message);
    /// The SSH user AWS documents for @p image's distribution; empty for Windows (no SSH login:
    /// RDP) and for an image it cannot tell (the caller keeps its default).
    [[nodiscard]] static QString userFor(const Image &image);
};
