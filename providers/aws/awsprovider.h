#pragma once

#include "awsparser.h"
#include "awspricecache.h"
#include "awspricelist.h"
#include "awsregionfanout.h"
#include "awssigner.h"
#include "awsvolumes.h"
#include "provider.h"

#include <QHash>
#include <QLoggingCategory>
#include <algorithm>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcAws)

/**
 * @brief Amazon EC2 through its Query API (version 2016-11-15): every enabled region from one
 * access key, signed with Signature Version 4.
 *
 * Every call is a POST of an application/x-www-form-urlencoded body (Action, Version,
 * parameters) to the region's endpoint. POST rather than GET: parameters (user data can be 16 KB
 * of base64) stay out of URLs and their length limits and out of any log line, and the signature
 * covers them through the payload hash. Replies are XML (see AwsParser). DescribeRegions runs
 * once and is cached for the provider's life; listing then runs DescribeInstances in every
 * enabled region (or the account's chosen ones) in parallel, each following NextToken.
 *
 * Endpoints: without an override, https://ec2.<region>.amazonaws.com (.com.cn in China). An
 * override may contain "{region}" (in the path: QUrl cannot hold braces in a host name); one
 * without it serves every region at that one URL (EC2-compatible clouds, tests), each request
 * still signed for its region.
 *
 * Prices: EC2's API has none, so after each listing the instance types in use are priced from
 * the AWS Price List Query API (AwsPriceList), each (type, region, operating system) once and
 * then from AwsPriceCache for 7 days. A key without pricing:GetProducts gets its machines listed
 * without prices and one hint on them ("priceHint" in extra), never a failed listing; other
 * pricing failures are logged and tried again later. With an endpoint override (EC2-compatible
 * clouds, tests) the Price List is only asked when the account sets "pricingEndpoint".
 *
 * Volumes (awsprovidervolumes.cpp): with prices asked for, each region that has instances also
 * gets one DescribeVolumes (the in-use volumes, every page) right after its DescribeInstances,
 * inside the same per-region task; the storage price of each (volume type, region) in use comes
 * from the Price List and the same cache, and each machine carries its volumes' monthly price
 * (AwsVolumes::annotate), which MachineCost bills when the instance is stopped and adds when it
 * runs. A key without ec2:DescribeVolumes keeps its listing, gets one hint and is asked again
 * after an hour; another failure keeps the region's last known volumes.
 *
 * SSH users (awsproviderimageusers.cpp): after its instances (and volumes), each region gets one
 * DescribeImages (ImageId.N) for the AMIs not asked about before; each AMI's default user
 * (AwsImageUsers) goes into its instances' extra "sshUser". A key without ec2:DescribeImages
 * keeps aws.json's "ec2-user" and is asked again after an hour.
 *
 * Every request is marked idempotent so HttpClient may retry it: Describe* only read,
 * Start/Stop/Reboot/Terminate ask for a state that asking twice does not change, and RunInstances
 * carries a ClientToken, which makes EC2 launch at most once per token.
 */
class AwsProvider : public Provider
{
    Q_OBJECT
public:
    using Params = QList<std::pair<QString, QString>>;

    AwsProvider(const ProviderMetadata &metadata, const Account &account,
                const QVariantMap &secrets, QObject *parent = nullptr);

    /// DescribeInstances page size (EC2 accepts 5 to 1000).
    void setPageSize(int size) { m_pageSize = std::clamp(size, 5, 1000); }
    /// The signer's clock (tests of a retry being signed again).
    void setSigningClock(AwsSigner::Clock clock) { m_signer.setClock(std::move(clock)); }

    /// Where GetProducts goes: the account's "pricingEndpoint" setting, else (without an endpoint
    /// override) AWS's own; empty when prices are not asked for.
    [[nodiscard]] QUrl pricingEndpoint() const;
    void setPricingEndpoint(const QUrl &url) { m_pricingEndpoint = url; }
    /// The price cache's file and clock (tests); by default the cache folder and the UTC time.
    void setPriceCacheFile(const QString &fileName)
    {
        m_priceCache = AwsPriceCache(fileName);
        m_priceCache.setClock(m_priceClock);
    }
    void setPriceClock(AwsPriceCache::Clock clock);
    /// The sentence shown on AWS machines when the key may not read prices.
    [[nodiscard]] static QString pricingPermissionHint();
    /// The sentence shown on AWS machines when the key may not list EBS volumes.
    [[nodiscard]] static QString volumesPermissionHint();

    /// The URL requests for @p region go to.
    [[nodiscard]] QUrl endpoint(const QString &region) const;
    /// Where region-less calls go (DescribeRegions, instance types, creates without a region):
    /// the account's first chosen region, else us-east-1 (which no account can disable).
    [[nodiscard]] QString homeRegion() const;

