#include "catalogcommand.h"

#include "cliapp.h"
#include "inventory.h"
#include "provider.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
QString price(const std::optional<double> &value, int decimals)
{
    return value ? QStringLiteral("$%1").arg(*value, 0, 'f', decimals) : QStringLiteral("-");
}

template<typename T>
void printJson(CliApp *app, const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    app->out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
}
} // namespace

CatalogCommand::CatalogCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{ }

bool CatalogCommand::handles(const QString &command)
{
    return command == QLatin1String("regions") || command == QLatin1String("sizes")
           || command == QLatin1String("images") || command == QLatin1String("keys");
}

void CatalogCommand::run(const QString &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("account"), tr("Account."), tr("name")},
         {QStringLiteral("json"), tr("Print JSON.")},
         {QStringLiteral("region"), tr("Only what this region offers."), tr("region")}});
    if (!m_app->parse(parser, arguments))
        return;
    if (!parser.isSet(QStringLiteral("account")))
        return m_app->usageError(tr("%1 needs --account.").arg(command));
    const auto account = m_app->accountByName(parser.value(QStringLiteral("account")));
    if (!account)
        return;
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString region = parser.value(QStringLiteral("region"));

    m_app->inventory()->withProvider(account->id, [=, this](Result<Provider *> result) {
        if (!result.ok())
            return m_app->fail(result.error());
        Provider *provider = result.value();
        if (command == QLatin1String("regions")) {
            provider->listRegions([this, json](Result<QList<Region>> regions) {
                if (!regions.ok())
                    return m_app->fail(regions.error());
                if (json)
                    printJson(m_app, regions.value());
                else {
                    //: Column headers of `clouddeck-cli regions`.
                    TextTable table({tr("ID"), tr("NAME"), tr("AVAILABLE")});
                    for (const Region &r : regions.value())
                        table.addRow({r.id, r.name, r.available ? tr("yes") : tr("no")});
                    m_app->out() << table.toString();
                }
                m_app->finish(CliApp::Ok);
            });
        } else if (command == QLatin1String("sizes")) {
            provider->listSizes([this, json, region](Result<QList<Size>> sizes) {
                if (!sizes.ok())
                    return m_app->fail(sizes.error());
                QList<Size> shown;
                for (const Size &size : sizes.value()) {
                    if (region.isEmpty() || size.regions.isEmpty() || size.regions.contains(region))
                        shown.append(size);
                }
                if (json)
                    printJson(m_app, shown);
                else {
                    //: Column headers of `clouddeck-cli sizes`.
                    TextTable table({tr("ID"), tr("VCPUS"), tr("MEMORY"), tr("DISK"), tr("$/MONTH"),
                                     tr("$/HOUR")});
                    table.alignRight(4);
                    table.alignRight(5);
                    for (const Size &s : shown)
                        table.addRow({s.id, QString::number(s.vcpus), tr("%1 MB").arg(s.memoryMb),
                                      tr("%1 GB").arg(s.diskGb), price(s.priceMonthly, 2),
                                      price(s.priceHourly, 4)});
                    m_app->out() << table.toString();
                }
                m_app->finish(CliApp::Ok);
            });
        } else if (command == QLatin1String("images")) {
            provider->listImages([this, json, region](Result<QList<Image>> images) {
                if (!images.ok())
                    return m_app->fail(images.error());
                QList<Image> shown;
                for (const Image &image : images.value()) {
                    if (region.isEmpty() || image.regions.isEmpty()
                        || image.regions.contains(region))
                        shown.append(image);
                }
                if (json)
                    printJson(m_app, shown);
                else {
                    //: Column headers of `clouddeck-cli images`.
                    TextTable table({tr("ID"), tr("NAME"), tr("KIND")});
                    for (const Image &i : shown)
                        table.addRow({i.id, i.name, i.kind});
                    m_app->out() << table.toString();
                }
                m_app->finish(CliApp::Ok);
            });
        } else {
            provider->listSshKeys([this, json](Result<QList<SshKey>> keys) {
                if (!keys.ok())
                    return m_app->fail(keys.error());
                if (json)
                    printJson(m_app, keys.value());
                else {
                    //: Column headers of `clouddeck-cli keys`.
                    TextTable table({tr("ID"), tr("NAME"), tr("FINGERPRINT")});
                    for (const SshKey &k : keys.value())
                        table.addRow({k.id, k.name, k.fingerprint});
                    m_app->out() << table.toString();
                }
                m_app->finish(CliApp::Ok);
            });
        }
    });
}
