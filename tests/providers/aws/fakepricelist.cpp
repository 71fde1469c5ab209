#include "fakepricelist.h"

#include "fakeec2.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray filled(QByteArray text, const QHash<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace("${" + it.key().toUtf8() + "}", it.value().toUtf8());
    return text;
}

FakeResponse empty()
{
    return FakeResponse::file(testDataPath(u"aws/pricing_get_products_empty.json"_s), 200,
                              "application/x-amz-json-1.1");
}
} // namespace

bool PricingCall::isStorage() const
{
    return filters.value(u"productFamily"_s) == u"Storage"_s;
}

FakePriceList::FakePriceList()
{
    m_server.on("POST", u"/"_s, [this](const RecordedRequest &r) { return answer(r); });
}

const QHash<QString, QString> &FakePriceList::instancePrices()
{
    static const QHash<QString, QString> table = {
        {u"t3.micro|us-east-1|Linux"_s, u"0.0104000000"_s},
        {u"t3.small|us-east-1|Linux"_s, u"0.0208000000"_s},
        {u"t3.nano|us-east-1|Linux"_s, u"0.0052000000"_s},
        {u"t3.large|us-east-1|Windows"_s, u"0.1108000000"_s},
        {u"t4g.small|eu-west-1|Linux"_s, u"0.0184000000"_s},
    };
    return table;
}

const QHash<QString, QString> &FakePriceList::storagePrices()
{
    static const QHash<QString, QString> table = {
        {u"gp3|us-east-1"_s, u"0.0800000000"_s}, {u"gp2|us-east-1"_s, u"0.1000000000"_s},
        {u"io2|us-east-1"_s, u"0.1250000000"_s}, {u"gp3|eu-west-1"_s, u"0.0880000000"_s},
        {u"st1|eu-west-1"_s, u"0.0500000000"_s},
    };
    return table;
}

QList<PricingCall> FakePriceList::calls() const
{
    QList<PricingCall> result;
    for (const PricingCall &call : m_calls) {
        if (!call.isStorage())
            result.append(call);
    }
    return result;
}

QList<PricingCall> FakePriceList::storageCalls() const
{
    QList<PricingCall> result;
    for (const PricingCall &call : m_calls) {
        if (call.isStorage())
            result.append(call);
    }
    return result;
}

FakeResponse FakePriceList::answer(const RecordedRequest &request)
{
    PricingCall call;
    call.request = request;
    call.verdict =
        verifySigV4(request.method, request.target, request.headers, request.body,
                    QString::fromLatin1(FakeEc2::accessKeyId),
                    QString::fromLatin1(FakeEc2::secretAccessKey), QDateTime::currentDateTimeUtc());
    for (const QJsonValue &filter : request.json()[u"Filters"_s].toArray()) {
        call.filters.insert(filter[u"Field"_s].toString(), filter[u"Value"_s].toString());
        call.allTermMatch = call.allTermMatch && filter[u"Type"_s] == u"TERM_MATCH"_s;
    }
    m_calls.append(call);
    if (m_answer)
        return *m_answer;
    if (call.isStorage())
        return m_storageAnswer ? *m_storageAnswer : storageAnswer(call);
    return instanceAnswer(call);
}

FakeResponse FakePriceList::instanceAnswer(const PricingCall &call) const
{
    const QString key =
        QStringList {call.filters.value(u"instanceType"_s), call.filters.value(u"regionCode"_s),
                     call.filters.value(u"operatingSystem"_s)}
            .join(u'|');
    const QString usd = instancePrices().value(key);
    if (usd.isEmpty())
        return empty();
    const QByteArray reply =
        filled(readFixture(u"aws/pricing_get_products.json"_s),
               {
                   {u"instanceType"_s, call.filters.value(u"instanceType"_s)},
                   {u"regionCode"_s, call.filters.value(u"regionCode"_s)},
                   {u"operatingSystem"_s, call.filters.value(u"operatingSystem"_s)},
                   {u"location"_s, u"Somewhere"_s},
                   {u"usd"_s, usd},
                   {u"sku"_s, u"SKU"_s + QString::number(qHash(key) % 100000)},
                   {u"vcpu"_s, u"2"_s},
                   {u"memory"_s, u"1 GiB"_s},
               });
    return FakeResponse::raw(200, reply, "application/x-amz-json-1.1");
}

FakeResponse FakePriceList::storageAnswer(const PricingCall &call) const
{
    const QString key =
        call.filters.value(u"volumeApiName"_s) + u'|' + call.filters.value(u"regionCode"_s);
    const QString usd = storagePrices().value(key);
    if (usd.isEmpty())
        return empty();
    const QByteArray reply =
        filled(readFixture(u"aws/pricing_get_products_storage.json"_s),
               {
                   {u"volumeApiName"_s, call.filters.value(u"volumeApiName"_s)},
                   {u"regionCode"_s, call.filters.value(u"regionCode"_s)},
                   {u"location"_s, u"Somewhere"_s},
                   {u"usd"_s, usd},
                   {u"localZoneUsd"_s, u"0.5000000000"_s},
                   {u"sku"_s, u"EBS"_s + QString::number(qHash(key) % 100000)},
               });
    return FakeResponse::raw(200, reply, "application/x-amz-json-1.1");
}
