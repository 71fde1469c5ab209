#pragma once

// Shared by the inventory/model tests and bench/: machines made to order, and FakeProvider, a
// test double of the Provider interface whose answers the test controls (engine unit tests; the
// real providers are tested against FakeCloudServer in tests/providers/).

#include "accountstore.h"
#include "credentialstore.h"
#include "inventory.h"
#include "machine.h"
#include "machinemodel.h"
#include "provider.h"
#include "providerregistry.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace InventoryTest {

/// A fully populated machine: every field set, so a diff of any field can be seen.
inline Machine machine(const QString &accountId, int n,
                       MachineState::State state = MachineState::Running)
{
    Machine m;
    m.accountId = accountId;
    m.providerId = QStringLiteral("fake");
    m.id = QString::number(100000 + n);
    m.name = QStringLiteral("web-%1").arg(n);
    m.state = state;
    m.providerState = MachineState::id(state);
    static const QStringList regions = {QStringLiteral("nyc3"), QStringLiteral("fra1"),
                                        QStringLiteral("sgp1"), QStringLiteral("ams3")};
    static const QStringList sizes = {QStringLiteral("s-1vcpu-1gb"), QStringLiteral("s-2vcpu-4gb"),
                                      QStringLiteral("c-8")};
    m.region = regions.at(n % regions.size());
    m.size = sizes.at(n % sizes.size());
    m.image = n % 2 ? QStringLiteral("ubuntu-24-04-x64") : QStringLiteral("debian-12-x64");
    m.publicIpv4 = {QStringLiteral("203.0.%1.%2").arg(n / 250 % 250).arg(n % 250 + 1)};
    m.publicIpv6 = {QStringLiteral("2604:a880:400:d1::%1").arg(n, 0, 16)};
    m.privateIpv4 = {QStringLiteral("10.10.%1.%2").arg(n / 250 % 250).arg(n % 250 + 1)};
    m.tags = {n % 3 ? QStringLiteral("prod") : QStringLiteral("staging"),
              QStringLiteral("team-%1").arg(n % 7)};
    m.createdAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(n) * 3600);
    m.pricePerMonth = 6.0 * (1 + n % 4);
    m.pricePerHour = *m.pricePerMonth / 720.0;
    m.vcpus = 1 + n % 4;
    m.memoryMb = 1024 * (1 + n % 4);
    m.diskGb = 25 * (1 + n % 4);
    if (n % 5 == 0)
        m.extra = {{QStringLiteral("vpcUuid"), QStringLiteral("vpc-%1").arg(n)}};
    return m;
}

inline QList<Machine> machines(const QString &accountId, int count, int first = 0)
{
    QList<Machine> list;
    list.reserve(count);
    for (int n = first; n < first + count; ++n)
        list.append(machine(accountId, n));
    return list;
}

inline ProviderMetadata fakeMetadata()
{
    ProviderMetadata metadata;
    metadata.id = QStringLiteral("fake");
    metadata.name = QStringLiteral("Fake Cloud");
    metadata.mark = QStringLiteral("Fk");
    metadata.capabilities = {QStringLiteral("start"),    QStringLiteral("shutdown"),
                             QStringLiteral("poweroff"), QStringLiteral("reboot"),
                             QStringLiteral("destroy"),  QStringLiteral("regions"),
                             QStringLiteral("metrics")};
    return metadata;
}

/**
 * @brief A Provider whose listing and action outcomes the test sets; answers asynchronously
 * (next event-loop turn) as the async pattern requires, or holds answers until released.
 */
class FakeProvider : public Provider
{
public:
    enum class ActionMode {
        Succeed, ///< accept, and move the machine to the action's target state
        SucceedNoChange, ///< accept, but the listing keeps showing the old state
        Fail, ///< refuse with actionError
        Hold, ///< keep the callback until releaseActions()
    };

    FakeProvider(const Account &account, QObject *parent)
        : Provider(fakeMetadata(), account, {}, parent)
    { }

    QList<Machine> listing;
    Error listError;
    bool holdListing = false;
    int listCalls = 0;
    ActionMode actionMode = ActionMode::Succeed;
    Error actionError = Error(Error::BadRequest, QStringLiteral("The droplet is locked."), 422);
    QList<std::pair<QString, MachineAction::Action>> actionCalls;
    QList<Region> regions;
    Error regionsError;
    QList<CreateMachineRequest> createCalls;
    Error createError;
    QList<MachineUpdate> updateCalls;
    Error updateError;
    /// Renames and retags the machine in the listing, or fails with updateError.
    void updateMachine(const QString &machineId, const MachineUpdate &update,
                       Callback<void> done) override
    {
        updateCalls.append(update);
        if (updateError.isError())
            return post([done, error = updateError] { done(error); });
        for (Machine &machine : listing) {
            if (machine.id != machineId)
                continue;
            if (update.name)
                machine.name = *update.name;
            if (update.tags)
                machine.tags = *update.tags;
        }
        post([done] { done({}); });
    }
    /// The state the cloud's create reply names (Unknown: it names none the model maps).
    MachineState::State createdState = MachineState::Unknown;

    void verify(Callback<QString> done) override
    {
        post([done] { done(QStringLiteral("tester@example.com")); });
    }

    void listMachines(Callback<QList<Machine>> done) override
    {
        ++listCalls;
        if (holdListing) {
            m_heldListings.append(std::move(done));
            return;
        }
        answerListing(std::move(done));
    }

