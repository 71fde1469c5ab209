#pragma once

#include "costreport.h"
#include "error.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class CliApp;
class QCommandLineParser;
class UserPrices;

/**
 * @brief `cost [--by provider|account|region|tag|size] [--json|--csv]` and
 * `machines price MACHINE AMOUNT`: the monthly run-rate from core's CostReport, and the prices
 * the user sets (UserPrices).
 */
class CostCommand : public QObject
{
    Q_OBJECT
public:
    explicit CostCommand(CliApp *app);
    void run(const QStringList &arguments);
    /// `machines price ...` (arguments without "machines price", program name first).
    void price(const QStringList &arguments);

private:
    /// --in and --rate: the user's own rates, parts per million; false after a usage error.
    bool readRates(const QCommandLineParser &parser);
    [[nodiscard]] CostReport report(const QStringList &accountIds,
                                    CostReport::GroupBy groupBy);
    void print(const CostReport &report, bool json, bool csv);
    void printTable(const CostReport &report);
    /// Prints each refresh error (what is shown is then the cached picture); the exit code.
    int reportErrors(const QStringList &accountIds, const QHash<QString, Error> &errors);
    void setPrice(const QString &wanted, const QString &accountName, const QString &size,
                  const QString &amount, const QString &currency, bool clear);

    CliApp *m_app;
    UserPrices *m_prices;
    QString m_target; ///< --in: the currency of the converted total, empty: none
    QHash<QString, qint64> m_rates;
};
