#include "machinecreator.h"

#include "accountstore.h"
#include "format.h"
#include "inventory.h"
#include "providerregistry.h"

#include <QFile>
#include <QPointer>
#include <QStringDecoder>

namespace {
enum Step { AccountStep, RegionStep, SizeStep, ImageStep, KeysStep, NameStep, ReviewStep };

QString str(const char *text)
{
    return QString::fromLatin1(text);
}
} // namespace

MachineCreator::MachineCreator(QObject *parent)
    : QObject(parent)
{
    connect(this, &MachineCreator::choiceChanged, this, &MachineCreator::validityChanged);
    connect(this, &MachineCreator::catalogChanged, this, &MachineCreator::validityChanged);
    connect(this, &MachineCreator::stepChanged, this, &MachineCreator::validityChanged);
    connect(this, &MachineCreator::creatingChanged, this, &MachineCreator::validityChanged);
    reloadLocalKeys();
}

QStringList MachineCreator::stepTitles() const
{
    return {tr("Account"),  tr("Region"), tr("Size"),  tr("Image"),
            tr("SSH keys"), tr("Name"),   tr("Review")};
}

void MachineCreator::setInventory(Inventory *inventory)
{
    if (inventory == m_inventory)
        return;
    m_inventory = inventory;
    Q_EMIT servicesChanged();
    reloadCatalog();
}

void MachineCreator::setAccountStore(AccountStore *accounts)
{
    if (accounts == m_accounts)
        return;
    m_accounts = accounts;
    Q_EMIT servicesChanged();
}

void MachineCreator::setRegistry(ProviderRegistry *registry)
{
    if (registry == m_registry)
        return;
    m_registry = registry;
    Q_EMIT servicesChanged();
}

