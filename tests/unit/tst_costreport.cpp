// The cost rules in core: each cloud's billing rule as its plugin states it, what a machine
// costs in each state, grouping, per-currency totals, user-set prices, JSON and CSV.
#include "costreport.h"
#include "providerregistry.h"
#include "userprices.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
Machine machine(const QString &account, const QString &provider, const QString &id,
                MachineState::State state, std::optional<double> monthly,
                const QString &region = QStringLiteral("r1"),
                const QString &size = QStringLiteral("s1"), const QStringList &tags = {})
{
    Machine m;
    m.accountId = account;
    m.providerId = provider;
    m.id = id;
    m.name = id;
    m.state = state;
    m.pricePerMonth = monthly;
    m.region = region;
    m.size = size;
    m.tags = tags;
    return m;
}
} // namespace

class TestCostReport : public QObject
{
    Q_OBJECT

    ProviderRegistry m_registry;
    QTemporaryDir m_dir;

    CostReport::Context context(const UserPrices *prices = nullptr)
    {
        CostReport::Context c;
        c.metadata = [this](const QString &id) {
            return m_registry.metadata(id);
        };
        c.accountName = [](const QString &id) {
            return id.toUpper();
        };
        c.userPrices = prices;
        return c;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void billingRulesAreThePluginsOwn_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("stopped");
        QTest::addColumn<int>("prices");
        QTest::addColumn<QString>("currency");
        using B = ProviderMetadata::Billing;
        QTest::newRow("digitalocean")
            << u"digitalocean"_s << int(B::Stopped::Full) << int(B::Prices::List) << u"USD"_s;
        QTest::newRow("hetzner") << u"hetzner"_s << int(B::Stopped::Full) << int(B::Prices::List)
                                 << u"EUR"_s;
        QTest::newRow("linode") << u"linode"_s << int(B::Stopped::Full) << int(B::Prices::List)
                                << u"USD"_s;
        QTest::newRow("vultr") << u"vultr"_s << int(B::Stopped::Full) << int(B::Prices::List)
                               << u"USD"_s;
        QTest::newRow("aws") << u"aws"_s << int(B::Stopped::Volumes) << int(B::Prices::PriceListApi)
                             << u"USD"_s;
        QTest::newRow("openstack")
            << u"openstack"_s << int(B::Stopped::Full) << int(B::Prices::None) << u"USD"_s;
        QTest::newRow("proxmox") << u"proxmox"_s << int(B::Stopped::Full) << int(B::Prices::None)
                                 << u"USD"_s;
        QTest::newRow("demo") << u"demo"_s << int(B::Stopped::Full) << int(B::Prices::List)
                              << u"USD"_s;
        // Azure: powered off is still allocated and billed (deallocated is told on the machine).
        QTest::newRow("azure") << u"azure"_s << int(B::Stopped::Full) << int(B::Prices::List)
                               << u"USD"_s;
        QTest::newRow("gce") << u"gce"_s << int(B::Stopped::Volumes) << int(B::Prices::None)
                             << u"USD"_s;
    }
    void billingRulesAreThePluginsOwn()
    {
        QFETCH(QString, provider);
        QFETCH(int, stopped);
        QFETCH(int, prices);
        QFETCH(QString, currency);
        const ProviderMetadata metadata = m_registry.metadata(provider);
        QVERIFY2(metadata.isValid(), qPrintable(provider));
        QCOMPARE(int(metadata.billing.stopped), stopped);
        QCOMPARE(int(metadata.billing.prices), prices);
        QCOMPARE(metadata.billing.currency, currency);
        // Every rule quotes its basis; public clouds link their own documentation.
        QVERIFY(!metadata.billing.quote.isEmpty());
        if (prices != int(ProviderMetadata::Billing::Prices::None) && provider != u"demo"_s)
            QVERIFY(metadata.billing.source.scheme() == QLatin1String("https"));
        // The round trip the CLI's `providers --json` uses.
        QCOMPARE(ProviderMetadata::Billing::fromJson(metadata.billing.toJson()), metadata.billing);
    }

    void hetznerPricesAreGross() { QVERIFY(m_registry.metadata(u"hetzner"_s).billing.taxIncluded); }

