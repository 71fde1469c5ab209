#include "inventorytestsupport.h"
#include "machinemodel.h"
#include "userpricemodel.h"
#include "userprices.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace InventoryTest;

// The settings' "Prices you set" list and the price dialog's one way of saving: what is typed
// is read exactly or refused in words, and the list follows the file, whoever wrote it.
class TestUserPriceModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("prices.ini"));
        QFile::remove(m_file);
        m_prices = new UserPrices(m_file, this);
        m_machines = new MachineModel(this);
        m_machines->setAccountMachines(
            QStringLiteral("pve"),
            {proxmoxGuest()});
        m_model = new UserPriceModel(this);
        m_tester = new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        m_model->setMachineModel(m_machines);
        m_model->setUserPrices(m_prices);
    }
    void cleanup()
    {
        delete m_tester;
        delete m_model;
        delete m_machines;
        delete m_prices;
    }

    void setsWhatIsTypedExactly()
    {
        QCOMPARE(m_model->rowCount(), 0);
        QSignalSpy count(m_model, &UserPriceModel::countChanged);
        // A machine id with a '/' (Proxmox) and a decimal comma.
        QCOMPARE(m_model->set(QStringLiteral("machine"), QStringLiteral("pve"),
                              QStringLiteral("node1/qemu/100"), QStringLiteral("12,50"),
                              QStringLiteral("EUR")),
                 QString());
        QCOMPARE(count.size(), 1);
        QCOMPARE(m_model->rowCount(), 1);
        const QModelIndex first = m_model->index(0);
        QCOMPARE(first.data(UserPriceModel::ScopeRole).toString(), QStringLiteral("machine"));
        QCOMPARE(first.data(UserPriceModel::KeyRole).toString(), QStringLiteral("node1/qemu/100"));
        QCOMPARE(first.data(UserPriceModel::LabelRole).toString(), QStringLiteral("web-1"));
        QCOMPARE(first.data(UserPriceModel::AmountRole).toString(), QStringLiteral("12.50"));
        QCOMPARE(first.data(UserPriceModel::CurrencyRole).toString(), QStringLiteral("EUR"));
        QCOMPARE(first.data(UserPriceModel::PriceTextRole).toString(), QStringLiteral("€12.50"));
        QCOMPARE(m_prices->machinePrice(QStringLiteral("pve"), QStringLiteral("node1/qemu/100")),
                 Money(1250, QStringLiteral("EUR")));
        QCOMPARE(m_model->amountFor(QStringLiteral("machine"), QStringLiteral("pve"),
                                    QStringLiteral("node1/qemu/100")),
                 QStringLiteral("12.50"));

        // A size: every machine of it in the account, listed after the machines.
        QCOMPARE(m_model->set(QStringLiteral("size"), QStringLiteral("pve"), QStringLiteral("4c-8g"),
                              QStringLiteral("30"), QStringLiteral("USD")),
                 QString());
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(1).data(UserPriceModel::LabelRole).toString(),
                 QStringLiteral("Every 4c-8g"));
        QCOMPARE(m_model->index(1).data(UserPriceModel::PriceTextRole).toString(),
                 QStringLiteral("$30.00"));

        // Changing an amount keeps the rows (no reset) and says the data changed.
        QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
        QCOMPARE(m_model->set(QStringLiteral("size"), QStringLiteral("pve"), QStringLiteral("4c-8g"),
                              QStringLiteral("USD 31.20"), QStringLiteral("USD")),
                 QString());
        QCOMPARE(reset.size(), 0);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(m_model->index(1).data(UserPriceModel::AmountRole).toString(),
                 QStringLiteral("31.20"));
    }

    void refusesWhatIsNotAPrice_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("error");
        QTest::newRow("words") << "machine" << "m" << "twelve" << "USD"
                               << "\"twelve\" is not a monthly price such as 12.50.";
        QTest::newRow("negative") << "machine" << "m" << "-5" << "USD"
                                  << "\"-5\" is not a monthly price such as 12.50.";
        QTest::newRow("thousands") << "machine" << "m" << "1,234.50" << "USD"
                                   << "\"1,234.50\" is not a monthly price such as 12.50.";
        QTest::newRow("currency") << "machine" << "m" << "5" << "dollars"
                                  << "\"dollars\" is not a currency code such as USD or EUR.";
        QTest::newRow("scope") << "region" << "m" << "5" << "USD"
                               << "Choose whether the price is for this machine or for its size.";
        QTest::newRow("no size") << "size" << "" << "5" << "USD"
                                 << "This machine has no size to set a price for.";
    }
    void refusesWhatIsNotAPrice()
    {
        QFETCH(QString, scope);
        QFETCH(QString, key);
        QFETCH(QString, amount);
        QFETCH(QString, currency);
        QFETCH(QString, error);
        QCOMPARE(m_model->set(scope, QStringLiteral("pve"), key, amount, currency), error);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_prices->entries().isEmpty());
    }

    void removesByRowOrEmptyAmount()
    {
        QCOMPARE(m_model->set(QStringLiteral("machine"), QStringLiteral("pve"), QStringLiteral("a"),
                              QStringLiteral("1"), QStringLiteral("USD")),
                 QString());
        QCOMPARE(m_model->set(QStringLiteral("machine"), QStringLiteral("pve"), QStringLiteral("b"),
                              QStringLiteral("2"), QStringLiteral("USD")),
                 QString());
        QCOMPARE(m_model->rowCount(), 2);
        QVERIFY(m_model->remove(0));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->index(0).data(UserPriceModel::KeyRole).toString(), QStringLiteral("b"));
        QVERIFY(!m_model->remove(5));
        QCOMPARE(m_model->set(QStringLiteral("machine"), QStringLiteral("pve"), QStringLiteral("b"),
                              QString(), QStringLiteral("USD")),
                 QString());
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_prices->machinePrice(QStringLiteral("pve"), QStringLiteral("b")));
    }

    /// `clouddeck-cli machines price` writes the same file from another process: a reload
    /// (the GUI's refresh) shows it; a hand-edited value that is not a price is left out.
    void followsTheFileOfAnotherWriter()
    {
        {
            UserPrices cli(m_file);
            QVERIFY(cli.setSizePrice(QStringLiteral("pve"), QStringLiteral("2c"),
                                     Money(700, QStringLiteral("CHF"))));
        }
        {
            QSettings raw(m_file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("machines/pve/x"), QStringLiteral("lots"));
        }
        QSignalSpy count(m_model, &UserPriceModel::countChanged);
        m_prices->reload();
        QCOMPARE(count.size(), 1);
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->index(0).data(UserPriceModel::PriceTextRole).toString(),
                 QStringLiteral("CHF 7.00"));
        QCOMPARE(m_model->index(0).data(UserPriceModel::AccountNameRole).toString(),
                 QStringLiteral("pve"));
    }

    void withoutAFileNothingIsSaved()
    {
        UserPriceModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.set(QStringLiteral("machine"), QStringLiteral("a"), QStringLiteral("b"),
                           QStringLiteral("1"), QStringLiteral("USD")),
                 QStringLiteral("Prices cannot be saved here."));
        QVERIFY(!model.remove(0));
        QCOMPARE(model.amountFor(QStringLiteral("machine"), QStringLiteral("a"), QStringLiteral("b")),
                 QString());
    }

private:
    static Machine proxmoxGuest()
    {
        Machine m = machine(QStringLiteral("pve"), 1);
        m.id = QStringLiteral("node1/qemu/100");
        m.name = QStringLiteral("web-1");
        return m;
    }

    QTemporaryDir m_dir;
    QString m_file;
    UserPrices *m_prices = nullptr;
    MachineModel *m_machines = nullptr;
    UserPriceModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

QTEST_GUILESS_MAIN(TestUserPriceModel)
#include "tst_userpricemodel.moc"
