#include "toolimportcommand.h"

#include "cliapp.h"
#include "terminaltext.h"
#include "texttable.h"
#include "toolcredentials.h"
#include "toolimport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString outcomeId(ToolImport::Outcome::Kind kind)
{
    switch (kind) {
    case ToolImport::Outcome::Imported:
        return QStringLiteral("imported");
    case ToolImport::Outcome::Duplicate:
        return QStringLiteral("duplicate");
    case ToolImport::Outcome::Skipped:
        return QStringLiteral("skipped");
    case ToolImport::Outcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

// "~/.config/doctl/config.yaml": shorter in a table, and it is what the user knows.
QString shortPath(const QString &path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + QLatin1Char('/')) ? QLatin1Char('~') + path.mid(home.size())
                                                    : path;
}
} // namespace

ToolImportCommand::ToolImportCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{ }

void ToolImportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("from-tools"), tr("Find the credentials of doctl, hcloud, linode-cli, "
                                          "vultr-cli and the AWS CLI.")},
        {QStringLiteral("tool"), tr("Only this tool's."), QStringLiteral("name")},
        {QStringLiteral("yes"), tr("Import what was found (otherwise only list it).")},
        {QStringLiteral("no-verify"), tr("Save without signing in first.")},
        {QStringLiteral("json"), tr("Machine-readable output.")},
    });
    if (!m_app->parse(parser, arguments))
        return;
    if (!parser.positionalArguments().isEmpty())
        return m_app->usageError(tr("accounts import: unexpected \"%1\".")
                                     .arg(parser.positionalArguments().constFirst()));
    QList<ToolCredentials::Found> found =
        ToolCredentials::scan(ToolCredentials::Locations::fromEnvironment());
    if (parser.isSet(QStringLiteral("tool"))) {
        const QString tool = parser.value(QStringLiteral("tool"));
        found.removeIf([&tool](const ToolCredentials::Found &f) { return f.tool != tool; });
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    auto print = [this, json](const QList<ToolImport::Outcome> &outcomes, bool imported) {
        if (json) {
            QJsonArray rows;
            for (const ToolImport::Outcome &outcome : outcomes) {
                // Never the secret: what was found, where, and what became of it.
                QJsonObject row {{QStringLiteral("tool"), outcome.found.tool},
                                 {QStringLiteral("context"), outcome.found.context},
                                 {QStringLiteral("provider"), outcome.found.providerId},
                                 {QStringLiteral("file"), outcome.found.file},
                                 {QStringLiteral("importable"), outcome.found.importable()}};
                if (imported) {
                    row.insert(QStringLiteral("outcome"), outcomeId(outcome.kind));
                    row.insert(QStringLiteral("account"), outcome.accountName);
                }
                if (!outcome.message.isEmpty())
                    row.insert(QStringLiteral("message"), outcome.message);
                rows.append(row);
            }
            m_app->out() << QJsonDocument(rows).toJson(QJsonDocument::Indented);
            return;
        }
        TextTable table({tr("TOOL"), tr("NAME"), tr("PROVIDER"), tr("FILE"), tr("STATUS")});
        for (const ToolImport::Outcome &outcome : outcomes) {
            QString status;
            switch (outcome.kind) {
            case ToolImport::Outcome::Imported:
                status = tr("imported as \"%1\"").arg(outcome.accountName);
                break;
            case ToolImport::Outcome::Duplicate:
                status = tr("already added as \"%1\"").arg(outcome.accountName);
                break;
            case ToolImport::Outcome::Failed:
                status = tr("failed: %1").arg(outcome.message);
                break;
            case ToolImport::Outcome::Skipped:
                status = imported || !outcome.message.isEmpty()
                             ? tr("not importable: %1").arg(outcome.message)
                             : tr("can be imported");
                break;
            }
            table.addRow({outcome.found.tool, outcome.found.context, outcome.found.providerId,
                          shortPath(outcome.found.file), status});
        }
        m_app->out() << table.toString();
    };
    if (!parser.isSet(QStringLiteral("yes"))) {
        QList<ToolImport::Outcome> listed;
        for (const ToolCredentials::Found &f : std::as_const(found))
            listed.append({f, ToolImport::Outcome::Skipped, QString(), f.problem});
        if (found.isEmpty() && !json)
            m_app->err() << tr("No credentials of doctl, hcloud, linode-cli, vultr-cli or the AWS "
                               "CLI were found.")
                         << Qt::endl;
        else
            print(listed, false);
        if (!found.isEmpty() && !json)
            m_app->err() << tr("Nothing was saved: add --yes to import them.") << Qt::endl;
        return m_app->finish(CliApp::Ok);
    }
    auto *importer = new ToolImport(m_app->accountService(), m_app->accounts(),
                                    m_app->credentials(), m_app->registry(), this);
    importer->run(found, !parser.isSet(QStringLiteral("no-verify")),
                  [this, importer, print](Result<QList<ToolImport::Outcome>> outcomes) {
                      importer->deleteLater();
                      if (!outcomes.ok())
                          return m_app->fail(outcomes.error());
                      print(outcomes.value(), true);
                      for (const QString &note : ToolImport::notes(outcomes.value()))
                          m_app->err() << tr("Note: %1").arg(note) << Qt::endl;
                      bool failed = false;
                      for (const ToolImport::Outcome &outcome : outcomes.value())
                          failed |= outcome.kind == ToolImport::Outcome::Failed;
                      // Some could not be imported: say so in the exit code as well.
                      m_app->finish(failed ? CliApp::ProviderFailure : CliApp::Ok);
                  });
}
