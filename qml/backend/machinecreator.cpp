#include "machinecreator.h"

#include "accountstore.h"
#include "appcontroller.h"
#include "format.h"
#include "inventory.h"
#include "machinemodel.h"
#include "pollscheduler.h"
#include "provider.h"
#include "providerregistry.h"

#include <QPointer>
#include <QRegularExpression>

namespace {
enum Step { AccountStep, RegionStep, SizeStep, ImageStep, KeysStep, NameStep, ReviewStep };

QString str(const char *text)
{
    return QString::fromLatin1(text);
}
} // namespace

MachineCreator::MachineCreator(QObject *parent)
    : QObject(parent)
    , m_app(AppController::instance())
{
    connect(this, &MachineCreator::choiceChanged, this, &MachineCreator::validityChanged);
    connect(this, &MachineCreator::catalogChanged, this, &MachineCreator::validityChanged);
    connect(this, &MachineCreator::stepChanged, this, &MachineCreator::validityChanged);
    connect(this, &MachineCreator::creatingChanged, this, &MachineCreator::validityChanged);
}

QStringList MachineCreator::stepTitles() const
{
    return {tr("Account"),  tr("Region"), tr("Size"),  tr("Image"),
            tr("SSH keys"), tr("Name"),   tr("Review")};
}

QVariantList MachineCreator::creatableAccounts() const
{
    QVariantList result;
    const auto accounts = m_app->accountStore()->accounts();
    for (const Account &account : accounts) {
        const ProviderMetadata metadata = m_app->registry()->metadata(account.providerId);
        if (!metadata.can(QStringLiteral("create")))
            continue;
        result.append(QVariantMap {{QStringLiteral("id"), account.id},
                                   {QStringLiteral("name"), account.name},
                                   {QStringLiteral("providerId"), account.providerId},
                                   {QStringLiteral("providerName"), metadata.name},
                                   {QStringLiteral("mark"), metadata.mark},
                                   {QStringLiteral("demo"), metadata.demo}});
    }
    return result;
}

void MachineCreator::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    m_region.clear();
    m_size.clear();
    m_image.clear();
    m_keys.clear();
    Q_EMIT accountIdChanged();
    Q_EMIT choiceChanged();
    reloadCatalog();
}

void MachineCreator::reloadCatalog()
{
    const quint64 generation = ++m_generation;
    m_regions.clear();
    m_sizes.clear();
    m_images.clear();
    m_sshKeys.clear();
    m_catalogError.clear();
    m_pending = m_accountId.isEmpty() ? 0 : 4;
    Q_EMIT catalogChanged();
    Q_EMIT sizesChanged();
    if (m_accountId.isEmpty())
        return;

    // Each list arrives on its own, from the provider or, when it cannot be reached, from the
    // offline cache (Inventory::fetch*); a list the provider does not offer is empty. The wizard
    // may be closed before the answers come: every callback checks `self`.
    QPointer<MachineCreator> self(this);
    auto store = [this, self, generation](auto *target) {
        return [this, self, generation, target](auto result) {
            if (!self || generation != m_generation)
                return;
            if (result.ok())
                *target = result.takeValue();
            else if (result.error().kind() != Error::Unsupported && m_catalogError.isEmpty())
                m_catalogError = result.error().message();
            --m_pending;
            loaded();
        };
    };
    Inventory *inventory = m_app->inventory();
    inventory->fetchRegions(m_accountId, store(&m_regions));
    inventory->fetchSizes(m_accountId, store(&m_sizes));
    inventory->fetchImages(m_accountId, store(&m_images));
    inventory->fetchSshKeys(m_accountId, store(&m_sshKeys));
}

void MachineCreator::loaded()
{
    Q_EMIT catalogChanged();
    Q_EMIT sizesChanged();
}

const Region *MachineCreator::findRegion(const QString &id) const
{
    for (const Region &region : m_regions) {
        if (region.id == id)
            return &region;
    }
    return nullptr;
}

const Size *MachineCreator::findSize(const QString &id) const
{
    for (const Size &size : m_sizes) {
        if (size.id == id)
            return &size;
    }
    return nullptr;
}

QVariantList MachineCreator::regions() const
{
    QVariantList result;
    for (const Region &region : m_regions) {
        result.append(QVariantMap {{QStringLiteral("id"), region.id},
                                   {QStringLiteral("name"), region.name},
                                   {QStringLiteral("country"), region.country},
                                   {QStringLiteral("available"), region.available}});
    }
    return result;
}