    /// Answers the listings held while holdListing was set, with what listing/listError say now.
    void releaseListings()
    {
        const auto held = std::exchange(m_heldListings, {});
        for (const auto &done : held)
            answerListing(done);
    }
    [[nodiscard]] int heldListings() const { return int(m_heldListings.size()); }

    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override
    {
        actionCalls.append({machineId, action});
        switch (actionMode) {
        case ActionMode::Hold:
            m_heldActions.append({machineId, action, std::move(done)});
            return;
        case ActionMode::Fail:
            post([done, error = actionError] { done(error); });
            return;
        case ActionMode::Succeed:
            applyAction(machineId, action);
            [[fallthrough]];
        case ActionMode::SucceedNoChange:
            post([done] { done({}); });
            return;
        }
    }

    /// Answers the held actions: success (and the listing moves to the target state) or @p error.
    void releaseActions(const Error &error = {})
    {
        const auto held = std::exchange(m_heldActions, {});
        for (const auto &[machineId, action, done] : held) {
            if (!error.isError())
                applyAction(machineId, action);
            post([done = done, error] {
                done(error.isError() ? Result<void>(error) : Result<void>());
            });
        }
    }

    /// Metrics: one call recorded per fetchMetrics; each machine answers a series of
    /// metricsPoints points at metricsValue (the range's step apart), or metricsError.
    struct MetricsCall
    {
        QStringList machineIds;
        MetricSeries::Kind kind;
        MetricRange range;
    };
    QList<MetricsCall> metricsCalls;
    Error metricsError;
    double metricsValue = 1.0;
    int metricsPoints = 10;

    void fetchMetrics(const QStringList &machineIds, MetricSeries::Kind kind,
                      const MetricRange &range, Callback<QList<MetricSeries>> done) override
    {
        metricsCalls.append({machineIds, kind, range});
        if (metricsError.isError())
            return post([done, error = metricsError] { done(error); });
        QList<MetricSeries> answer;
        for (const QString &machineId : machineIds) {
            MetricSeries series;
            series.accountId = account().id;
            series.machineId = machineId;
            series.kind = kind;
            series.unit = MetricSeries::unitFor(kind);
            series.resolutionSeconds = range.stepSeconds;
            series.fetchedAt = range.end;
            const qint64 first = range.end.toMSecsSinceEpoch()
                - qint64(metricsPoints - 1) * range.stepSeconds * 1000;
            for (int i = 0; i < metricsPoints; ++i)
                series.points.append({first + qint64(i) * range.stepSeconds * 1000, metricsValue});
            answer.append(series);
        }
        post([done, answer] { done(answer); });
    }

    void listRegions(Callback<QList<Region>> done) override
    {
        if (regionsError.isError())
            post([done, error = regionsError] { done(error); });
        else
            post([done, list = regions] { done(list); });
    }

    /// Accepts (or refuses with createError); the new machine then shows in the listing as
    /// pending, the way a cloud lists one that is still booting.
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override
    {
        createCalls.append(request);
        if (createError.isError())
            return post([done, error = createError] { done(error); });
        Machine created;
        created.providerId = QStringLiteral("fake");
        created.id = QString::number(900000 + createCalls.size());
        created.name = request.name;
        created.region = request.region;
        created.size = request.size;
        created.image = request.image;
        created.tags = request.tags;
        created.state = createdState;
        Machine listed = created;
        listed.state = MachineState::Pending;
        listing.append(listed);
        post([done, created] { done(created); });
    }

    void applyAction(const QString &machineId, MachineAction::Action action)
    {
        for (qsizetype i = 0; i < listing.size(); ++i) {
            if (listing.at(i).id != machineId)
                continue;
            if (action == MachineAction::Destroy)
                listing.removeAt(i);
            else
                listing[i].state = MachineAction::targetState(action);
            return;
        }
    }

private:
    void answerListing(Callback<QList<Machine>> done)
    {
        if (listError.isError())
            post([done, error = listError] { done(error); });
        else
            post([done, list = listing] { done(list); });
    }

    struct HeldAction
    {
        QString machineId;
        MachineAction::Action action;
        Callback<void> done;
    };
    QList<Callback<QList<Machine>>> m_heldListings;
    QList<HeldAction> m_heldActions;
};

/**
 * @brief An Inventory wired as the app wires it, with FakeProviders instead of plugins: accounts
 * in a throw-away INI file, a real MachineModel, optionally a real cache.
 */
struct InventoryRig
{
    QTemporaryDir dir;
    AccountStore accounts {dir.filePath(QStringLiteral("accounts.ini"))};
    ProviderRegistry registry;
    CredentialStore credentials {QStringLiteral("clouddeck-test"), nullptr};
    MachineModel model;
    Inventory inventory {&registry, &accounts, &credentials, &model};
    /// What each account's provider lists when it is created.
    QHash<QString, QList<Machine>> listings;
    bool holdListings = false;
    QHash<QString, QPointer<FakeProvider>> providers;
    int providersCreated = 0;

    InventoryRig()
    {
        inventory.setProviderFactory(
            [this](const Account &account, const QVariantMap &, QObject *parent, QString *) {
                auto *provider = new FakeProvider(account, parent);
                provider->listing = listings.value(account.id);
                provider->holdListing = holdListings;
                providers.insert(account.id, provider);
                ++providersCreated;
                return provider;
            });
    }

    QString addAccount(const QString &name, const QString &providerId = QStringLiteral("fake"))
    {
        Account account;
        account.name = name;
        account.providerId = providerId;
        const Error error = accounts.add(account);
        if (error.isError())
            qWarning() << "cannot add account" << error.message();
        return account.id;
    }

    /// The account's provider, created now if it was not yet (waits for the async creation).
    FakeProvider *provider(const QString &accountId)
    {
        if (!providers.value(accountId)) {
            bool done = false;
            inventory.withProvider(accountId, [&done](const Result<Provider *> &) { done = true; });
            if (!QTest::qWaitFor([&done] { return done; }, 5000))
                qWarning("the provider was not created");
        }
        return providers.value(accountId);
    }
};

} // namespace InventoryTest
