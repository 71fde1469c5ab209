#include "costcommand.h"

#include "accountstore.h"
#include "cliapp.h"
#include "inventory.h"
#include "machinemodel.h"
#include "metricsfeed.h"
#include "money.h"
#include "providerregistry.h"
#include "statustext.h"
#include "terminaltext.h"
#include "texttable.h"
#include "userprices.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

CostCommand::CostCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
    , m_prices(new UserPrices(this))
{ }

CostReport CostCommand::report(const QStringList &accountIds, CostReport::GroupBy groupBy)
{
    QList<Machine> machines;
    for (const QString &id : accountIds)
        machines += m_app->machineModel()->machines(id);
    CostReport::Context context;
    ProviderRegistry *registry = m_app->registry();
    AccountStore *accounts = m_app->accounts();
    context.metadata = [registry](const QString &id) {
        return registry->metadata(id);
    };
    context.accountName = [accounts](const QString &id) {
        const auto account = accounts->account(id);
        return account ? account->name : QString();
    };
    context.userPrices = m_prices;
    // Idleness from the week of CPU last fetched (the GUI's rows or `machines list --metrics`);
    // `cost` itself asks the clouds for prices, not metrics.
    auto *feed = new MetricsFeed(m_app->inventory(), this);
    context.isIdle = [feed](const Machine &machine) {
        return feed->isIdle(machine.accountId, machine.id);
    };
    return CostReport::build(machines, context, groupBy);
}

void CostCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("by"), tr("Group by provider, account, region, tag or size."),
          QStringLiteral("what"), QStringLiteral("provider")},
         CliApp::accountOption(),
         {QStringLiteral("json"), tr("Print JSON.")},
         {QStringLiteral("csv"), tr("Print CSV: every machine with its price and source.")},
         {QStringLiteral("offline"), tr("Answer from the cache only.")},
         {QStringLiteral("in"), tr("Also give the total in this currency, at your --rate."),
          QStringLiteral("currency")},
         {QStringLiteral("rate"), tr("Your rate to the --in currency (EUR=1.08); repeatable."),
          QStringLiteral("CUR=rate")}});
    if (!m_app->parse(parser, arguments))
        return;
    if (!readRates(parser))
        return;
    const auto groupBy = CostReport::groupByFromId(parser.value(QStringLiteral("by")));
    if (!groupBy) {
        return m_app->usageError(tr("cost --by: say provider, account, region, tag or size "
                                    "(not \"%1\").")
                                     .arg(parser.value(QStringLiteral("by"))));
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool csv = parser.isSet(QStringLiteral("csv"));
    if (json && csv)
        return m_app->usageError(tr("cost: --json or --csv, not both."));
    bool ok = false;
    const QStringList ids = m_app->selectedAccounts(parser, &ok);
    if (!ok)
        return;
    if (parser.isSet(QStringLiteral("offline"))) {
        m_app->inventory(); // loads the cache
        print(report(ids, *groupBy), json, csv);
        return m_app->finish(m_app->reportCacheProblems(ids));
    }
    m_app->refreshAccounts(
        ids, [this, ids, groupBy, json, csv](const QHash<QString, Error> &errors) {
            print(report(ids, *groupBy), json, csv);
            const int code = reportErrors(ids, errors);
            m_app->finish(code != CliApp::Ok ? code : m_app->reportCacheProblems(ids));
        });
}

int CostCommand::reportErrors(const QStringList &accountIds, const QHash<QString, Error> &errors)
{
    Error first;
    for (const QString &id : accountIds) {
        const auto it = errors.constFind(id);
        if (it == errors.constEnd())
            continue;
        const auto account = m_app->accounts()->account(id);
        const QDateTime cached =
            m_app->inventory()->isFromCache(id) ? m_app->inventory()->lastSuccess(id) : QDateTime();
        m_app->err() << "clouddeck-cli: " << (account ? account->name : id) << ": " << it->message()
                     << (cached.isValid()
                             ? tr(" (its cost is from cached data, %1)")
                                   .arg(StatusText::age(cached, QDateTime::currentDateTimeUtc()))
                             : QString())
                     << Qt::endl;
        if (!first.isError())
            first = *it;
    }
    return first.isError() ? CliApp::exitCodeFor(first) : CliApp::Ok;
}