QVariantList MachineCreator::sizes() const
{
    const Region *region = findRegion(m_region);
    QVariantList result;
    for (const Size &size : m_sizes) {
        const bool offered = !region
                             || ((region->sizes.isEmpty() || region->sizes.contains(size.id))
                                 && (size.regions.isEmpty() || size.regions.contains(region->id)));
        if (!offered)
            continue;
        result.append(QVariantMap {
            {QStringLiteral("id"), size.id},
            {QStringLiteral("description"),
             size.description.isEmpty() ? size.id : size.description},
            {QStringLiteral("shape"), Format::shape(size.vcpus, size.memoryMb, size.diskGb)},
            {QStringLiteral("available"), size.available},
            {QStringLiteral("priceMonthly"),
             size.priceMonthly ? QVariant(*size.priceMonthly) : QVariant()},
            {QStringLiteral("priceText"),
             Format::monthly(size.priceMonthly ? QVariant(*size.priceMonthly) : QVariant())},
            {QStringLiteral("hourlyText"),
             Format::hourly(size.priceHourly ? QVariant(*size.priceHourly) : QVariant())}});
    }
    return result;
}

QVariantList MachineCreator::images() const
{
    QVariantList result;
    for (const Image &image : m_images) {
        if (!m_region.isEmpty() && !image.regions.isEmpty() && !image.regions.contains(m_region))
            continue;
        result.append(QVariantMap {{QStringLiteral("id"), image.id},
                                   {QStringLiteral("name"), image.name},
                                   {QStringLiteral("distribution"), image.distribution},
                                   {QStringLiteral("kind"), image.kind}});
    }
    return result;
}

QVariantList MachineCreator::sshKeys() const
{
    QVariantList result;
    for (const SshKey &key : m_sshKeys) {
        result.append(QVariantMap {{QStringLiteral("id"), key.id},
                                   {QStringLiteral("name"), key.name},
                                   {QStringLiteral("fingerprint"), key.fingerprint}});
    }
    return result;
}

void MachineCreator::setRegion(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    Q_EMIT choiceChanged();
    Q_EMIT sizesChanged();
}

void MachineCreator::setSize(const QString &size)
{
    if (size == m_size)
        return;
    m_size = size;
    Q_EMIT choiceChanged();
}

void MachineCreator::setImage(const QString &image)
{
    if (image == m_image)
        return;
    m_image = image;
    Q_EMIT choiceChanged();
}

void MachineCreator::setKeys(const QStringList &keys)
{
    if (keys == m_keys)
        return;
    m_keys = keys;
    Q_EMIT choiceChanged();
}

void MachineCreator::toggleKey(const QString &keyId)
{
    QStringList keys = m_keys;
    if (!keys.removeOne(keyId))
        keys.append(keyId);
    setKeys(keys);
}

void MachineCreator::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    Q_EMIT choiceChanged();
}

void MachineCreator::setTags(const QString &tags)
{
    if (tags == m_tags)
        return;
    m_tags = tags;
    Q_EMIT choiceChanged();
}

QStringList MachineCreator::parsedTags() const
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return m_tags.split(separators, Qt::SkipEmptyParts);
}

void MachineCreator::setStep(int step)
{
    step = qBound(0, step, stepCount() - 1);
    if (step == m_step)
        return;
    m_step = step;
    Q_EMIT stepChanged();
}

bool MachineCreator::next()
{
    if (!canAdvance() || m_step >= stepCount() - 1)
        return false;
    setStep(m_step + 1);
    return true;
}

void MachineCreator::back()
{
    setStep(m_step - 1);
}

