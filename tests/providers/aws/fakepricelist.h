#pragma once

#include "fakecloudserver.h"
#include "sigv4verifier.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

/// @brief One GetProducts request as the fake Price List received it.
struct PricingCall
{
    RecordedRequest request;
    QHash<QString, QString> filters; ///< Field -> Value
    bool allTermMatch = true; ///< every filter of Type TERM_MATCH
    SigV4Verdict verdict;

    /// A storage (EBS) price request: productFamily Storage.
    [[nodiscard]] bool isStorage() const;
};

/**
 * @brief A fake AWS Price List Query API (GetProducts) on its own FakeCloudServer: instance
 * prices by (instanceType, regionCode, operatingSystem) from pricing_get_products.json and EBS
 * storage prices by (volumeApiName, regionCode) from pricing_get_products_storage.json (whose
 * first product is a Local Zone's, at another price, which must not be chosen), both shapes
 * from botocore's pricing service model (tests/data/aws/README.md). What it does not sell gets
 * the empty PriceList. Every request is recorded with its signature checked.
 */
class FakePriceList
{
public:
    FakePriceList();

    [[nodiscard]] bool listen() { return m_server.listen(); }
    [[nodiscard]] QUrl url() const { return m_server.url(QStringLiteral("/")); }

    /// "t3.micro|us-east-1|Linux" -> "0.0104000000" (USD an hour).
    [[nodiscard]] static const QHash<QString, QString> &instancePrices();
    /// "gp3|us-east-1" -> "0.0800000000" (USD a GB-month).
    [[nodiscard]] static const QHash<QString, QString> &storagePrices();

    /// Every GetProducts gets @p response (nullopt: the prices again).
    void setAnswer(std::optional<FakeResponse> response) { m_answer = std::move(response); }
    /// Every storage GetProducts gets @p response (nullopt: the prices again).
    void setStorageAnswer(std::optional<FakeResponse> response)
    {
        m_storageAnswer = std::move(response);
    }

    /// The instance price requests so far.
    [[nodiscard]] QList<PricingCall> calls() const;
    /// The storage price requests so far.
    [[nodiscard]] QList<PricingCall> storageCalls() const;

private:
    FakeResponse answer(const RecordedRequest &request);
    FakeResponse instanceAnswer(const PricingCall &call) const;
    FakeResponse storageAnswer(const PricingCall &call) const;

    FakeCloudServer m_server;
    QList<PricingCall> m_calls;
    std::optional<FakeResponse> m_answer;
    std::optional<FakeResponse> m_storageAnswer;
};