QVariantList MachineCreator::creatableAccounts() const
{
    QVariantList result;
    if (!m_accounts || !m_registry)
        return result;
    const auto accounts = m_accounts->accounts();
    for (const Account &account : accounts) {
        const ProviderMetadata metadata = m_registry->metadata(account.providerId);
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
    m_adminPassword.clear();
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
    m_pending = m_accountId.isEmpty() || !m_inventory ? 0 : 4;
    Q_EMIT catalogChanged();
    Q_EMIT sizesChanged();
    if (m_pending == 0)
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
    Inventory *inventory = m_inventory;
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

bool MachineCreator::isOffered(const Size &size) const
{
    const Region *region = findRegion(m_region);
    return !region
           || ((region->sizes.isEmpty() || region->sizes.contains(size.id))
               && (size.regions.isEmpty() || size.regions.contains(region->id)));
}

QVariantList MachineCreator::sizes() const
{
    QVariantList result;
    for (const Size &size : m_sizes) {
        if (!isOffered(size))
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

int MachineCreator::userDataLines() const
{
    return int(m_userData.trimmed().count(u'\n')) + 1;
}

void MachineCreator::setUserData(const QString &userData)
{
    if (userData == m_userData && m_userDataError.isEmpty())
        return;
    m_userData = userData;
    m_userDataError.clear();
    Q_EMIT choiceChanged();
}

bool MachineCreator::loadUserData(const QUrl &file)
{
    auto fail = [this](const QString &message) {
        m_userDataError = message;
        Q_EMIT choiceChanged();
        return false;
    };
    QFile source(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!source.open(QIODevice::ReadOnly))
        return fail(tr("Could not read %1: %2").arg(source.fileName(), source.errorString()));
    // One byte more than allowed tells "too large" without reading a huge file whole.
    const QByteArray bytes = source.read(maxUserDataBytes + 1);
    if (bytes.size() > maxUserDataBytes)
        return fail(tr("%1 is larger than 64 KiB, more than any cloud takes as user data.")
                        .arg(source.fileName()));
    QStringDecoder decode(QStringDecoder::Utf8);
    const QString text = decode(bytes);
    if (decode.hasError() || bytes.contains('\0'))
        return fail(tr("%1 is not a text file: user data is a #cloud-config document or a "
                       "script.")
                        .arg(source.fileName()));
    m_userData = text;
    m_userDataError.clear();
    Q_EMIT choiceChanged();
    return true;
}

bool MachineCreator::needsAdminPassword() const
{
    for (const Image &image : m_images) {
        if (image.id == m_image)
            return image.distribution.compare(QLatin1String("Windows"), Qt::CaseInsensitive) == 0;
    }
    return false;
}

void MachineCreator::setAdminPassword(const QString &password)
{
    if (password == m_adminPassword)
        return;
    m_adminPassword = password;
    Q_EMIT validityChanged();
}

CreateMachineRequest MachineCreator::request() const
{
    CreateMachineRequest request;
    request.name = m_name.trimmed();
    request.region = m_region;
    request.size = m_size;
    request.image = m_image;
    request.sshKeys = m_keys;
    request.tags = CreateMachineRequest::parseTags(m_tags);
    request.userData = m_userData;
    // Only for the image that takes it: one typed for Windows and then left for Linux is not sent.
    if (needsAdminPassword())
        request.adminPassword = m_adminPassword;
    return request;
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
    using Field = CreateMachineRequest::Field;
    const CreateMachineRequest wanted = request();
    switch (step) {
    case AccountStep:
        return m_accountId.isEmpty() ? tr("Choose the account to create the machine in.")
                                     : QString();
    case RegionStep:
        if (!m_catalogError.isEmpty())
            return m_catalogError;
        if (const QString problem = wanted.problem(Field::Region); !problem.isEmpty())
            return problem;
        if (const Region *region = findRegion(m_region); region && !region->available)
            return tr("%1 is not accepting new machines at the moment.").arg(region->name);
        return {};
    case SizeStep: {
        if (const QString problem = wanted.problem(Field::Size); !problem.isEmpty())
            return problem;
        const Size *size = findSize(m_size);
        if (!size || !isOffered(*size))
            return tr("%1 is not offered in this region; choose another size.").arg(m_size);
        if (!size->available)
            return tr("%1 is sold out at the moment; choose another size.").arg(m_size);
        return {};
    }
    case ImageStep:
        if (const QString problem = wanted.problem(Field::Image); !problem.isEmpty())
            return problem;
        if (!needsAdminPassword())
            return {};
        if (m_adminPassword.isEmpty())
            return tr("Type an administrator password for the Windows machine.");
        return CreateMachineRequest::windowsPasswordProblem(m_adminPassword);
    case KeysStep:
        return {}; // optional: some clouds then mail a root password
    case NameStep: {
        if (!m_inventory)
            return wanted.problem(Field::Name) + wanted.problem(Field::Tags);
        const auto problems = m_inventory->createProblems(m_accountId, wanted);
        for (const auto &problem : problems) {
            if (problem.field == Field::Name || problem.field == Field::Tags)
                return problem.message;
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
    const auto account = m_accounts ? m_accounts->account(m_accountId) : std::nullopt;
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
    for (const LocalSshKeys::Key &key : m_localKeys) {
        if (m_keys.contains(key.line))
            keyNames.append(tr("%1 (from this computer)").arg(key.name));
    }
    const QVariant monthly =
        size && size->priceMonthly ? QVariant(*size->priceMonthly) : QVariant();
    const QVariant hourly = size && size->priceHourly ? QVariant(*size->priceHourly) : QVariant();
    return {
        {str("account"), account ? account->name : QString()},
        {str("provider"),
         account && m_registry ? m_registry->metadata(account->providerId).name : QString()},
        {str("region"), region ? region->name : m_region},
        {str("size"), size ? (size->description.isEmpty() ? size->id : size->description) : m_size},
        {str("shape"), size ? Format::shape(size->vcpus, size->memoryMb, size->diskGb) : QString()},
        {str("price"), Format::monthly(monthly)},
        {str("hourly"), Format::hourly(hourly)},
        {str("image"), imageName},
        {str("keys"), keyNames},
        {str("name"), m_name.trimmed()},
        {str("tags"), request().tags},
    };
}

QVariantList MachineCreator::reviewRows() const
{
    const QVariantMap r = review();
    auto text = [&r](const char *key) {
        return r.value(QLatin1String(key)).toString();
    };
    auto list = [&r](const char *key) {
        const QStringList items = r.value(QLatin1String(key)).toStringList();
        return items.isEmpty() ? tr("none") : items.join(QStringLiteral(", "));
    };
    auto row = [](const QString &label, const QString &value, bool emphasis = false) {
        return QVariantMap {
            {str("label"), label}, {str("value"), value}, {str("emphasis"), emphasis}};
    };
    // An account named after its provider ("DigitalOcean") is not named twice.
    const QString account = text("account") == text("provider") || text("provider").isEmpty()
                                ? text("account")
                                : text("account") + QStringLiteral(" · ") + text("provider");
    const QString size =
        text("shape").isEmpty() ? text("size") : text("size") + QLatin1Char('\n') + text("shape");
    return {row(tr("Name"), text("name"), true),
            row(tr("Account"), account),
            row(tr("Region"), text("region")),
            row(tr("Size"), size),
            row(tr("Image"), text("image")),
            needsAdminPassword() ? row(tr("Sign-in"), tr("administrator password (as typed)"))
                                 : row(tr("SSH keys"), list("keys")),
            row(tr("Tags"), list("tags")),
            row(tr("Cloud-init"),
                m_userData.trimmed().isEmpty()
                    ? tr("none")
                    : userDataLines() == 1 ? tr("1 line")
                                            : tr("%1 lines").arg(userDataLines()))};
}

QString MachineCreator::costText() const
{
    const QVariantMap r = review();
    return tr("Costs about %1 (%2), billed by the provider while the machine exists.")
        .arg(r.value(str("price")).toString(), r.value(str("hourly")).toString());
}

void MachineCreator::create()
{
    if (m_creating || !m_inventory || !problemAt(ReviewStep).isEmpty())
        return;
    m_creating = true;
    m_createError.clear();
    Q_EMIT creatingChanged();

    // The machine exists once the provider said yes, whether or not the wizard is still open:
    // Inventory shows it and follows it; this object only reports.
    const QString accountId = m_accountId;
    QPointer<MachineCreator> self(this);
    m_inventory->createMachine(accountId, request(), [self, accountId](Result<Machine> result) {
        if (!self)
            return;
        self->m_creating = false;
        // Sent: not kept a moment longer than the wizard needs it (a retry types it again).
        if (result.ok())
            self->m_adminPassword.clear();
        if (!result.ok())
            self->m_createError = result.error().message();
        Q_EMIT self->creatingChanged();
        if (result.ok())
            Q_EMIT self->created(accountId, result.value().id);
    });
}