    /// DescribeRegions: the credentials work and may read EC2 (a cheap call every IAM policy that
    /// can use CloudDeck allows). STS GetCallerIdentity would prove only the first, succeeds
    /// without any EC2 permission, and has no endpoint on EC2-compatible clouds.
    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    /// RunInstances. Subnet and security groups come from request.extra ("subnetId",
    /// "securityGroupIds"); without them EC2 uses the region's default VPC, subnet and group.
    /// EC2 has no rename: the name is the "Name" tag. CreateTags sets the new Name and every
    /// tag added or given a new value, DeleteTags removes the tags no longer there (by key,
    /// whatever their value), in the instance's region (awsprovidertags.cpp).
    void updateMachine(const QString &machineId, const MachineUpdate &update,
                       Callback<void> done) override;
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    /// DescribeInstanceTypes (current generation) in homeRegion(). No prices: EC2's API has none.
    void listSizes(Callback<QList<Size>> done) override;
    /// Per region in scope: the newest official images of a few well-known owners, then the
    /// account's own AMIs (AMI ids differ per region, so each Image names its region).
    void listImages(Callback<QList<Image>> done) override;
    /// DescribeKeyPairs in every region in scope, one entry per key name.
    void listSshKeys(Callback<QList<SshKey>> done) override;
    /// CloudWatch GetMetricData (awsprovidermetrics.cpp, what is asked in AwsMetrics): the ids
    /// grouped by region, one request per region and up to 500 instances, NextToken followed.
    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override;

    /// Where GetMetricData for @p region goes: the account's "monitoringEndpoint" setting (may
    /// contain "{region}"), else the endpoint override (tests, compatible clouds), else
    /// https://monitoring.<region>.amazonaws.com.
    [[nodiscard]] QUrl monitoringEndpoint(const QString &region) const;

    /// Carries a request's region from request() to the authorizer, which removes it before
    /// signing: one override URL may serve every region, so the URL cannot tell. Never sent.
    static constexpr char signingRegionHeader[] = "X-CloudDeck-Signing-Region";
    /// Likewise the service a request is signed for: "pricing" for the Price List, else EC2.
    static constexpr char signingServiceHeader[] = "X-CloudDeck-Signing-Service";

private:
    template<typename T>
    using Parse = std::function<Result<T>(const QByteArray &)>;
    template<typename T>
    using PerRegion = std::function<void(const QString &region, Callback<QList<T>> done)>;

    [[nodiscard]] HttpRequest request(const QString &region, const QString &action,
                                      const Params &params) const;
    /// A Query API request of any service: @p url, @p version, signed for @p service in @p region.
    [[nodiscard]] static HttpRequest queryRequest(const QUrl &url, const QString &version,
                                                  const QString &service, const QString &region,
                                                  const QString &action, const Params &params);
    /// @p text with "{region}" (also URL-encoded or as Account::regionLabel()) set to @p region.
    [[nodiscard]] static QUrl withRegion(QString text, const QString &region);
    /// One region's GetMetricData of @p ids (at most 500), every page; series in @p ids' order.
    void metricsInRegion(const QString &region, const QStringList &ids, MetricSeries::Kind kind,
                         const MetricRange &range, const Callback<QList<MetricSeries>> &done);
    [[nodiscard]] Error missingCredentials() const;
    /// @p error with the region named, so a failure in one of many parallel regions says which,
    /// and for a missing permission the EC2 action that needs it.
    [[nodiscard]] static Error inRegion(const Error &error, const QString &region,
                                        const QString &action);
    [[nodiscard]] static bool isRegionId(const QString &region);
    /// One call; the 2xx reply's body, or the error (its message naming the region).
    void call(const QString &region, const QString &action, const Params &params,
              Callback<QByteArray> done);
    /// A paginated Describe* call, following NextToken to the end.
    template<typename T>
    void describeAll(const QString &region, const QString &action, const Params &params,
                     Parse<AwsParser::Page<T>> parse, Callback<QList<T>> done);
    /// Runs @p perRegion for every region at once; all results in region order, or the first
    /// error (a partial list would look like machines were deleted).
    template<typename T>
    void eachRegion(const QStringList &regions, PerRegion<T> perRegion, Callback<QList<T>> done);
    void describeRegions(Callback<QList<Region>> done);
    /// The account's chosen regions, else every enabled one.
    void regionsInScope(Callback<QStringList> done);
    /// The region of an instance: known from the last listing, else searched for.
    void regionOf(const QString &instanceId, const Callback<QString> &done);
    void officialImages(const QString &region, const Callback<QList<Image>> &done);
    /// Fills in the prices of @p machines from the cache and the Price List
    /// (awsproviderpricing.cpp).
    void priceMachines(QList<Machine> machines, const Callback<QList<Machine>> &done);
    /// One GetProducts call whose answer goes into the cache under @p id.
    struct PriceQuery
    {
        QString id;
        HttpRequest request;
        std::function<Result<std::optional<AwsPriceList::Price>>(const QByteArray &)> parse;
    };
    /// Asks the Price List @p queries, a few at a time, into the cache; @p finished once all
    /// have answered or the first failure stopped the rest.
    void fetchPrices(const QList<PriceQuery> &queries, std::function<void(Error)> finished);
    void applyPrices(QList<Machine> &machines, bool denied);

