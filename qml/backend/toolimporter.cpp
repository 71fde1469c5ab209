#include "toolimporter.h"

#include "accountstore.h"
#include "inventory.h"
#include "providerregistry.h"
#include "toolimport.h"

#include <QDir>

#include <algorithm>

namespace {
// "~/.aws/credentials": what the user knows, and shorter in a row.
QString shortPath(const QString &path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + QLatin1Char('/')) ? QLatin1Char('~') + path.mid(home.size())
                                                    : QDir::toNativeSeparators(path);
}
} // namespace

ToolImporter::ToolImporter(QObject *parent)
    : QAbstractListModel(parent)
    , m_locations(ToolCredentials::Locations::fromEnvironment())
{ }

ToolImporter::~ToolImporter() = default;

void ToolImporter::setLocations(const ToolCredentials::Locations &where)
{
    m_locations = where;
}

ToolImport *ToolImporter::importer()
{
    if (!m_import && m_service && m_accounts && m_credentials && m_registry)
        m_import = new ToolImport(m_service, m_accounts, m_credentials, m_registry, this);
    return m_import;
}

int ToolImporter::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ToolImporter::roleNames() const
{
    return {
        {ToolRole, "tool"},
        {FileRole, "file"},
        {ContextRole, "context"},
        {ProviderIdRole, "providerId"},
        {ProviderNameRole, "providerName"},
        {ProviderMarkRole, "providerMark"},
        {AccountNameRole, "accountName"},
        {ExistingAccountRole, "existingAccount"},
        {ImportableRole, "importable"},
        {ProblemRole, "problem"},
        {StatusRole, "status"},
        {StatusTextRole, "statusText"},
        {MessageRole, "message"},
    };
}

QVariant ToolImporter::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ToolCredentials::Found &found = row.found;
    switch (role) {
    case Qt::DisplayRole:
    case ContextRole:
        return found.context;
    case ToolRole:
        return found.tool;
    case FileRole:
        return shortPath(found.file);
    case ProviderIdRole:
        return found.providerId;
    case ProviderNameRole: {
        const QString name = m_registry && m_registry->contains(found.providerId)
                                 ? m_registry->metadata(found.providerId).name
                                 : QString();
        return name.isEmpty() ? found.providerId : name;
    }
    case ProviderMarkRole:
        return m_registry && m_registry->contains(found.providerId)
                   ? m_registry->metadata(found.providerId).mark
                   : QString();
    case AccountNameRole:
        return row.accountName;
    case ExistingAccountRole:
        return row.existingAccount;
    case ImportableRole:
        return row.status == Available || row.status == Failed;
    case ProblemRole:
        return found.problem;
    case StatusRole:
        return int(row.status);
    case StatusTextRole:
        return statusText(row);
    case MessageRole:
        return row.message;
    default:
        return {};
    }
}

QString ToolImporter::statusText(const Row &row) const
{
    switch (row.status) {
    case Available:
        return tr("Can be imported as \"%1\"").arg(row.accountName);
    case Duplicate:
        return tr("Already added as \"%1\"").arg(row.existingAccount);
    case NotImportable:
        return tr("Not importable: %1").arg(row.found.problem);
    case Verifying:
        return tr("Signing in…");
    case Imported:
        return tr("Imported as \"%1\"").arg(row.accountName);
    case Failed:
        return tr("Not imported: %1").arg(row.message);
    }
    return {};
}

int ToolImporter::pendingCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.status == Available; }));
}

void ToolImporter::scan()
{
    if (busy())
        return; // rows are being imported: their indexes must stay
    ToolImport *import = importer();
    if (!import) {
        m_errorString = tr("The account services are not set.");
        Q_EMIT statusChanged();
        return;
    }
    ++m_generation;
    m_errorString.clear();
    beginResetModel();
    m_rows.clear();
    for (ToolCredentials::Found &found : ToolCredentials::scan(m_locations)) {
        Row row;
        if (found.problem.isEmpty() && !m_registry->contains(found.providerId))
            found.problem = tr("The %1 plugin is not installed.").arg(found.providerId);
        row.status = found.importable() ? Available : NotImportable;
        if (row.status == Available)
            row.accountName = import->freeName(found.suggestedName());
        row.found = std::move(found);
        m_rows.append(std::move(row));
    }
    endResetModel();
    Q_EMIT countChanged();
    // Whether an account already holds each credential: the AWS key id is in the settings, a
    // token is compared with each stored secret (read from the keychain, so later).
    m_pendingChecks = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).status == Available) {
            ++m_pendingChecks;
            checkDuplicate(i, m_generation);
        }
    }
    Q_EMIT statusChanged();
}

