#include "activitycommand.h"

#include "activityentry.h"
#include "cliapp.h"
#include "inventory.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

ActivityCommand::ActivityCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{ }

void ActivityCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({CliApp::accountOption(),
                       {QStringLiteral("limit"), tr("At most this many entries (default 50)."),
                        QStringLiteral("n"), QStringLiteral("50")},
                       {QStringLiteral("json"), tr("Print JSON.")}});
    if (!m_app->parse(parser, arguments))
        return;
    bool numeric = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&numeric);
    if (!numeric || limit < 1) {
        return m_app->usageError(tr("activity --limit: say a number of entries, 1 or more (not "
                                    "\"%1\").")
                                     .arg(parser.value(QStringLiteral("limit"))));
    }
    bool ok = false;
    const QStringList ids = m_app->selectedAccounts(parser, &ok);
    if (!ok)
        return;
    const bool oneAccount = parser.isSet(QStringLiteral("account"));
    // The log is kept whole (names copied), so rows of removed accounts still show unfiltered.
    QList<ActivityEntry> entries;
    for (const ActivityEntry &entry : m_app->inventory()->activity(oneAccount ? 1000 : limit)) {
        if (!oneAccount || ids.contains(entry.accountId))
            entries.append(entry);
        if (entries.size() == limit)
            break;
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ActivityEntry &entry : entries)
            array.append(entry.toJson());
        m_app->out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return m_app->finish(CliApp::Ok);
    }
    if (entries.isEmpty()) {
        m_app->out() << tr("Nothing done yet: actions and new machines are listed here.")
                     << Qt::endl;
        return m_app->finish(CliApp::Ok);
    }
    //: Column headers of `clouddeck-cli activity`; FROM: the GUI or the command line.
    TextTable table({tr("TIME"), tr("ACCOUNT"), tr("MACHINE"), tr("ACTION"), tr("OUTCOME"),
                     tr("FROM"), tr("MESSAGE")});
    for (const ActivityEntry &entry : entries) {
        table.addRow({entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      entry.accountName, entry.machineName.isEmpty() ? entry.machineId
                                                                     : entry.machineName,
                      entry.actionText(), ActivityEntry::outcomeText(entry.outcome),
                      entry.source == QLatin1String("clouddeck-cli") ? tr("CLI") : tr("GUI"),
                      entry.message});
    }
    m_app->out() << table.toString();
    m_app->finish(CliApp::Ok);
}