    /// Whether DescribeVolumes should follow a region's DescribeInstances (awsprovidervolumes.cpp).
    [[nodiscard]] bool wantsVolumes(const QList<Machine> &regionMachines) const;
    /// DescribeVolumes in @p region into m_regionVolumes; @p done always, failures only recorded.
    void listVolumes(const QString &region, const std::function<void()> &done);
    /// The storage price queries missing from the cache for the volumes of @p machines.
    [[nodiscard]] QList<PriceQuery> missingStoragePrices(const QList<Machine> &machines);
    /// Each machine's volumes and their price into its extra (AwsVolumes::annotate).
    void applyVolumePrices(QList<Machine> &machines);

    /// DescribeImages in @p region for the AMIs of @p machines whose user is not known yet
    /// (awsproviderimageusers.cpp); @p done always, failures only logged.
    void describeImageUsers(const QString &region, const QList<Machine> &machines,
                            const std::function<void()> &done);
    /// One DescribeImages of @p ids (at most AwsImageUsers::maxIdsPerRequest) into m_imageUsers;
    /// after an InvalidAMIID error naming some of them, once more without those.
    void describeImageBatch(const QString &region, const QStringList &ids, bool retryWithoutMissing,
                            const std::function<void()> &done);
    /// Each machine's AMI user into its extra "sshUser", where SshTarget finds it.
    void applyImageUsers(QList<Machine> &machines) const;

    AwsSigner m_signer;
    AwsSigner m_pricingSigner;
    AwsSigner m_monitoringSigner;
    AwsPriceCache m_priceCache;
    AwsPriceCache::Clock m_priceClock;
    QUrl m_pricingEndpoint;
    QDateTime m_pricingDeniedAt; ///< when GetProducts was last refused (asked again after an hour)
    QDateTime m_pricingPausedUntil; ///< after another failure, not asked before this
    /// The in-use volumes of each region from its last successful DescribeVolumes.
    QHash<QString, QList<AwsVolumes::Volume>> m_regionVolumes;
    QDateTime m_volumesDeniedAt; ///< when DescribeVolumes was last refused
    /// AMI id -> its default SSH user; "" for one that has none or is gone. Never forgotten: an
    /// AMI does not change its operating system.
    QHash<QString, QString> m_imageUsers;
    QDateTime m_imagesDeniedAt; ///< when DescribeImages was last refused
    int m_pageSize = 1000;
    std::optional<QList<Region>> m_regions;
    QList<Callback<QList<Region>>> m_regionWaiters;
    QHash<QString, QString> m_instanceRegions;
};

// The paginated and the all-regions calls, shared by awsprovider.cpp and awsprovidercatalog.cpp.

template<typename T>
inline void AwsProvider::describeAll(const QString &region, const QString &action,
                                     const Params &params, Parse<AwsParser::Page<T>> parse,
                                     Callback<QList<T>> done)
{
    if (const Error missing = missingCredentials(); missing.isError())
        return failLater(missing, std::move(done));
    struct State
    {
        QList<T> items;
        QString lastToken;
    };
    auto state = std::make_shared<State>();
    http()->getPages(
        request(region, action, params),
        [this, state, region, action, params,
         parse](const HttpResponse &response) -> Result<std::optional<HttpRequest>> {
            Result<AwsParser::Page<T>> page = parse(response.body);
            if (!page.ok())
                return page.error();
            state->items.append(page.value().items);
            const QString token = page.value().nextToken;
            if (token.isEmpty())
                return std::optional<HttpRequest>();
            if (token == state->lastToken) {
                return Error(Error::InvalidReply,
                             tr("AWS returned the same NextToken twice for %1; stopped to avoid "
                                "a loop.")
                                 .arg(action));
            }
            state->lastToken = token;
            Params next = params;
            next.append({QStringLiteral("NextToken"), token});
            return std::optional<HttpRequest>(request(region, action, next));
        },
        [state, region, action, done](const Result<void> &result) {
            if (!result.ok())
                return done(inRegion(result.error(), region, action));
            done(std::move(state->items));
        });
}

template<typename T>
inline void AwsProvider::eachRegion(const QStringList &regions, PerRegion<T> perRegion,
                                    Callback<QList<T>> done)
{
    if (regions.isEmpty())
        return post([done] { done(QList<T>()); });
    AwsRegionFanOut::run<T>(regions, perRegion, std::move(done));
}
