#pragma once

#include "catalog.h"
#include "result.h"

#include <QList>
#include <QString>
#include <utility>

/**
 * @brief The RunInstances parameters for what the user asked for in the create flow.
 *
 * One instance (MinCount = MaxCount = 1); the key pair by name; subnet and security groups from
 * request.extra ("subnetId", "securityGroupIds" as a list or a comma-separated string), omitted
 * when not chosen so EC2 uses the region's default VPC; the name as the Name tag and every other
 * "key=value" tag in one TagSpecification for the instance; user data in base64; and the client
 * token that makes a retried launch return the first instance instead of starting a second one.
 */
namespace AwsRunInstances {

using Params = QList<std::pair<QString, QString>>;

/// The parameters (without Action and Version), or InvalidInput for a request EC2 cannot take.
[[nodiscard]] Result<Params> params(const CreateMachineRequest &request,
                                    const QString &clientToken);

} // namespace AwsRunInstances
