#pragma once

#include "awsparser.h"
#include "catalog.h"

#include <QList>
#include <QString>

/**
 * @brief The short list of official images CloudDeck offers on EC2, and how to find the current
 * one of each in a region.
 *
 * AMIs are published per region and republished often (Canonical several times a month), so the
 * list is a set of families, each an owner and a name pattern; of the images a region has for a
 * family, the newest by creationDate is the current one.
 */
namespace AwsImageCatalog {

struct Family
{
    QString owner; ///< account id, or "amazon" (matched against imageOwnerAlias)
    QString namePattern; ///< DescribeImages "name" filter, '*' as wildcard
    QString label; ///< "Ubuntu 24.04 LTS (x86_64)"
    QString distribution;
};

[[nodiscard]] const QList<Family> &families();
/// DescribeImages parameters that ask for every family's images at once.
[[nodiscard]] QList<std::pair<QString, QString>> query();
/// The newest image of each family among @p records, in the order of families(), labelled.
[[nodiscard]] QList<Image> current(const QList<AwsParser::ImageRecord> &records);
/// Whether @p name matches @p pattern, '*' matching any run of characters (EC2's filter rule).
[[nodiscard]] bool matches(const QString &pattern, const QString &name);

} // namespace AwsImageCatalog
