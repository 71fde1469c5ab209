#include "machineeditcommand.h"

#include "accountstore.h"
#include "cliapp.h"
#include "inventory.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QCommandLineOption jsonOption()
{
    return {
        QStringLiteral("json"),
        QCoreApplication::translate("MachineEditCommand", "Print the updated machine as JSON.")};
}
} // namespace

MachineEditCommand::MachineEditCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{ }

void MachineEditCommand::rename(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({CliApp::accountOption(), jsonOption()});
    if (!m_app->parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 2)
        return m_app->usageError(tr("machines rename takes MACHINE (id or name) and NEW-NAME."));
    bool ok = false;
    const QStringList ids = m_app->selectedAccounts(parser, &ok);
    if (!ok)
        return;
    const QString newName = parser.positionalArguments().at(1);
    const bool json = parser.isSet(QStringLiteral("json"));
    m_app->findMachine(ids, parser.positionalArguments().constFirst(),
                       [this, newName, json](const Machine &machine) {
                           MachineUpdate update;
                           update.name = newName;
                           send(machine, update, json);
                       });
}

void MachineEditCommand::tag(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {CliApp::accountOption(),
         jsonOption(),
         {QStringLiteral("add"), tr("Add this tag (repeatable)."), QStringLiteral("tag")},
         {QStringLiteral("remove"), tr("Remove this tag (repeatable)."), QStringLiteral("tag")},
         {QStringLiteral("set"), tr("Replace all tags with these (comma-separated; empty: none)."),
          QStringLiteral("tags")}});
    if (!m_app->parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 1)
        return m_app->usageError(tr("machines tag takes one MACHINE (id or name)."));
    const QStringList add = parser.values(QStringLiteral("add"));
    const QStringList remove = parser.values(QStringLiteral("remove"));
    std::optional<QStringList> set;
    if (parser.isSet(QStringLiteral("set")))
        set = parser.value(QStringLiteral("set")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (add.isEmpty() && remove.isEmpty() && !set)
        return m_app->usageError(tr("machines tag: say --add, --remove or --set."));
    bool ok = false;
    const QStringList ids = m_app->selectedAccounts(parser, &ok);
    if (!ok)
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    m_app->findMachine(ids, parser.positionalArguments().constFirst(),
                       [this, add, remove, set, json](const Machine &machine) {
                           MachineUpdate update;
                           update.tags = MachineUpdate::editedTags(machine.tags, add, remove, set);
                           send(machine, update, json);
                       });
}

void MachineEditCommand::send(const Machine &machine, const MachineUpdate &update, bool json)
{
    m_app->inventory()->updateMachine(
        machine.accountId, machine.id, update, [this, json](Result<Machine> result) {
            if (!result.ok())
                return m_app->fail(result.error());
            const Machine &updated = result.value();
            if (json) {
                QJsonObject object = updated.toJson();
                const auto account = m_app->accounts()->account(updated.accountId);
                object.insert(QStringLiteral("account"),
                              account ? account->name : updated.accountId);
                m_app->out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
            } else {
                //: "web-1 (3164444): tags env=prod, team-a": after a rename or tag edit.
                m_app->out() << tr("%1 (%2): tags %3")
                                    .arg(TerminalText::printable(updated.name), updated.id,
                                         updated.tags.isEmpty()
                                             ? tr("none")
                                             : TerminalText::printable(
                                                 updated.tags.join(QStringLiteral(", "))))
                             << Qt::endl;
            }
            m_app->finish(m_app->reportCacheProblems({updated.accountId}));
        });
}