    void whatAMachineCostsInEachState()
    {
        const auto billing = [this](const QString &id) {
            return m_registry.metadata(id).billing;
        };
        // Off on DigitalOcean: still billed in full.
        MachineCost off = MachineCost::of(
            machine(u"a"_s, u"digitalocean"_s, u"d1"_s, MachineState::Stopped, 24.0),
            billing(u"digitalocean"_s), nullptr);
        QVERIFY(off.offButBilled);
        QCOMPARE(off.billed, Money(2400, u"USD"_s));
        QCOMPARE(off.source, MachineCost::Source::ProviderList);
        QVERIFY(!off.estimate);
        // Stopped on AWS: the instance is free, its volumes are not (and are not priced here).
        MachineCost aws =
            MachineCost::of(machine(u"b"_s, u"aws"_s, u"i-1"_s, MachineState::Stopped, 7.59),
                            billing(u"aws"_s), nullptr);
        QVERIFY(!aws.offButBilled);
        QVERIFY(aws.volumesOnly);
        QCOMPARE(aws.billed, Money(0, u"USD"_s));
        QCOMPARE(aws.source, MachineCost::Source::PriceListApi);
        QVERIFY(aws.estimate);
        QCOMPARE(aws.priceText(), QStringLiteral("≈ $7.59"));
        // Running on AWS: the on-demand estimate.
        MachineCost running =
            MachineCost::of(machine(u"b"_s, u"aws"_s, u"i-2"_s, MachineState::Running, 7.59),
                            billing(u"aws"_s), nullptr);
        QCOMPARE(running.billed, Money(759, u"USD"_s));
        QCOMPARE(running.billedText(), QStringLiteral("≈ $7.59"));
        // Azure: "stopped (still allocated)" is billed in full, "deallocated" only its disks.
        Machine allocated = machine(u"z"_s, u"azure"_s, u"vm1"_s, MachineState::Stopped, 70.08);
        QVERIFY(MachineCost::of(allocated, billing(u"azure"_s), nullptr).offButBilled);
        Machine deallocated = allocated;
        deallocated.extra.insert(u"computeReleased"_s, true);
        const MachineCost released = MachineCost::of(deallocated, billing(u"azure"_s), nullptr);
        QVERIFY(!released.offButBilled);
        QVERIFY(released.volumesOnly);
        QCOMPARE(released.billed, Money(0, u"USD"_s));
        // Hetzner in euros; suspended counts as off.
        MachineCost hetzner =
            MachineCost::of(machine(u"c"_s, u"hetzner"_s, u"h1"_s, MachineState::Suspended, 4.5101),
                            billing(u"hetzner"_s), nullptr);
        QCOMPARE(hetzner.billed, Money(451, u"EUR"_s));
        QVERIFY(hetzner.offButBilled);
        // Destroyed: nothing.
        MachineCost gone = MachineCost::of(
            machine(u"a"_s, u"digitalocean"_s, u"d2"_s, MachineState::Terminated, 24.0),
            billing(u"digitalocean"_s), nullptr);
        QVERIFY(gone.billed.isZero());
        // No price on a private cloud: unknown, with the way to set one.
        MachineCost pve = MachineCost::of(
            machine(u"p"_s, u"proxmox"_s, u"100"_s, MachineState::Running, std::nullopt),
            billing(u"proxmox"_s), nullptr);
        QVERIFY(!pve.price);
        QVERIFY(!pve.billed.isValid());
        QVERIFY(pve.note.contains(QLatin1String("machines price")));
        // An hourly price alone is counted 730 hours, as an estimate.
        Machine hourly = machine(u"a"_s, u"vultr"_s, u"v1"_s, MachineState::Running, std::nullopt);
        hourly.pricePerHour = 0.01;
        MachineCost fromHourly = MachineCost::of(hourly, billing(u"vultr"_s), nullptr);
        QCOMPARE(fromHourly.billed, Money(730, u"USD"_s));
        QVERIFY(fromHourly.estimate);
        // A rule a cloud does not state: counted, and marked as an estimate.
        ProviderMetadata::Billing unknown;
        MachineCost guessed = MachineCost::of(
            machine(u"x"_s, u"future"_s, u"f1"_s, MachineState::Stopped, 10.0), unknown, nullptr);
        QVERIFY(guessed.offButBilled);
        QVERIFY(guessed.estimate);
    }

