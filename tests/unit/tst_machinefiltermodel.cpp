#include "inventorytestsupport.h"
#include "machinefiltermodel.h"
#include "machinemodel.h"
#include "machineorder.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace InventoryTest;

class TestMachineFilterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void naturalCompareFoldsCaseAndCountsNumbers_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("case") << QStringLiteral("Web") << QStringLiteral("web") << 0;
        QTest::newRow("case, then order") << QStringLiteral("ALPHA") << QStringLiteral("beta") << -1;
        QTest::newRow("punctuation is not a letter")
            << QStringLiteral("a_b") << QStringLiteral("A[B") << 1; // '_' 0x5f > '[' 0x5b
        QTest::newRow("numbers by value") << QStringLiteral("node-9") << QStringLiteral("node-10")
                                          << -1;
        QTest::newRow("leading zeros") << QStringLiteral("node-007") << QStringLiteral("node-7") << 0;
        QTest::newRow("non-ASCII folds too")
            << QStringLiteral("\u00c9cole") << QStringLiteral("\u00e9cole") << 0;
        QTest::newRow("Greek sigma") << QStringLiteral("\u03a3") << QStringLiteral("\u03c3") << 0;
        QTest::newRow("prefix") << QStringLiteral("db") << QStringLiteral("db-1") << -1;
    }

    void naturalCompareFoldsCaseAndCountsNumbers()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        QCOMPARE(MachineOrder::naturalCompare(a, b), expected);
        QCOMPARE(MachineOrder::naturalCompare(b, a), -expected);
    }

    void init()
    {
        m_source = new MachineModel(this);
        // Two accounts on two providers, a mix of states, prices, regions and tags.
        QList<Machine> a;
        a << make(QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("web-10"),
                  MachineState::Running, QStringLiteral("nyc3"), 24, {QStringLiteral("prod")})
          << make(QStringLiteral("a"), QStringLiteral("2"), QStringLiteral("web-2"),
                  MachineState::Stopped, QStringLiteral("fra1"), 12, {QStringLiteral("prod")})
          << make(QStringLiteral("a"), QStringLiteral("3"), QStringLiteral("db-1"),
                  MachineState::Running, QStringLiteral("nyc3"), std::nullopt,
                  {QStringLiteral("db"), QStringLiteral("prod")});
        QList<Machine> b;
        b << make(QStringLiteral("b"), QStringLiteral("1"), QStringLiteral("Web-11"),
                  MachineState::Starting, QStringLiteral("ams3"), 6, {QStringLiteral("staging")})
          << make(QStringLiteral("b"), QStringLiteral("9"), QStringLiteral("cache"),
                  MachineState::Error, QStringLiteral("sgp1"), 48, {});
        for (Machine &m : b)
            m.providerId = QStringLiteral("hetzner");
        m_source->setAccountMachines(QStringLiteral("a"), a);
        m_source->setAccountMachines(QStringLiteral("b"), b);
        m_filter = new MachineFilterModel(this);
        m_tester = new QAbstractItemModelTester(
            m_filter, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        m_filter->setMachineModel(m_source);
    }
    void cleanup()
    {
        delete m_tester;
        delete m_filter;
        delete m_source;
    }

    void defaultIsEverythingByNaturalName()
    {
        QCOMPARE(m_filter->count(), 5);
        QCOMPARE(m_filter->totalCount(), 5);
        QVERIFY(!m_filter->filtersActive());
        QCOMPARE(names(), (QStringList {QStringLiteral("cache"), QStringLiteral("db-1"),
                                        QStringLiteral("web-2"), QStringLiteral("web-10"),
                                        QStringLiteral("Web-11")}));
    }

    void searchMatchesEveryField_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("name") << QStringLiteral("WEB")
                              << QStringList {QStringLiteral("web-2"), QStringLiteral("web-10"),
                                              QStringLiteral("Web-11")};
        QTest::newRow("public ipv4")
            << QStringLiteral("203.0.113.3") << QStringList {QStringLiteral("db-1")};
        QTest::newRow("private ipv4")
            << QStringLiteral("10.1.0.9") << QStringList {QStringLiteral("cache")};
        QTest::newRow("ipv6") << QStringLiteral("2001:db8::b1")
                              << QStringList {QStringLiteral("Web-11")};
        QTest::newRow("tag") << QStringLiteral("staging") << QStringList {QStringLiteral("Web-11")};
        QTest::newRow("region") << QStringLiteral("fra") << QStringList {QStringLiteral("web-2")};
        QTest::newRow("size") << QStringLiteral("size-a-3") << QStringList {QStringLiteral("db-1")};
        QTest::newRow("image") << QStringLiteral("image-b-9")
                               << QStringList {QStringLiteral("cache")};
        QTest::newRow("all words must match")
            << QStringLiteral("web nyc3") << QStringList {QStringLiteral("web-10")};
        QTest::newRow("extra spaces")
            << QStringLiteral("  prod   db- ") << QStringList {QStringLiteral("db-1")};
        QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList {};
    }

    void searchMatchesEveryField()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QSignalSpy active(m_filter, &MachineFilterModel::filtersActiveChanged);
        QSignalSpy search(m_filter, &MachineFilterModel::searchTextChanged);
        m_filter->setSearchText(text);
        QCOMPARE(search.size(), 1);
        QCOMPARE(active.size(), 1);
        QVERIFY(m_filter->filtersActive());
        QCOMPARE(names(), expected);
        m_filter->setSearchText(text);
        QCOMPARE(search.size(), 1);
    }

    void chipFilters()
    {
        m_filter->setAccountIds({QStringLiteral("b")});
        QCOMPARE(names(), (QStringList {QStringLiteral("cache"), QStringLiteral("Web-11")}));
        m_filter->setAccountIds({});
        m_filter->setProviderIds({QStringLiteral("fake")});
        QCOMPARE(m_filter->count(), 3);
        m_filter->setProviderIds({});
        // Within a filter any value matches...
        m_filter->setStates({QStringLiteral("running"), QStringLiteral("error")});
        QCOMPARE(names(), (QStringList {QStringLiteral("cache"), QStringLiteral("db-1"),
                                        QStringLiteral("web-10")}));
        // ... across filters all must.
        m_filter->setTags({QStringLiteral("db"), QStringLiteral("staging")});
        QCOMPARE(names(), QStringList {QStringLiteral("db-1")});
        m_filter->clearFilters();
        QVERIFY(!m_filter->filtersActive());
        QCOMPARE(m_filter->count(), 5);
    }

    void toggleFilterIsAChipTap()
    {
        m_filter->toggleFilter(QStringLiteral("states"), QStringLiteral("stopped"));
        QCOMPARE(m_filter->states(), QStringList {QStringLiteral("stopped")});
        QCOMPARE(names(), QStringList {QStringLiteral("web-2")});
        m_filter->toggleFilter(QStringLiteral("tags"), QStringLiteral("prod"));
        m_filter->toggleFilter(QStringLiteral("states"), QStringLiteral("stopped"));
        QCOMPARE(m_filter->states(), QStringList());
        QCOMPARE(m_filter->count(), 3);
        m_filter->toggleFilter(QStringLiteral("accounts"), QStringLiteral("a"));
        m_filter->toggleFilter(QStringLiteral("providers"), QStringLiteral("hetzner"));
        QCOMPARE(m_filter->count(), 0);
        m_filter->toggleFilter(QStringLiteral("nonsense"), QStringLiteral("x"));
        QCOMPARE(m_filter->accountIds(), QStringList {QStringLiteral("a")});
    }

    void sortKeys_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<QStringList>("ascending");
        using M = MachineFilterModel;
        QTest::newRow("name") << int(M::SortByName)
                              << QStringList {QStringLiteral("cache"), QStringLiteral("db-1"),
                                              QStringLiteral("web-2"), QStringLiteral("web-10"),
                                              QStringLiteral("Web-11")};
        QTest::newRow("state") << int(M::SortByState)
                               << QStringList {QStringLiteral("cache"), QStringLiteral("Web-11"),
                                               QStringLiteral("db-1"), QStringLiteral("web-10"),
                                               QStringLiteral("web-2")};
        QTest::newRow("provider") << int(M::SortByProvider)
                                  << QStringList {QStringLiteral("db-1"), QStringLiteral("web-2"),
                                                  QStringLiteral("web-10"), QStringLiteral("cache"),
                                                  QStringLiteral("Web-11")};
        QTest::newRow("region") << int(M::SortByRegion)
                                << QStringList {QStringLiteral("Web-11"), QStringLiteral("web-2"),
                                                QStringLiteral("db-1"), QStringLiteral("web-10"),
                                                QStringLiteral("cache")};
        QTest::newRow("cost") << int(M::SortByCost)
                              << QStringList {QStringLiteral("db-1"), QStringLiteral("Web-11"),
                                              QStringLiteral("web-2"), QStringLiteral("web-10"),
                                              QStringLiteral("cache")};
        QTest::newRow("created") << int(M::SortByCreated)
                                 << QStringList {QStringLiteral("web-10"), QStringLiteral("web-2"),
                                                 QStringLiteral("db-1"), QStringLiteral("Web-11"),
                                                 QStringLiteral("cache")};
    }

    void sortKeys()
    {
        QFETCH(int, key);
        QFETCH(QStringList, ascending);
        QSignalSpy keyChanged(m_filter, &MachineFilterModel::sortKeyChanged);
        m_filter->setSortKey(MachineFilterModel::SortKey(key));
        QCOMPARE(keyChanged.size(), key == MachineFilterModel::SortByName ? 0 : 1);
        QCOMPARE(names(), ascending);
        QSignalSpy orderChanged(m_filter, &MachineFilterModel::sortOrderChanged);
        m_filter->setSortOrder(Qt::DescendingOrder);
        QCOMPARE(orderChanged.size(), 1);
        QCOMPARE(m_filter->sortOrder(), Qt::DescendingOrder);
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(names(), descending);
    }

    void summaryOfWhatIsShown()
    {
        QCOMPARE(m_filter->stateCounts(), (QVariantMap {{QStringLiteral("running"), 2},
                                                        {QStringLiteral("stopped"), 1},
                                                        {QStringLiteral("starting"), 1},
                                                        {QStringLiteral("error"), 1}}));
        QCOMPARE(m_filter->accountCounts(),
                 (QVariantMap {{QStringLiteral("a"), 3}, {QStringLiteral("b"), 2}}));
        QCOMPARE(m_filter->totalMonthlyCost(), 24.0 + 12 + 6 + 48);
        QCOMPARE(m_filter->unpricedCount(), 1);
        QSignalSpy summary(m_filter, &MachineFilterModel::summaryChanged);
        m_filter->setAccountIds({QStringLiteral("a")});
        QCOMPARE(m_filter->accountCounts(), (QVariantMap {{QStringLiteral("a"), 3}}));
        QCOMPARE(m_filter->totalMonthlyCost(), 36.0);
        QCOMPARE(m_filter->stateCounts(),
                 (QVariantMap {{QStringLiteral("running"), 2}, {QStringLiteral("stopped"), 1}}));
        QTRY_COMPARE(summary.size(), 1); // once, however many rows moved
    }

    void clearingASearchCountsWhatChangedMeanwhile()
    {
        // The summary of every row is kept for when a search is cleared; a change to the
        // source or the prices while searching must not bring back the old counts.
        const QVariantMap before = m_filter->stateCounts();
        m_filter->setSearchText(QStringLiteral("zzz"));
        QCOMPARE(m_filter->count(), 0);
        QVERIFY(m_filter->stateCounts().isEmpty());
        m_filter->setSearchText(QString());
        QCOMPARE(m_filter->stateCounts(), before);

        m_filter->setSearchText(QStringLiteral("zzz"));
        QVERIFY(m_filter->stateCounts().isEmpty());
        QList<Machine> a = m_source->machines(QStringLiteral("a"));
        a[0].state = MachineState::Stopped;
        m_source->setAccountMachines(QStringLiteral("a"), a);
        m_filter->setSearchText(QString());
        QCOMPARE(m_filter->stateCounts().value(QStringLiteral("running")).toInt(), 1);
        QCOMPARE(m_filter->stateCounts().value(QStringLiteral("stopped")).toInt(), 2);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        UserPrices prices(dir.filePath(QStringLiteral("prices.ini")));
        m_filter->setPricing({}, &prices);
        QCOMPARE(m_filter->unpricedCount(), 1);
        m_filter->setSearchText(QStringLiteral("zzz"));
        QCOMPARE(m_filter->unpricedCount(), 0);
        QVERIFY(prices.setMachinePrice(QStringLiteral("a"), QStringLiteral("3"),
                                       Money(1999, QStringLiteral("USD"))));
        m_filter->setSearchText(QString());
        QCOMPARE(m_filter->unpricedCount(), 0);
        m_filter->setPricing({}, nullptr);
    }

    void followsTheSourceModel()
    {
        m_filter->setStates({QStringLiteral("running")});
        QCOMPARE(m_filter->count(), 2);
        QSignalSpy count(m_filter, &MachineFilterModel::countChanged);
        QSignalSpy total(m_filter, &MachineFilterModel::totalCountChanged);
        QSignalSpy summary(m_filter, &MachineFilterModel::summaryChanged);
        // A refresh stops web-10: it leaves the filtered rows.
        QList<Machine> a = m_source->machines(QStringLiteral("a"));
        a[0].state = MachineState::Stopped;
        m_source->setAccountMachines(QStringLiteral("a"), a);
        QCOMPARE(names(), QStringList {QStringLiteral("db-1")});
        QVERIFY(count.size() >= 1);
        // The optimistic overlay counts too: a reboot shows as rebooting.
        m_source->setOptimisticState(QStringLiteral("a"), QStringLiteral("3"),
                                     MachineState::Rebooting);
        QCOMPARE(m_filter->count(), 0);
        m_filter->setStates({});
        QCOMPARE(m_filter->stateCounts().value(QStringLiteral("rebooting")).toInt(), 1);
        // A new machine appears sorted in place.
        m_source->upsert(make(QStringLiteral("b"), QStringLiteral("5"), QStringLiteral("web-3"),
                              MachineState::Running, QStringLiteral("nyc3"), 1,
                              {QStringLiteral("new")}));
        QCOMPARE(names().indexOf(QStringLiteral("web-3")), 3);
        QCOMPARE(total.size(), 1);
        QCOMPARE(m_filter->totalCount(), 6);
        QTRY_VERIFY(summary.size() >= 1);
        QVERIFY(m_filter->availableTags().contains(QStringLiteral("new")));
        // A renamed machine moves.
        Machine renamed = m_source->at(m_source->rowOf(QStringLiteral("b"), QStringLiteral("9")));
        renamed.name = QStringLiteral("zeta");
        m_source->upsert(renamed);
        QCOMPARE(names().last(), QStringLiteral("zeta"));
        m_source->removeAccount(QStringLiteral("b"));
        QCOMPARE(m_filter->count(), 3);
    }

    /// While a search is active, renamed, added and removed machines are matched on their new
    /// text at once.
    void searchFollowsTheSource()
    {
        m_filter->setSearchText(QStringLiteral("web"));
        QCOMPARE(m_filter->count(), 3);
        Machine renamed = m_source->at(m_source->rowOf(QStringLiteral("a"), QStringLiteral("2")));
        renamed.name = QStringLiteral("db-2");
        m_source->upsert(renamed); // web-2 no longer matches
        QCOMPARE(names(), (QStringList {QStringLiteral("web-10"), QStringLiteral("Web-11")}));
        Machine cache = m_source->at(m_source->rowOf(QStringLiteral("b"), QStringLiteral("9")));
        cache.tags = {QStringLiteral("webcache")}; // now matches through a tag
        m_source->upsert(cache);
        QCOMPARE(m_filter->count(), 3);
        m_source->upsert(make(QStringLiteral("a"), QStringLiteral("7"), QStringLiteral("WEB-7"),
                              MachineState::Running, QStringLiteral("nyc3"), 1, {}));
        QCOMPARE(names().first(), QStringLiteral("cache"));
        QCOMPARE(m_filter->count(), 4);
        m_source->setAccountMachines(QStringLiteral("a"), {}); // rows removed under the search
        QCOMPARE(names(), (QStringList {QStringLiteral("cache"), QStringLiteral("Web-11")}));
        m_filter->setSearchText(QStringLiteral("CACHE"));
        QCOMPARE(names(), QStringList {QStringLiteral("cache")});

        // The search text outlives a cleared search (for the next one); what changes meanwhile
        // is matched on its new text.
        m_filter->setSearchText(QString());
        Machine later = m_source->at(m_source->rowOf(QStringLiteral("b"), QStringLiteral("9")));
        later.name = QStringLiteral("queue");
        later.tags = {};
        m_source->upsert(later);
        m_filter->setSearchText(QStringLiteral("cache"));
        QCOMPARE(m_filter->count(), 0);
        m_filter->setSearchText(QStringLiteral("queue"));
        QCOMPARE(names(), QStringList {QStringLiteral("queue")});
    }

    void unknownStateMatchesNothing()
    {
        m_filter->setStates({QStringLiteral("runing")});
        QCOMPARE(m_filter->count(), 0);
        m_filter->setStates({QStringLiteral("runing"), QStringLiteral("error")});
        QCOMPARE(names(), QStringList {QStringLiteral("cache")});
    }

    void availableTagsAreSortedAndUnique()
    {
        QCOMPARE(m_filter->availableTags(),
                 (QStringList {QStringLiteral("db"), QStringLiteral("prod"),
                               QStringLiteral("staging")}));
    }

    void qmlHelpers()
    {
        const int row = names().indexOf(QStringLiteral("db-1"));
        QCOMPARE(m_filter->get(row).value(QStringLiteral("name")).toString(),
                 QStringLiteral("db-1"));
        QCOMPARE(m_source->at(m_filter->sourceRow(row)).name, QStringLiteral("db-1"));
        QCOMPARE(m_filter->sourceRow(99), -1);
        QVERIFY(m_filter->get(99).isEmpty());
        QCOMPARE(m_filter->roleNames(), m_source->roleNames());
        QCOMPARE(m_filter->property("machineModel").value<MachineModel *>(), m_source);
    }

    /// A search word matches at the start of a word of what a row shows (name, tags, region,
    /// size, image) or at the start of an address: "db" no longer finds every machine through
    /// the "2001:db8::" of its IPv6 address, and "eb" finds nothing inside "web".
    void searchMatchesWordPrefixes()
    {
        m_filter->setSearchText(QStringLiteral("db"));
        QCOMPARE(names(), QStringList {QStringLiteral("db-1")});
        m_filter->setSearchText(QStringLiteral("eb"));
        QCOMPARE(names(), QStringList {});
        m_filter->setSearchText(QStringLiteral("prod"));
        QCOMPARE(m_filter->count(), 3);
        Machine cache = m_source->at(m_source->rowOf(QStringLiteral("b"), QStringLiteral("9")));
        cache.tags = {QStringLiteral("database")};
        m_source->upsert(cache);
        m_filter->setSearchText(QStringLiteral("data"));
        QCOMPARE(names(), QStringList {QStringLiteral("cache")});
        m_filter->setSearchText(QStringLiteral("11")); // a word of "Web-11", inside 203.0.113.1
        QCOMPARE(names(), QStringList {QStringLiteral("Web-11")});
        m_filter->setSearchText(QStringLiteral("2001:db8::b1"));
        QCOMPARE(names(), QStringList {QStringLiteral("Web-11")});
    }

    /// One countChanged per new search however many runs of rows it removes.
    void aSearchSaysCountChangedOnce()
    {
        QSignalSpy count(m_filter, &MachineFilterModel::countChanged);
        m_filter->setSearchText(QStringLiteral("web"));
        QCOMPARE(count.size(), 1);
        m_filter->setSearchText(QStringLiteral("web-1"));
        QCOMPARE(count.size(), 2);
        m_filter->setSearchText(QStringLiteral("web-1 "));
        QCOMPARE(count.size(), 2); // the same rows
    }

    void stateGroupsOfTheChips()
    {
        m_filter->setStates({QStringLiteral("transition")});
        QCOMPARE(names(), QStringList {QStringLiteral("Web-11")});
        m_filter->setStates({QStringLiteral("other")});
        QCOMPARE(m_filter->count(), 0);
        m_filter->toggleFilter(QStringLiteral("states"), QStringLiteral("error"));
        QCOMPARE(names(), QStringList {QStringLiteral("cache")});
        QVERIFY(m_filter->active());
        m_filter->setAccount(QStringLiteral("b"));
        m_filter->clear(); // chips and search, not the account
        QVERIFY(!m_filter->active());
        QCOMPARE(m_filter->account(), QStringLiteral("b"));
        QCOMPARE(m_filter->count(), 2);
    }

    /// The chips count within the chosen account, whatever the search and the other chips say,
    /// and typing never recomputes them.
    void facetsCountTheAccountAndIgnoreTheSearch()
    {
        auto facet = [](const QVariantList &facets, const QString &id) {
            for (const QVariant &f : facets) {
                if (f.toMap().value(QStringLiteral("id")) == id)
                    return f.toMap();
            }
            return QVariantMap();
        };
        QCOMPARE(facet(m_filter->stateFacets(), QStringLiteral("running"))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 2);
        QCOMPARE(facet(m_filter->stateFacets(), QStringLiteral("transition"))
                     .value(QStringLiteral("stateId"))
                     .toString(),
                 QStringLiteral("starting"));
        QCOMPARE(facet(m_filter->tagFacets(), QStringLiteral("prod"))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 3);
        QTest::qWait(1); // the notification of the first fill
        QSignalSpy facets(m_filter, &MachineFilterModel::facetsChanged);
        m_filter->setSearchText(QStringLiteral("web"));
        m_filter->setSearchText(QStringLiteral("web-1"));
        QTest::qWait(1); // a queued notification would arrive now
        QCOMPARE(facets.size(), 0);
        QCOMPARE(facet(m_filter->stateFacets(), QStringLiteral("running"))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 2);
        m_filter->setAccount(QStringLiteral("b"));
        QTRY_COMPARE(facets.size(), 1);
        QVERIFY(facet(m_filter->stateFacets(), QStringLiteral("running")).isEmpty());
        QCOMPARE(facet(m_filter->providerFacets(), QStringLiteral("hetzner"))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 2);
        // A checked chip stays, even at zero.
        m_filter->toggleFilter(QStringLiteral("tags"), QStringLiteral("prod"));
        QCOMPARE(facet(m_filter->tagFacets(), QStringLiteral("prod"))
                     .value(QStringLiteral("checked"))
                     .toBool(),
                 true);
        QCOMPARE(m_filter->sortKeys().size(), 7);
    }

    /// The idle chip shows only machines idle for a week; it follows the model as idleness is
    /// decided, and "Idle first" puts them on top, the costliest first.
    void idleChipAndSort()
    {
        QCOMPARE(m_filter->idleCount(), 0);
        QSignalSpy summary(m_filter, &MachineFilterModel::summaryChanged);
        m_source->setIdle(QStringLiteral("a"), QStringLiteral("2"), true); // web-2, $12
        m_source->setIdle(QStringLiteral("b"), QStringLiteral("9"), true); // cache, $48
        QCOMPARE(m_filter->idleCount(), 2);
        QTRY_VERIFY(!summary.isEmpty()); // queued: once per burst of changes
        QVERIFY(m_source->index(m_source->rowOf(QStringLiteral("b"), QStringLiteral("9")), 0)
                    .data(MachineModel::IdleRole)
                    .toBool());

        m_filter->toggleFilter(QStringLiteral("idle"), {});
        QVERIFY(m_filter->idleOnly());
        QVERIFY(m_filter->filtersActive());
        QCOMPARE(names(), (QStringList {QStringLiteral("cache"), QStringLiteral("web-2")}));
        m_source->setIdle(QStringLiteral("a"), QStringLiteral("2"), false); // it woke up
        QCOMPARE(names(), QStringList {QStringLiteral("cache")});
        m_filter->clearFilters();
        QVERIFY(!m_filter->idleOnly());
        QCOMPARE(m_filter->count(), 5);

        m_source->setIdle(QStringLiteral("a"), QStringLiteral("2"), true);
        m_filter->setSortKey(MachineFilterModel::SortByIdle);
        QCOMPARE(names().mid(0, 2), (QStringList {QStringLiteral("cache"), QStringLiteral("web-2")}));
        QCOMPARE(names().at(2), QStringLiteral("web-10")); // then the rest, costliest first
    }

    /// Prices in different currencies are never added up.
    void costsPerCurrency()
    {
        Machine cache = m_source->at(m_source->rowOf(QStringLiteral("b"), QStringLiteral("9")));
        cache.extra.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
        m_source->upsert(cache);
        QTRY_COMPARE(m_filter->monthlyCosts(),
                     (QVariantMap {{QStringLiteral("USD"), 42.0}, {QStringLiteral("EUR"), 48.0}}));
        QCOMPARE(m_filter->totalMonthlyCost(), 42.0);
        QCOMPARE(m_filter->rowOf(QStringLiteral("b"), QStringLiteral("9")), 0);
        QCOMPARE(m_filter->rowOf(QStringLiteral("b"), QStringLiteral("nope")), -1);
    }

    /// With the cost rules, the header's total is what the Cost page says: the user's prices
    /// first, and a machine that is off costs what its cloud bills for it.
    void summaryFollowsTheCostRules()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        UserPrices prices(dir.filePath(QStringLiteral("prices.ini")));
        // "fake" bills a stopped machine's disks only (as AWS); Hetzner in full, in EUR.
        m_filter->setPricing(
            [](const QString &providerId) {
                ProviderMetadata::Billing billing;
                billing.prices = ProviderMetadata::Billing::Prices::List;
                if (providerId == QLatin1String("hetzner")) {
                    billing.currency = QStringLiteral("EUR");
                    billing.stopped = ProviderMetadata::Billing::Stopped::Full;
                } else {
                    billing.stopped = ProviderMetadata::Billing::Stopped::Volumes;
                }
                return billing;
            },
            &prices);
        // a/2 (12, stopped) counts 0; db-1 has no price; b's 6 + 48 are euros.
        QTRY_COMPARE(m_filter->monthlyCosts(),
                     (QVariantMap {{QStringLiteral("USD"), 24.0}, {QStringLiteral("EUR"), 54.0}}));
        QCOMPARE(m_filter->unpricedCount(), 1);

        QSignalSpy summary(m_filter, &MachineFilterModel::summaryChanged);
        QVERIFY(prices.setMachinePrice(QStringLiteral("a"), QStringLiteral("3"),
                                       Money(1999, QStringLiteral("USD"))));
        QTRY_COMPARE(summary.size(), 1);
        QCOMPARE(m_filter->monthlyCosts(),
                 (QVariantMap {{QStringLiteral("USD"), 43.99}, {QStringLiteral("EUR"), 54.0}}));
        QCOMPARE(m_filter->unpricedCount(), 0);
        QCOMPARE(m_filter->totalMonthlyCost(), 43.99);

        // A price for a size covers every machine of it in that account, and only there.
        Machine web = m_source->at(m_source->rowOf(QStringLiteral("b"), QStringLiteral("1")));
        web.size = QStringLiteral("cx22");
        m_source->upsert(web);
        QVERIFY(prices.setSizePrice(QStringLiteral("b"), QStringLiteral("cx22"),
                                    Money(450, QStringLiteral("EUR"))));
        QTRY_COMPARE(m_filter->monthlyCosts().value(QStringLiteral("EUR")).toDouble(), 52.5);

        m_filter->setPricing({}, nullptr);
        QTRY_COMPARE(m_filter->totalMonthlyCost(), 24.0 + 12 + 6 + 48);
    }

    void worksWithoutASource()
    {
        MachineFilterModel empty;
        QCOMPARE(empty.count(), 0);
        QCOMPARE(empty.totalCount(), 0);
        QVERIFY(empty.stateCounts().isEmpty());
        QVERIFY(empty.availableTags().isEmpty());
        empty.setSearchText(QStringLiteral("x"));
        QCOMPARE(empty.get(0), QVariantMap());
    }

