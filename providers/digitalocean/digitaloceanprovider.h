#pragma once

#include "provider.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDigitalOcean)

/**
 * @brief DigitalOcean API v2: droplets, droplet actions (followed to completion), catalogs, create.
 *
 * The endpoint is the API base URL as DigitalOcean documents it ("https://api.digitalocean.com");
 * paths are "/v2/...". Requests carry "Authorization: Bearer <token>".
 */
class DigitalOceanProvider : public Provider
{
    Q_OBJECT
public:
    DigitalOceanProvider(const ProviderMetadata &metadata, const Account &account,
                         const QVariantMap &secrets, QObject *parent = nullptr);

    /// How often a started action is polled (GET /v2/actions/{id}); tests make it short.
    void setActionPollIntervalMs(int ms) { m_actionPollMs = ms; }
    /// How long an action may stay "in-progress" before we give up waiting.
    void setActionTimeoutMs(int ms) { m_actionTimeoutMs = ms; }
    /// Droplets per page (DigitalOcean allows up to 200).
    void setPageSize(int size) { m_pageSize = size; }

    void verify(Callback<QString> done) override;
    void listMachines(Callback<QList<Machine>> done) override;
    void runAction(const QString &machineId, MachineAction::Action action,
                   Callback<void> done) override;
    void createMachine(const CreateMachineRequest &request, Callback<Machine> done) override;
    void listRegions(Callback<QList<Region>> done) override;
    void listSizes(Callback<QList<Size>> done) override;
    void listImages(Callback<QList<Image>> done) override;
    void listSshKeys(Callback<QList<SshKey>> done) override;

private:
    template<typename T>
    void listAll(const QString &path, const QList<std::pair<QString, QString>> &query,
                 std::function<Result<QList<T>>(const QJsonObject &)> parse,
                 Callback<QList<T>> done);
    void followAction(qint64 actionId, qint64 deadlineMs, Callback<void> done);

    int m_actionPollMs = 3000;
    int m_actionTimeoutMs = 10 * 60 * 1000;
    int m_pageSize = 200;
};