    void userPricesComeFirstAndAreMarked()
    {
        UserPrices prices(m_dir.filePath(u"prices-1.ini"_s));
        QVERIFY(prices.setMachinePrice(u"p"_s, u"node/qemu/100"_s, Money(1250, u"EUR"_s)));
        QVERIFY(prices.setSizePrice(u"p"_s, u"c2-m4096"_s, Money(800, u"USD"_s)));
        // Another instance (the GUI beside the CLI) reads the same file.
        UserPrices reader(m_dir.filePath(u"prices-1.ini"_s));
        QCOMPARE(reader.machinePrice(u"p"_s, u"node/qemu/100"_s), Money(1250, u"EUR"_s));

        const auto pve = m_registry.metadata(u"proxmox"_s).billing;
        MachineCost byMachine =
            MachineCost::of(machine(u"p"_s, u"proxmox"_s, u"node/qemu/100"_s, MachineState::Stopped,
                                    std::nullopt, u"pve1"_s, u"c2-m4096"_s),
                            pve, &reader);
        QCOMPARE(byMachine.source, MachineCost::Source::User);
        QCOMPARE(byMachine.billed, Money(1250, u"EUR"_s));
        QVERIFY(byMachine.offButBilled);
        QCOMPARE(MachineCost::sourceText(byMachine.source), QStringLiteral("Set by you"));
        MachineCost bySize =
            MachineCost::of(machine(u"p"_s, u"proxmox"_s, u"node/qemu/101"_s, MachineState::Running,
                                    std::nullopt, u"pve1"_s, u"c2-m4096"_s),
                            pve, &reader);
        QCOMPARE(bySize.billed, Money(800, u"USD"_s));
        // A user price replaces a list price too (a negotiated discount).
        QVERIFY(prices.setMachinePrice(u"a"_s, u"d1"_s, Money(1000, u"USD"_s)));
        reader.reload();
        MachineCost discounted = MachineCost::of(
            machine(u"a"_s, u"digitalocean"_s, u"d1"_s, MachineState::Running, 24.0),
            m_registry.metadata(u"digitalocean"_s).billing, &reader);
        QCOMPARE(discounted.billed, Money(1000, u"USD"_s));
        QVERIFY(prices.setMachinePrice(u"a"_s, u"d1"_s, std::nullopt));
        reader.reload();
        QVERIFY(!reader.machinePrice(u"a"_s, u"d1"_s));

        // Conversion rates: parts per million.
        QVERIFY(prices.setRate(u"USD"_s, u"EUR"_s, QStringLiteral("1.08")));
        reader.reload();
        QCOMPARE(reader.targetCurrency(), QStringLiteral("USD"));
        QCOMPARE(reader.ratePpm(u"EUR"_s), std::optional<qint64>(1'080'000));
        QCOMPARE(reader.rates().value(u"USD"_s), qint64(1'000'000));
    }

