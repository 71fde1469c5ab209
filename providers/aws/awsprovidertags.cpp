// AwsProvider's rename and tag edits: CreateTags and DeleteTags (EC2 Query API 2016-11-15,
// botocore ec2/2016-11-15/service-2.json: CreateTagsRequest has Resources, serialized as
// "ResourceId.N", and Tags, as "Tag.N.Key"/"Tag.N.Value"; DeleteTagsRequest the same, where a
// tag without a Value is deleted whatever its value). Both answer <return>true</return>.
#include "awsprovider.h"

#include "resourceid.h"
#include "stepchain.h"

namespace {

/// "key=value" -> (key, value); "key" -> (key, "") (the reverse of AwsParser's tags).
QList<std::pair<QString, QString>> keyValues(const QStringList &tags)
{
    QList<std::pair<QString, QString>> result;
    for (const QString &tag : tags)
        result.append({tag.section(QLatin1Char('='), 0, 0), tag.section(QLatin1Char('='), 1)});
    return result;
}

std::optional<QString> valueOf(const QList<std::pair<QString, QString>> &tags, const QString &key)
{
    for (const auto &[k, v] : tags) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

} // namespace

void AwsProvider::updateMachine(const QString &machineId, const MachineUpdate &update,
                                Callback<void> done)
{
    const Result<void> id = ResourceId::check(ResourceId::Opaque, machineId, tr("AWS instance id"));
    if (!id.ok())
        return failLater(id.error(), std::move(done));
    // The Name tag belongs to the rename alone; a tag list never sets or removes it.
    const QString nameKey = QStringLiteral("Name");
    QList<std::pair<QString, QString>> create;
    QStringList remove;
    if (update.name)
        create.append({nameKey, *update.name});
    if (update.tags) {
        const auto now = keyValues(*update.tags);
        const auto before = keyValues(update.previousTags);
        for (const auto &[key, value] : now) {
            if (key != nameKey && valueOf(before, key) != value)
                create.append({key, value});
        }
        for (const auto &[key, value] : before) {
            if (key != nameKey && !valueOf(now, key) && !remove.contains(key))
                remove.append(key);
        }
    }
    if (create.isEmpty() && remove.isEmpty())
        return post([done = std::move(done)] { done({}); });

    regionOf(machineId, [this, machineId, create, remove, done](Result<QString> region) {
        if (!region.ok())
            return done(region.error());
        const auto send = [this, region = region.value()](const QString &action,
                                                          const Params &params) {
            return [this, region, action, params](Callback<void> sent) {
                qCInfo(lcAws) << action << "in" << region;
                call(region, action, params, [sent = std::move(sent)](const Result<QByteArray> &body) {
                    sent(body.ok() ? Result<void>() : Result<void>(body.error()));
                });
            };
        };
        QList<StepChain::Step> steps;
        if (!create.isEmpty()) {
            Params params {{QStringLiteral("ResourceId.1"), machineId}};
            for (qsizetype i = 0; i < create.size(); ++i) {
                const QString n = QString::number(i + 1);
                params.append({QStringLiteral("Tag.%1.Key").arg(n), create.at(i).first});
                params.append({QStringLiteral("Tag.%1.Value").arg(n), create.at(i).second});
            }
            steps.append(send(QStringLiteral("CreateTags"), params));
        }
        if (!remove.isEmpty()) {
            Params params {{QStringLiteral("ResourceId.1"), machineId}};
            for (qsizetype i = 0; i < remove.size(); ++i)
                params.append({QStringLiteral("Tag.%1.Key").arg(i + 1), remove.at(i)});
            steps.append(send(QStringLiteral("DeleteTags"), params));
        }
        StepChain::run(std::move(steps), done);
    });
}
