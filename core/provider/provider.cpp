#include "provider.h"

#include <QTimer>
#include <QUrlQuery>

Provider::Provider(const ProviderMetadata &metadata, const Account &account,
                   const QVariantMap &secrets, QObject *parent)
    : QObject(parent)
    , m_metadata(metadata)
    , m_account(account)
    , m_secrets(secrets)
    , m_http(new HttpClient(this))
{
    if (!account.pinnedCertificateSha256.isEmpty())
        m_http->setPinnedCertificateSha256(account.pinnedCertificateSha256);
}

// QString's implicit sharing makes a reliable in-place wipe impossible; what we can do is keep the
// secret in exactly one place (here) for exactly as long as the account's provider exists.
Provider::~Provider() = default;

QUrl Provider::baseUrl() const
{
    return m_account.endpoint.isEmpty() ? m_metadata.defaultEndpoint : m_account.endpoint;
}

QUrl Provider::url(const QString &path, const QList<std::pair<QString, QString>> &query) const
{
    QUrl result = baseUrl();
    QString basePath = result.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    result.setPath(basePath + path);
    if (!query.isEmpty()) {
        QUrlQuery urlQuery;
        for (const auto &[key, value] : query)
            urlQuery.addQueryItem(key, value);
        result.setQuery(urlQuery);
    }
    return result;
}

QString Provider::secret(const QString &id) const
{
    return m_secrets.value(id).toString();
}

void Provider::post(std::function<void()> function)
{
    QTimer::singleShot(0, this, std::move(function));
}

void Provider::followAction(const QString &, MachineAction::Action, Callback<void> done)
{
    post([done = std::move(done)] { done({}); });
}

void Provider::updateMachine(const QString &, const MachineUpdate &update, Callback<void> done)
{
    unsupported(update.name ? tr("renaming machines") : tr("editing tags"), std::move(done));
}

void Provider::createMachine(const CreateMachineRequest &, Callback<Machine> done)
{
    unsupported(tr("creating machines"), std::move(done));
}

void Provider::listRegions(Callback<QList<Region>> done)
{
    unsupported(tr("listing regions"), std::move(done));
}

void Provider::listSizes(Callback<QList<Size>> done)
{
    unsupported(tr("listing sizes"), std::move(done));
}

void Provider::listImages(Callback<QList<Image>> done)
{
    unsupported(tr("listing images"), std::move(done));
}

void Provider::setMachinesInView(const QStringList &) { }

void Provider::listSshKeys(Callback<QList<SshKey>> done)
{
    unsupported(tr("listing SSH keys"), std::move(done));
}

void Provider::fetchMetrics(const QStringList &, MetricSeries::Kind, const MetricRange &,
                            Callback<QList<MetricSeries>> done)
{
    unsupported(tr("metrics"), std::move(done));
}
