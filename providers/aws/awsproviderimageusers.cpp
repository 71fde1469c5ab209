// AwsProvider's SSH users: after each region's DescribeInstances, one DescribeImages for the AMIs
// of its instances that are not known yet; each AMI's default user (AwsImageUsers::userFor) goes
// into its instances' extra "sshUser", which SshTarget prefers to aws.json's "sshUser".
#include "awsprovider.h"

#include "awsimageusers.h"

#include <memory>

namespace {
/// A refused DescribeImages is asked again after this long (the policy may have been fixed).
constexpr qint64 imagesDeniedRetrySeconds = 3600;
} // namespace

void AwsProvider::describeImageUsers(const QString &region, const QList<Machine> &machines,
                                     const std::function<void()> &done)
{
    if (m_imagesDeniedAt.isValid()
        && m_imagesDeniedAt.secsTo(m_priceClock()) < imagesDeniedRetrySeconds)
        return done();
    QStringList ids;
    for (const Machine &machine : machines) {
        // A terminated instance needs no login, and its AMI may be long gone (an error for the
        // whole batch); a Windows instance says so itself and has no SSH user.
        if (machine.state == MachineState::Terminated || machine.image.isEmpty()
            || machine.extra.value(QStringLiteral("platform")).toString()
                   == QLatin1String("windows")
            || m_imageUsers.contains(machine.image) || ids.contains(machine.image))
            continue;
        ids.append(machine.image);
    }
    if (ids.isEmpty())
        return done();
    const QList<QStringList> batches = AwsImageUsers::batches(ids);
    auto pending = std::make_shared<qsizetype>(batches.size());
    for (const QStringList &batch : batches) {
        describeImageBatch(region, batch, true, [pending, done] {
            if (--*pending == 0)
                done();
        });
    }
}

void AwsProvider::describeImageBatch(const QString &region, const QStringList &ids,
                                     bool retryWithoutMissing, const std::function<void()> &done)
{
    describeAll<AwsImageUsers::Image>(
        region, QStringLiteral("DescribeImages"), AwsImageUsers::describeParams(ids),
        &AwsImageUsers::parse,
        [this, region, ids, retryWithoutMissing,
         done](const Result<QList<AwsImageUsers::Image>> &images) {
            if (images.ok()) {
                for (const AwsImageUsers::Image &image : images.value()) {
                    if (ids.contains(image.id))
                        m_imageUsers.insert(image.id, AwsImageUsers::userFor(image));
                }
                // Not in the reply: deregistered (EC2 answers for such an AMI with nothing
                // while instances still use it). Its instances keep the default user; an AMI
                // never comes back, so it is not asked for again.
                for (const QString &id : ids) {
                    if (!m_imageUsers.contains(id)) {
                        qCDebug(lcAws) << "AMI" << id << "is gone; its instances keep the "
                                       << "default SSH user";
                        m_imageUsers.insert(id, QString());
                    }
                }
                return done();
            }
            const Error &error = images.error();
            if (error.providerCode() == QLatin1String("UnauthorizedOperation")
                || error.kind() == Error::Forbidden) {
                // Not an error on the account: its instances keep aws.json's user.
                m_imagesDeniedAt = m_priceClock();
                qCInfo(lcAws).noquote() << "DescribeImages refused (" << error.message()
                                        << "); SSH users are the provider's default";
                return done();
            }
            if (error.providerCode().startsWith(QLatin1String("InvalidAMIID."))) {
                // One AMI gone for good fails the whole request: those it names keep the
                // default, the others are asked once more without them.
                QStringList missing;
                for (const QString &id : AwsImageUsers::idsInError(error.message())) {
                    if (ids.contains(id)) {
                        missing.append(id);
                        m_imageUsers.insert(id, QString());
                    }
                }
                QStringList rest = ids;
                rest.removeIf([&missing](const QString &id) { return missing.contains(id); });
                if (!missing.isEmpty() && !rest.isEmpty() && retryWithoutMissing)
                    return describeImageBatch(region, rest, false, done);
                if (!missing.isEmpty())
                    return done();
            }
            // Asked again at the next listing; until then the default user.
            qCWarning(lcAws).noquote()
                << "AMI details unavailable in" << region << ":" << error.message();
            done();
        });
}

void AwsProvider::applyImageUsers(QList<Machine> &machines) const
{
    for (Machine &machine : machines) {
        const QString user = m_imageUsers.value(machine.image);
        if (!user.isEmpty())
            machine.extra.insert(QStringLiteral("sshUser"), user);
    }
}