QString MachineCreator::problemAt(int step) const
{
    static const QRegularExpression namePattern(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$"));
    static const QRegularExpression tagPattern(QStringLiteral("^[A-Za-z0-9:._-]{1,64}$"));
    switch (step) {
    case AccountStep:
        return m_accountId.isEmpty() ? tr("Choose the account to create the machine in.")
                                     : QString();
    case RegionStep:
        if (!m_catalogError.isEmpty())
            return m_catalogError;
        if (m_region.isEmpty())
            return tr("Choose a region.");
        if (const Region *region = findRegion(m_region); region && !region->available)
            return tr("%1 is not accepting new machines at the moment.").arg(region->name);
        return {};
    case SizeStep: {
        if (m_size.isEmpty())
            return tr("Choose a size.");
        const Size *size = findSize(m_size);
        const QVariantList offered = sizes();
        const bool listed =
            std::any_of(offered.cbegin(), offered.cend(), [this](const QVariant &s) {
                return s.toMap().value(QStringLiteral("id")).toString() == m_size;
            });
        if (!size || !listed)
            return tr("%1 is not offered in this region; choose another size.").arg(m_size);
        if (!size->available)
            return tr("%1 is sold out at the moment; choose another size.").arg(m_size);
        return {};
    }
    case ImageStep:
        return m_image.isEmpty() ? tr("Choose an image.") : QString();
    case KeysStep:
        return {}; // optional: some clouds then mail a root password
    case NameStep: {
        const QString name = m_name.trimmed();
        if (name.isEmpty())
            return tr("Give the machine a name.");
        if (!namePattern.match(name).hasMatch())
            return tr("Use letters, digits, dots and dashes, starting and ending with a letter or "
                      "digit (at most 63 characters).");
        const auto existing = m_app->machineModel()->machines(m_accountId);
        for (const Machine &machine : existing) {
            if (machine.name.compare(name, Qt::CaseInsensitive) == 0)
                return tr("This account already has a machine called %1.").arg(machine.name);
        }
        const QStringList tags = parsedTags();
        for (const QString &tag : tags) {
            if (!tagPattern.match(tag).hasMatch())
                return tr("Tags may use letters, digits and : . _ - only; \"%1\" does not.")
                    .arg(tag);
        }
        return {};
    }
    case ReviewStep:
        for (int earlier = AccountStep; earlier < ReviewStep; ++earlier) {
            if (const QString problem = problemAt(earlier); !problem.isEmpty())
                return problem;
        }
        return {};
    }
    return {};
}

QVariantMap MachineCreator::review() const
{
    const auto account = m_app->accountStore()->account(m_accountId);
    const Region *region = findRegion(m_region);
    const Size *size = findSize(m_size);
    QString imageName = m_image;
    for (const Image &image : m_images) {
        if (image.id == m_image)
            imageName = image.name;
    }
    QStringList keyNames;
    for (const SshKey &key : m_sshKeys) {
        if (m_keys.contains(key.id))
            keyNames.append(key.name);
    }
    const QVariant monthly =
        size && size->priceMonthly ? QVariant(*size->priceMonthly) : QVariant();
    const QVariant hourly = size && size->priceHourly ? QVariant(*size->priceHourly) : QVariant();
    return {
        {str("account"), account ? account->name : QString()},
        {str("provider"),
         account ? m_app->registry()->metadata(account->providerId).name : QString()},
        {str("region"), region ? region->name : m_region},
        {str("size"), size ? (size->description.isEmpty() ? size->id : size->description) : m_size},
        {str("shape"), size ? Format::shape(size->vcpus, size->memoryMb, size->diskGb) : QString()},
        {str("price"), Format::monthly(monthly)},
        {str("hourly"), Format::hourly(hourly)},
        {str("image"), imageName},
        {str("keys"), keyNames},
        {str("name"), m_name.trimmed()},
        {str("tags"), parsedTags()},
    };
}

void MachineCreator::create()
{
    if (m_creating || !problemAt(ReviewStep).isEmpty())
        return;
    m_creating = true;
    m_createError.clear();
    Q_EMIT creatingChanged();

    CreateMachineRequest request;
    request.name = m_name.trimmed();
    request.region = m_region;
    request.size = m_size;
    request.image = m_image;
    request.sshKeys = m_keys;
    request.tags = parsedTags();
    const QString accountId = m_accountId;
    QPointer<MachineCreator> self(this);
    auto failed = [this, self](const Error &error) {
        if (!self)
            return;
        m_creating = false;
        m_createError = error.message();
        Q_EMIT creatingChanged();
    };
    AppController *app = m_app;
    app->inventory()->withProvider(
        accountId, [this, self, app, request, accountId, failed](Result<Provider *> provider) {
            if (!provider.ok())
                return failed(provider.error());
            provider.value()->createMachine(
                request, [this, self, app, accountId, failed](Result<Machine> result) {
                    if (!result.ok())
                        return failed(result.error());
                    // The machine exists now, whether or not the wizard is still open: show it.
                    Machine machine = result.takeValue();
                    machine.accountId = accountId;
                    machine.lastSeen = QDateTime::currentDateTimeUtc();
                    app->machineModel()->upsert(machine);
                    // Follow it closely until it runs.
                    app->inventory()->scheduler()->actionStarted(accountId);
                    app->noteCreated(accountId, machine.id);
                    if (!self)
                        return;
                    m_creating = false;
                    Q_EMIT creatingChanged();
                    Q_EMIT created(accountId, machine.id);
                });
        });
}