bool CostCommand::readRates(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("in"))) {
        if (parser.isSet(QStringLiteral("rate")))
            m_app->usageError(tr("cost --rate: say which currency it converts to with --in."));
        return !parser.isSet(QStringLiteral("rate"));
    }
    m_target = parser.value(QStringLiteral("in")).trimmed().toUpper();
    if (!Money::isCurrencyCode(m_target)) {
        m_app->usageError(tr("cost --in: a currency code such as USD or EUR (not \"%1\").")
                              .arg(TerminalText::printable(m_target)));
        return false;
    }
    m_rates.insert(m_target, 1'000'000);
    for (const QString &pair : parser.values(QStringLiteral("rate"))) {
        const QString code = pair.section(QLatin1Char('='), 0, 0).trimmed().toUpper();
        // Read as an exact decimal (core's Money), in parts per million: no float anywhere.
        const auto rate = Money::fromDecimal(pair.section(QLatin1Char('='), 1).trimmed(),
                                             m_target, 1'000'000);
        if (!Money::isCurrencyCode(code) || !rate || rate->isZero()) {
            m_app->usageError(tr("cost --rate: say CURRENCY=rate, such as EUR=1.08 (not \"%1\").")
                                  .arg(TerminalText::printable(pair)));
            return false;
        }
        m_rates.insert(code, rate->minorUnits() / 100);
    }
    return true;
}

void CostCommand::print(const CostReport &report, bool json, bool csv)
{
    const std::optional<Money> converted =
        m_target.isEmpty() ? std::nullopt : report.converted(m_target, m_rates);
    if (json) {
        QJsonObject object = report.toJson();
        if (!m_target.isEmpty()) {
            object.insert(QStringLiteral("converted"),
                          converted ? QJsonValue(QJsonObject {
                              {QStringLiteral("currency"), m_target},
                              {QStringLiteral("monthly"), converted->plainText()}})
                                    : QJsonValue(QJsonValue::Null));
        }
        m_app->out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return;
    }
    if (csv) {
        m_app->out().flush();
        QFile out;
        if (out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered))
            out.write(report.toCsv());
        return;
    }
    printTable(report);
    if (!m_target.isEmpty()) {
        QTextStream &out = m_app->out();
        if (converted) {
            out << Qt::endl
                << tr("≈ %1/mo in all, in %2 at your rates").arg(converted->displayText(), m_target)
                << Qt::endl;
        } else {
            QStringList missing;
            for (const QString &currency : report.total().currencies()) {
                if (!m_rates.contains(currency))
                    missing << currency;
            }
            out << Qt::endl
                << tr("No total in %1: give a --rate for %2.").arg(m_target, missing.join(u", "))
                << Qt::endl;
        }
    }
}

