#pragma once

#include "awsxmlelement.h"
#include "catalog.h"
#include "httpclient.h"
#include "machine.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

/**
 * @brief Turns EC2 Query API (version 2016-11-15) XML replies into CloudDeck values.
 *
 * Pure functions: any bytes in, a value or an InvalidReply error out, never a crash. Element
 * names follow the EC2 API reference (DescribeInstancesResponse/reservationSet/item/instancesSet/
 * item/..., DescribeRegionsResponse/regionInfo/item/..., the error shape
 * Response/Errors/Error/Code).
 */
class AwsParser
{
public:
    /// One page of a paginated Describe* call: its items and the token of the next page.
    template<typename T>
    struct Page
    {
        QList<T> items;
        QString nextToken; ///< empty on the last page
    };

    /// The reply's root element, checked to be @p expectedRoot ("DescribeInstancesResponse").
    [[nodiscard]] static Result<AwsXmlElement> document(const QByteArray &xml,
                                                        QStringView expectedRoot);

    /// An instance ("item" of instancesSet) -> Machine in @p region.
    [[nodiscard]] static Result<Machine> instance(const AwsXmlElement &item, const QString &region);
    /// DescribeInstancesResponse -> the instances of every reservation, and nextToken.
    [[nodiscard]] static Result<Page<Machine>> instances(const QByteArray &xml,
                                                         const QString &region);
    /// RunInstancesResponse -> the (first) instance launched.
    [[nodiscard]] static Result<Machine> runInstances(const QByteArray &xml, const QString &region);
    /// Start/Stop/TerminateInstancesResponse: the instance's new state name, after checking that
    /// the reply is about @p instanceId. RebootInstancesResponse: "running" when return is true.
    [[nodiscard]] static Result<QString>
    stateChange(const QByteArray &xml, QStringView expectedRoot, const QString &instanceId);
    /// "pending" -> Starting, "running" -> Running, "stopping"/"shutting-down" -> Stopping,
    /// "stopped" -> Stopped, "terminated" -> Terminated.
    [[nodiscard]] static MachineState::State state(const QString &name);

    /// DescribeRegionsResponse -> regions (available unless "not-opted-in").
    [[nodiscard]] static Result<QList<Region>> regions(const QByteArray &xml);
    /// DescribeInstanceTypesResponse -> sizes (vCPUs, memory, instance storage) and nextToken.
    [[nodiscard]] static Result<Page<Size>> instanceTypes(const QByteArray &xml);
    /// An AMI with what choosing among several of them needs (Image has no owner or date).
    struct ImageRecord
    {
        Image image;
        QString ownerId;
        QString ownerAlias; ///< "amazon" for Amazon's own images
        QString architecture; ///< "x86_64", "arm64"
        QDateTime created;
    };
    /// DescribeImagesResponse -> images in @p region (kind "custom": the provider relabels the
    /// official ones) and nextToken.
    [[nodiscard]] static Result<Page<ImageRecord>> images(const QByteArray &xml,
                                                          const QString &region);
    /// DescribeKeyPairsResponse -> key pairs (id = key name, which is what RunInstances takes).
    [[nodiscard]] static Result<QList<SshKey>> keyPairs(const QByteArray &xml);

    /// The error in an EC2 error reply (Response/Errors/Error, or ErrorResponse/Error), with the
    /// kind its code means (AuthFailure -> Auth, UnauthorizedOperation -> Forbidden, *.NotFound ->
    /// NotFound, RequestLimitExceeded/Throttling -> RateLimited, ...). Empty when unreadable.
    [[nodiscard]] static HttpClient::ProviderError error(const QByteArray &xml);
    /// The kind an EC2 error code means, None when only the HTTP status can tell.
    [[nodiscard]] static Error::Kind kindForCode(const QString &code);
};