    void groupsAndTotals()
    {
        const QList<Machine> machines = {
            machine(u"work"_s, u"digitalocean"_s, u"d1"_s, MachineState::Running, 24.0, u"nyc3"_s,
                    u"s-2vcpu-4gb"_s, {u"env:prod"_s, u"team:web"_s}),
            machine(u"work"_s, u"digitalocean"_s, u"d2"_s, MachineState::Stopped, 12.0, u"nyc3"_s,
                    u"s-1vcpu-2gb"_s, {u"env:dev"_s}),
            machine(u"home"_s, u"hetzner"_s, u"h1"_s, MachineState::Running, 4.5101, u"fsn1"_s,
                    u"cx22"_s),
            machine(u"home"_s, u"hetzner"_s, u"h2"_s, MachineState::Stopped, 4.5101, u"fsn1"_s,
                    u"cx22"_s),
            machine(u"aws"_s, u"aws"_s, u"i-1"_s, MachineState::Stopped, 7.59, u"us-east-1"_s,
                    u"t3.micro"_s, {u"Name=web"_s, u"env:prod"_s}),
            machine(u"aws"_s, u"aws"_s, u"i-2"_s, MachineState::Running, 7.59, u"us-east-1"_s,
                    u"t3.micro"_s),
            machine(u"aws"_s, u"aws"_s, u"i-3"_s, MachineState::Terminated, 7.59, u"us-east-1"_s,
                    u"t3.micro"_s),
            machine(u"pve"_s, u"proxmox"_s, u"100"_s, MachineState::Running, std::nullopt,
                    u"pve1"_s, u"c2"_s),
        };
        const CostReport report =
            CostReport::build(machines, context(), CostReport::GroupBy::Provider);
        QCOMPARE(report.lines().size(), 7); // the destroyed one is left out
        // USD: 24 + 12 + 7.59 (running AWS) = 43.59; EUR: 4.51 * 2; never added together.
        QCOMPARE(report.total().amount(u"USD"_s), Money(4359, u"USD"_s));
        QCOMPARE(report.total().amount(u"EUR"_s), Money(902, u"EUR"_s));
        QCOMPARE(report.total().displayText(), QStringLiteral("€9.02 + $43.59"));
        QCOMPARE(report.offButBilled().displayText(), QStringLiteral("€4.51 + $12.00"));
        QCOMPARE(report.offButBilledCount(), 2);
        QCOMPARE(report.volumesOnlyCount(), 1);
        QCOMPARE(report.unpricedCount(), 1);
        QVERIFY(report.hasEstimates());
        QCOMPARE(report.mainCurrency(), QStringLiteral("USD"));
        // Largest (in the main currency) first.
        QCOMPARE(report.groups().size(), 4);
        QCOMPARE(report.groups().at(0).key, QStringLiteral("digitalocean"));
        QCOMPARE(report.groups().at(0).label, QStringLiteral("DigitalOcean"));
        QCOMPARE(report.groups().at(0).total.displayText(), QStringLiteral("$36.00"));
        QCOMPARE(report.groups().at(0).offButBilled, 1);
        QCOMPARE(report.groups().at(1).key, QStringLiteral("aws"));
        QVERIFY(report.groups().at(1).estimate);

        const CostReport byAccount =
            CostReport::build(machines, context(), CostReport::GroupBy::Account);
        QCOMPARE(byAccount.groups().at(0).label, QStringLiteral("WORK"));
        const CostReport byRegion =
            CostReport::build(machines, context(), CostReport::GroupBy::Region);
        QCOMPARE(byRegion.groups().at(0).key, QStringLiteral("nyc3"));
        const CostReport bySize = CostReport::build(machines, context(), CostReport::GroupBy::Size);
        QCOMPARE(bySize.groups().size(), 5);
        // Tags: a machine counts in each of its tags; AWS's Name tag is its name, not a group.
        const CostReport byTag = CostReport::build(machines, context(), CostReport::GroupBy::Tag);
        QStringList keys;
        for (const auto &group : byTag.groups())
            keys.append(group.key);
        QVERIFY(!keys.contains(u"Name=web"_s));
        QVERIFY(keys.contains(QString()));
        const auto prod = std::find_if(byTag.groups().cbegin(), byTag.groups().cend(),
                                       [](const auto &g) { return g.key == u"env:prod"_s; });
        QCOMPARE(prod->machines, 2);
        QCOMPARE(prod->total.displayText(), QStringLiteral("$24.00"));
        QCOMPARE(byTag.total(), report.total()); // the totals count every machine once
    }