void CostCommand::printTable(const CostReport &report)
{
    static const QHash<CostReport::GroupBy, const char *> headers = {
        {CostReport::GroupBy::Provider, QT_TR_NOOP("PROVIDER")},
        {CostReport::GroupBy::Account, QT_TR_NOOP("ACCOUNT")},
        {CostReport::GroupBy::Region, QT_TR_NOOP("REGION")},
        {CostReport::GroupBy::Tag, QT_TR_NOOP("TAG")},
        {CostReport::GroupBy::Size, QT_TR_NOOP("SIZE")},
    };
    QTextStream &out = m_app->out();
    //: Column headers of `clouddeck-cli cost`; "OFF, BILLED": what machines that are off cost.
    TextTable table(
        {tr(headers.value(report.groupBy())), tr("MACHINES"), tr("MONTHLY"), tr("OFF, BILLED")});
    table.alignRight(1);
    table.alignRight(2);
    table.alignRight(3);
    for (const CostReport::Group &group : report.groups()) {
        QString total = group.total.displayText();
        if (group.estimate)
            total.prepend(QStringLiteral("≈ "));
        if (group.unpriced > 0)
            total += tr(" (%n unpriced)", nullptr, group.unpriced);
        table.addRow({group.label, QString::number(group.machines), total,
                      group.offButBilledTotal.isEmpty() ? QStringLiteral("-")
                                                        : group.offButBilledTotal.displayText()});
    }
    table.addRow({tr("TOTAL"), QString::number(report.lines().size()),
                  (report.hasEstimates() ? QStringLiteral("≈ ") : QString())
                      + report.total().displayText(QStringLiteral("-")),
                  (report.offButBilledIsEstimate() ? QStringLiteral("≈ ") : QString())
                      + report.offButBilled().displayText(QStringLiteral("-"))});
    out << table.toString();

    if (!report.offButBilled().isEmpty()) {
        out << Qt::endl
            << tr("%1/mo is for %n machine(s) that are off but still billed:", nullptr,
                  report.offButBilledCount())
                   .arg((report.offButBilledIsEstimate() ? QStringLiteral("≈ ") : QString())
                        + report.offButBilled().displayText())
            << Qt::endl;
        for (const CostReport::Line &line : report.lines()) {
            if (line.cost.offButBilled) {
                out << "  " << line.machine.name << " (" << line.accountName << ", "
                    << line.providerName << "): " << line.cost.billedText() << Qt::endl;
            }
        }
    }
    if (report.idleCount() > 0) {
        out << Qt::endl
            << tr("%1/mo is for %n machine(s) idle for a week (CPU under 2 %):", nullptr,
                  report.idleCount())
                   .arg(report.idle().displayText())
            << Qt::endl;
        for (const CostReport::Line &line : report.lines()) {
            if (line.idle) {
                out << "  " << TerminalText::printable(line.machine.name) << " ("
                    << TerminalText::printable(line.accountName) << ", " << line.providerName
                    << "): " << line.cost.billedText() << Qt::endl;
            }
        }
    }
    if (report.volumesOnlyCount() > 0) {
        out << tr("%n stopped AWS instance(s): only their EBS volumes are billed (not priced "
                  "here).",
                  nullptr, report.volumesOnlyCount())
            << Qt::endl;
    }
    if (report.total().currencies().size() > 1) {
        const std::optional<Money> converted =
            report.converted(m_prices->targetCurrency(), m_prices->rates());
        out << (converted ? tr("Totals are per currency; with your rates about %1 in all.")
                                .arg(converted->displayText())
                          : tr("Totals are per currency, never added across currencies."))
            << Qt::endl;
    }
    if (report.hasEstimates())
        out << tr("≈: an estimate (AWS on-demand list prices: instances × 730 hours, EBS "
                  "storage per GB-month).")
            << Qt::endl;
    for (const QString &hint : report.hints())
        out << tr("Note: %1").arg(hint) << Qt::endl;
}

void CostCommand::price(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("account"), tr("The machine's account."), QStringLiteral("name")},
         {QStringLiteral("size"), tr("Set the price of every machine of this size."),
          QStringLiteral("size")},
         {QStringLiteral("currency"), tr("ISO currency code (default: the cloud's)."),
          QStringLiteral("code")},
         {QStringLiteral("clear"), tr("Remove the price you set.")}});
    if (!m_app->parse(parser, arguments))
        return;
    const QStringList args = parser.positionalArguments();
    const bool clear = parser.isSet(QStringLiteral("clear"));
    const bool bySize = parser.isSet(QStringLiteral("size"));
    const int wantedArgs = (bySize ? 0 : 1) + (clear ? 0 : 1);
    if (args.size() != wantedArgs) {
        return m_app->usageError(
            tr("Usage: machines price MACHINE AMOUNT [--currency CUR] | MACHINE --clear, or "
               "machines price --size SIZE --account NAME AMOUNT | --clear"));
    }
    if (bySize && parser.value(QStringLiteral("account")).isEmpty())
        return m_app->usageError(tr("machines price --size needs --account."));
    setPrice(bySize ? QString() : args.value(0), parser.value(QStringLiteral("account")),
             parser.value(QStringLiteral("size")), clear ? QString() : args.constLast(),
             parser.value(QStringLiteral("currency")).toUpper(), clear);
}

