// AwsProvider's catalog calls (regions, instance types, images, key pairs), apart from its
// machine calls in awsprovider.cpp.

#include "awsprovider.h"

#include "awsimagecatalog.h"

#include <QSet>
#include <algorithm>
#include <tuple>

void AwsProvider::listRegions(Callback<QList<Region>> done)
{
    describeRegions([this, done](Result<QList<Region>> regions) {
        if (!regions.ok() || account().regions.isEmpty())
            return done(regions);
        QList<Region> chosen;
        for (const Region &region : regions.value()) {
            if (account().regions.contains(region.id))
                chosen.append(region);
        }
        done(chosen);
    });
}

void AwsProvider::listSizes(Callback<QList<Size>> done)
{
    describeAll<Size>(homeRegion(), QStringLiteral("DescribeInstanceTypes"),
                      {{QStringLiteral("MaxResults"), QStringLiteral("100")},
                       {QStringLiteral("Filter.1.Name"), QStringLiteral("current-generation")},
                       {QStringLiteral("Filter.1.Value.1"), QStringLiteral("true")}},
                      &AwsParser::instanceTypes, [done](Result<QList<Size>> sizes) {
                          if (!sizes.ok())
                              return done(sizes);
                          QList<Size> sorted = sizes.value();
                          std::sort(sorted.begin(), sorted.end(), [](const Size &a, const Size &b) {
                              return std::tie(a.vcpus, a.memoryMb, a.id)
                                     < std::tie(b.vcpus, b.memoryMb, b.id);
                          });
                          done(sorted);
                      });
}

void AwsProvider::officialImages(const QString &region, const Callback<QList<Image>> &done)
{
    describeAll<AwsParser::ImageRecord>(
        region, QStringLiteral("DescribeImages"), AwsImageCatalog::query(),
        [region](const QByteArray &xml) { return AwsParser::images(xml, region); },
        [done](Result<QList<AwsParser::ImageRecord>> records) {
            if (!records.ok())
                return done(records.error());
            done(AwsImageCatalog::current(records.value()));
        });
}

void AwsProvider::listImages(Callback<QList<Image>> done)
{
    regionsInScope([this, done](Result<QStringList> regions) {
        if (!regions.ok())
            return done(regions.error());
        PerRegion<Image> perRegion = [this](const QString &region,
                                            const Callback<QList<Image>> &regionDone) {
            officialImages(
                region, [this, region, regionDone](const Result<QList<Image>> &official) {
                    if (!official.ok())
                        return regionDone(official.error());
                    describeAll<AwsParser::ImageRecord>(
                        region, QStringLiteral("DescribeImages"),
                        {{QStringLiteral("Owner.1"), QStringLiteral("self")}},
                        [region](const QByteArray &xml) { return AwsParser::images(xml, region); },
                        [official, regionDone](Result<QList<AwsParser::ImageRecord>> own) {
                            if (!own.ok())
                                return regionDone(own.error());
                            QList<Image> images = official.value();
                            for (const AwsParser::ImageRecord &record : own.value())
                                images.append(record.image);
                            regionDone(images);
                        });
                });
        };
        eachRegion<Image>(regions.value(), perRegion, done);
    });
}

void AwsProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    regionsInScope([this, done](Result<QStringList> regions) {
        if (!regions.ok())
            return done(regions.error());
        PerRegion<SshKey> perRegion = [this](const QString &region,
                                             const Callback<QList<SshKey>> &regionDone) {
            call(region, QStringLiteral("DescribeKeyPairs"),
                 {{QStringLiteral("IncludePublicKey"), QStringLiteral("true")}},
                 [regionDone](Result<QByteArray> body) {
                     if (!body.ok())
                         return regionDone(body.error());
                     regionDone(AwsParser::keyPairs(body.value()));
                 });
        };
        // Key pairs are regional; one entry per name (a key imported into several regions is
        // one key to the user). Creating in a region without it fails with EC2's own message.
        eachRegion<SshKey>(regions.value(), perRegion, [done](Result<QList<SshKey>> keys) {
            if (!keys.ok())
                return done(keys);
            QList<SshKey> unique;
            QSet<QString> seen;
            for (const SshKey &key : keys.value()) {
                if (!seen.contains(key.id)) {
                    seen.insert(key.id);
                    unique.append(key);
                }
            }
            done(unique);
        });
    });
}