    void idleMachinesAndWhatTheyCost()
    {
        const QList<Machine> machines = {
            machine(u"work"_s, u"digitalocean"_s, u"d1"_s, MachineState::Running, 24.0),
            machine(u"work"_s, u"digitalocean"_s, u"d2"_s, MachineState::Running, 12.0),
            // Off: counted as off-but-billed, never also as idle (its CPU is 0 because it is off).
            machine(u"work"_s, u"digitalocean"_s, u"d3"_s, MachineState::Stopped, 6.0),
            machine(u"home"_s, u"hetzner"_s, u"h1"_s, MachineState::Running, 4.5101),
            machine(u"pve"_s, u"proxmox"_s, u"100"_s, MachineState::Running, std::nullopt),
        };
        CostReport::Context c = context();
        const QStringList idleIds = {u"d2"_s, u"d3"_s, u"h1"_s, u"100"_s};
        c.isIdle = [&idleIds](const Machine &m) {
            return idleIds.contains(m.id);
        };
        const CostReport report = CostReport::build(machines, c, CostReport::GroupBy::Provider);
        QCOMPARE(report.idleCount(), 3); // d2, h1 and the unpriced guest; not the stopped d3
        QCOMPARE(report.idle().displayText(), QStringLiteral("€4.51 + $12.00"));
        QCOMPARE(report.offButBilledCount(), 1);

        const QJsonObject json = report.toJson();
        QCOMPARE(json[u"idleMachines"_s].toInt(), 3);
        QCOMPARE(json[u"idle"_s][u"USD"_s].toString(), QStringLiteral("12.00"));
        QCOMPARE(json[u"idle"_s][u"EUR"_s].toString(), QStringLiteral("4.51"));
        int flagged = 0;
        for (const QJsonValue &line : json[u"machines"_s].toArray())
            flagged += line[u"idle"_s].toBool() ? 1 : 0;
        QCOMPARE(flagged, 3);
        const QByteArray csv = report.toCsv();
        QCOMPARE(csv.count(",yes,\r\n"), 3); // idle, then volumes_monthly (none here)

        // Without metrics nothing is idle.
        const CostReport plain =
            CostReport::build(machines, context(), CostReport::GroupBy::Provider);
        QCOMPARE(plain.idleCount(), 0);
        QVERIFY(plain.idle().isEmpty());
    }

    void jsonAndCsv()
    {
        Machine tricky = machine(u"work"_s, u"digitalocean"_s, u"d9"_s, MachineState::Stopped, 5.0);
        tricky.name = QStringLiteral("=cmd|' /C calc'!A0, \"quoted\"");
        Machine hinted = machine(u"aws"_s, u"aws"_s, u"i-9"_s, MachineState::Running, std::nullopt);
        hinted.extra.insert(u"priceHint"_s, u"add pricing:GetProducts to see AWS costs"_s);
        Machine hinted2 = hinted;
        hinted2.id = u"i-10"_s;
        const CostReport report =
            CostReport::build({tricky, hinted, hinted2}, context(), CostReport::GroupBy::Provider);
        QCOMPARE(report.hints(), QStringList {u"add pricing:GetProducts to see AWS costs"_s});

        const QJsonObject json = report.toJson();
        QCOMPARE(json[u"groupBy"_s].toString(), QStringLiteral("provider"));
        QCOMPARE(json[u"total"_s][u"USD"_s].toString(), QStringLiteral("5.00"));
        QCOMPARE(json[u"offButBilled"_s][u"USD"_s].toString(), QStringLiteral("5.00"));
        QCOMPARE(json[u"unpricedMachines"_s].toInt(), 2);
        const QJsonArray machines = json[u"machines"_s].toArray();
        QCOMPARE(machines.size(), 3);
        QCOMPARE(machines[0][u"monthly"_s].toString(), QStringLiteral("5.00")); // a string, exact
        QCOMPARE(machines[0][u"source"_s].toString(), QStringLiteral("provider"));
        QVERIFY(machines[0][u"offButBilled"_s].toBool());
        QVERIFY(!machines[1].toObject().contains(u"monthly"_s));

        const QList<QByteArray> rows = report.toCsv().split('\n');
        QCOMPARE(rows.at(0).trimmed(),
                 QByteArray("account,provider,name,id,state,region,size,monthly_price,currency,"
                            "billed_monthly,source,estimate,off_but_billed,note,idle,volumes_monthly"));
        // A formula is defused and the cell quoted; quotes doubled.
        QVERIFY2(rows.at(1).startsWith("WORK,digitalocean,\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\","
                                       "d9,stopped,r1,s1,5.00,USD,5.00,provider,no,yes,"),
                 rows.at(1).constData());
        QCOMPARE(rows.size(), 5); // header, 3 rows, the empty rest after the last CRLF
    }
};

QTEST_GUILESS_MAIN(TestCostReport)
#include "tst_costreport.moc"