void CostCommand::setPrice(const QString &wanted, const QString &accountName, const QString &size,
                           const QString &amount, const QString &currency, bool clear)
{
    std::optional<Account> account;
    if (!accountName.isEmpty()) {
        account = m_app->accountByName(accountName);
        if (!account)
            return;
    }
    auto parsePrice = [this, amount, currency, clear](const QString &providerId,
                                                      std::optional<Money> *price) {
        if (clear)
            return true;
        if (!currency.isEmpty() && !Money::isCurrencyCode(currency)) {
            m_app->usageError(tr("--currency: \"%1\" is not an ISO currency code such as USD "
                                 "or EUR.")
                                  .arg(currency));
            return false;
        }
        const QString fallback = currency.isEmpty()
                                     ? m_app->registry()->metadata(providerId).billing.currency
                                     : currency;
        *price = UserPrices::readAmount(amount, fallback);
        if (!*price) {
            m_app->usageError(
                tr("\"%1\" is not a monthly price such as 12.50 or \"12.50 EUR\".").arg(amount));
            return false;
        }
        return true;
    };
    auto said = [this](const QString &what, const std::optional<Money> &price, bool saved) {
        if (!saved) {
            return m_app->fail(
                Error(Error::InvalidInput,
                      tr("Could not save the price to %1.").arg(m_prices->fileName())));
        }
        //: "web-1: 12.50 EUR a month, set by you." / "web-1: price you set removed."
        m_app->out() << (price ? tr("%1: %2 a month, set by you.").arg(what, price->displayText())
                               : tr("%1: the price you set is removed.").arg(what))
                     << Qt::endl;
        m_app->finish(CliApp::Ok);
    };

    if (wanted.isEmpty()) { // --size
        std::optional<Money> price;
        if (!parsePrice(account->providerId, &price))
            return;
        return said(tr("size %1 on %2").arg(size, account->name), price,
                    m_prices->setSizePrice(account->id, size, price));
    }

    const QStringList ids = account ? QStringList {account->id} : [this] {
        QStringList all;
        for (const Account &a : m_app->accounts()->accounts())
            all.append(a.id);
        return all;
    }();
    // The cache first (setting a price needs no network); a machine it does not know yet is
    // looked for in a fresh listing.
    auto find = [this, ids, wanted]() {
        QList<Machine> byId;
        QList<Machine> byName;
        for (const QString &id : ids) {
            for (const Machine &machine : m_app->machineModel()->machines(id)) {
                if (machine.id == wanted)
                    byId.append(machine);
                else if (machine.name == wanted)
                    byName.append(machine);
            }
        }
        return byId.isEmpty() ? byName : byId;
    };
    auto apply = [this, wanted, parsePrice, said](const QList<Machine> &candidates) {
        if (candidates.isEmpty()) {
            return m_app->fail(
                Error(Error::NotFound, tr("No machine with the id or name \"%1\".").arg(wanted)));
        }
        if (candidates.size() > 1) {
            return m_app->usageError(tr("\"%1\" names %n machines: use the id or --account.",
                                        nullptr, int(candidates.size()))
                                         .arg(wanted));
        }
        const Machine &machine = candidates.constFirst();
        std::optional<Money> price;
        if (!parsePrice(machine.providerId, &price))
            return;
        said(machine.name, price, m_prices->setMachinePrice(machine.accountId, machine.id, price));
    };
    m_app->inventory(); // loads the cache
    const QList<Machine> cached = find();
    if (!cached.isEmpty())
        return apply(cached);
    m_app->refreshAccounts(ids, [find, apply](const QHash<QString, Error> &) { apply(find()); });
}