private:
    static Machine make(const QString &account, const QString &id, const QString &name,
                        MachineState::State state, const QString &region,
                        std::optional<double> price, const QStringList &tags)
    {
        static int n = 0;
        Machine m;
        m.accountId = account;
        m.providerId = QStringLiteral("fake");
        m.id = id;
        m.name = name;
        m.state = state;
        m.region = region;
        m.size = QStringLiteral("size-%1-%2").arg(account, id);
        m.image = QStringLiteral("image-%1-%2").arg(account, id);
        m.publicIpv4 = {QStringLiteral("203.0.113.%1").arg(id)};
        if (account == QLatin1String("b"))
            m.publicIpv4.clear();
        m.publicIpv6 = {QStringLiteral("2001:db8::%1%2").arg(account, id)};
        m.privateIpv4 = {
            QStringLiteral("10.%1.0.%2").arg(account == QLatin1String("a") ? 0 : 1).arg(id)};
        m.tags = tags;
        m.pricePerMonth = price;
        // Creation order differs from name order.
        static const QHash<QString, int> created = {{QStringLiteral("web-10"), 1},
                                                    {QStringLiteral("web-2"), 2},
                                                    {QStringLiteral("db-1"), 3},
                                                    {QStringLiteral("Web-11"), 4},
                                                    {QStringLiteral("cache"), 5}};
        m.createdAt =
            QDateTime(QDate(2025, 1, created.value(name, 20 + ++n)), QTime(0, 0), Qt::UTC);
        return m;
    }

    QStringList names() const
    {
        QStringList result;
        for (int row = 0; row < m_filter->rowCount(); ++row)
            result.append(m_filter->index(row, 0).data(MachineModel::NameRole).toString());
        return result;
    }

    MachineModel *m_source = nullptr;
    MachineFilterModel *m_filter = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

QTEST_GUILESS_MAIN(TestMachineFilterModel)
#include "tst_machinefiltermodel.moc"
