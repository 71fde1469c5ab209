#pragma once

#include <QString>

/**
 * @brief The names people know AWS regions by ("US East (N. Virginia)"); DescribeRegions only
 * gives ids. Regions newer than this table show their id, which is still correct.
 */
namespace AwsRegionNames {
/// "US East (N. Virginia)" for "us-east-1"; @p id itself when unknown.
[[nodiscard]] QString name(const QString &id);
/// ISO 3166 country code ("US"); empty when unknown.
[[nodiscard]] QString country(const QString &id);
} // namespace AwsRegionNames
