#pragma once

// The loops every provider fuzz test runs over JsonMutator: mutated fixtures into the parsers, and
// mutated pages through a provider and a FakeCloudServer. What each parser must give back is the
// provider test's own check; the driver only feeds, counts and names the iteration that failed.

#include "asyncresult.h"
#include "fakecloudserver.h"
#include "httpresponse.h"
#include "jsonmutator.h"
#include "provider.h"
#include "testhelpers.h"

#include <QTest>
#include <functional>
#include <memory>

namespace FuzzDriver {

/// An error must be the documented kind (InvalidReply) with words for the user; a value must be
/// whole (which the caller checks). Sets @p why when not acceptable.
template<typename T>
bool acceptable(const Result<T> &result, QString *why)
{
    if (result.ok())
        return true;
    if (result.error().kind() != Error::InvalidReply)
        *why = QStringLiteral("error kind %1").arg(Error::kindId(result.error().kind()));
    else if (result.error().message().isEmpty())
        *why = QStringLiteral("an error without a message");
    return why->isEmpty();
}

/// @brief One mutated fixture that still read as a JSON object, handed to a parser check.
struct Sample
{
    int iteration = 0;
    QString context; ///< "iteration N (fixture: what was mutated)", for failure messages
    QJsonObject page;
    bool valid = false; ///< set by the check when the main parser gave a value
};

/// Mutates the fixtures @p folder/<name>.json in turn, @p iterations times from @p seed. A reply
/// that does not read as a JSON object must be an acceptable error; every other one goes to
/// @p check. The main parser must both accept and reject more than one sample in 20, or the run
/// proves little. Records a test failure (and returns) at the first bad sample.
inline void parsers(const QString &folder, const QStringList &fixtures, quint32 seed,
                    int iterations, const std::function<void(Sample &)> &check)
{
    QList<QJsonDocument> documents;
    for (const QString &name : fixtures)
        documents.append(readJsonFixture(QStringLiteral("%1/%2.json").arg(folder, name)));
    JsonMutator mutator(seed);
    int valid = 0;
    int rejected = 0;
    for (int i = 0; i < iterations; ++i) {
        const int which = i % int(documents.size());
        HttpResponse response;
        response.status = 200;
        response.body = mutator.mutate(documents.at(which));
        Sample sample;
        sample.iteration = i;
        sample.context = QStringLiteral("iteration %1 (%2: %3)")
                             .arg(i)
                             .arg(fixtures.at(which), mutator.description());
        QString why;
        const Result<QJsonObject> body = response.jsonObject();
        QVERIFY2(acceptable(body, &why), qPrintable(sample.context + u' ' + why));
        if (!body.ok()) {
            ++rejected;
            continue;
        }
        sample.page = body.value();
        check(sample);
        if (QTest::currentTestFailed())
            return;
        ++(sample.valid ? valid : rejected);
    }
    QVERIFY2(valid > iterations / 20, qPrintable(QString::number(valid)));
    QVERIFY2(rejected > iterations / 20, qPrintable(QString::number(rejected)));
}

/// @brief A route of the fake API answered with a mutated copy of a fixture.
struct MutatedRoute
{
    QString path;
    QJsonDocument fixture;
};

/// @p iterations times from @p seed: each route answers a freshly mutated copy of its fixture, a
/// new provider from @p makeProvider lists the machines, and the listing must end in exactly one
/// callback with a value or an acceptable error.
inline void listMachines(FakeCloudServer &server, const QList<MutatedRoute> &routes, quint32 seed,
                         int iterations,
                         const std::function<std::unique_ptr<Provider>()> &makeProvider)
{
    JsonMutator mutator(seed);
    for (int i = 0; i < iterations; ++i) {
        QStringList mutations;
        for (const MutatedRoute &route : routes) {
            server.on("GET", route.path, FakeResponse::raw(200, mutator.mutate(route.fixture)));
            mutations.append(route.path + QStringLiteral(": ") + mutator.description());
        }
        const QString context =
            QStringLiteral("iteration %1 (%2)").arg(i).arg(mutations.join(QStringLiteral("; ")));
        const std::unique_ptr<Provider> provider = makeProvider();
        const auto outcome = AsyncResult::run<QList<Machine>>(
            [&](Callback<QList<Machine>> done) { provider->listMachines(std::move(done)); });
        QVERIFY2(outcome->result, qPrintable(context));
        QCOMPARE(outcome->calls, 1);
        QString why;
        QVERIFY2(acceptable(*outcome->result, &why), qPrintable(context + u' ' + why));
    }
}

} // namespace FuzzDriver