void ToolImporter::checkDuplicate(int row, quint64 generation)
{
    importer()->findExisting(m_rows.at(row).found, [this, row, generation](const QString &name) {
        if (generation != m_generation)
            return;
        --m_pendingChecks;
        if (!name.isEmpty() && m_rows.at(row).status == Available) {
            m_rows[row].status = Duplicate;
            m_rows[row].existingAccount = name;
            changedRow(row);
        }
        Q_EMIT statusChanged();
    });
}

bool ToolImporter::importRow(int row)
{
    if (row < 0 || row >= m_rows.size() || !importer() || loading())
        return false;
    const Status status = m_rows.at(row).status;
    if (status != Available && status != Failed)
        return false;
    if (busy()) {
        if (!m_queue.contains(row))
            m_queue.append(row);
        return true;
    }
    m_importing = row;
    m_rows[row].status = Verifying;
    m_rows[row].message.clear();
    changedRow(row);
    Q_EMIT statusChanged();
    const quint64 generation = m_generation;
    // ToolImport checks for a duplicate again (an account may have been added meanwhile),
    // verifies, then saves: what the CLI's `accounts import --yes` does.
    importer()->run({m_rows.at(row).found}, true,
                    [this, row, generation](Result<QList<ToolImport::Outcome>> outcomes) {
                        if (generation != m_generation)
                            return;
                        if (!outcomes.ok() || outcomes.value().isEmpty())
                            return finished(row, {}, Failed,
                                            outcomes.ok() ? tr("Nothing was imported.")
                                                          : outcomes.error().message());
                        const ToolImport::Outcome outcome = outcomes.value().constFirst();
                        for (const QString &note : ToolImport::notes(outcomes.value())) {
                            if (!m_notes.contains(note))
                                m_notes.append(note);
                        }
                        switch (outcome.kind) {
                        case ToolImport::Outcome::Imported:
                            return finished(row, outcome.accountName, Imported, {});
                        case ToolImport::Outcome::Duplicate:
                            return finished(row, outcome.accountName, Duplicate, {});
                        case ToolImport::Outcome::Skipped:
                        case ToolImport::Outcome::Failed:
                            return finished(row, {}, Failed, outcome.message);
                        }
                    });
    return true;
}

void ToolImporter::finished(int row, const QString &accountName, Status status,
                            const QString &message)
{
    Row &entry = m_rows[row];
    entry.status = status;
    entry.message = message;
    if (status == Duplicate)
        entry.existingAccount = accountName;
    else if (status == Imported)
        entry.accountName = accountName;
    m_importing = -1;
    changedRow(row);
    if (status == Imported) {
        // The names the other rows would get may be taken now.
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).status == Available) {
                const QString name = importer()->freeName(m_rows.at(i).found.suggestedName());
                if (name != m_rows.at(i).accountName) {
                    m_rows[i].accountName = name;
                    changedRow(i);
                }
            }
        }
        if (m_inventory) {
            if (const std::optional<Account> account = m_accounts->findByName(accountName))
                m_inventory->refresh(account->id);
        }
        Q_EMIT imported(accountName);
    }
    Q_EMIT statusChanged();
    next();
}

int ToolImporter::importAll()
{
    int queued = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).status == Available && i != m_importing && !m_queue.contains(i)) {
            m_queue.append(i);
            ++queued;
        }
    }
    if (!busy())
        next();
    return queued;
}

void ToolImporter::next()
{
    while (!busy() && !m_queue.isEmpty()) {
        const int row = m_queue.takeFirst();
        importRow(row);
    }
}

void ToolImporter::changedRow(int row)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at);
}
