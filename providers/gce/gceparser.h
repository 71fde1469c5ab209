#pragma once

#include "catalog.h"
#include "httpclient.h"
#include "machine.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

/**
 * @brief Reads Compute Engine v1 replies (Google's Discovery document for compute v1 names every
 * member used here) into domain values: aggregated instance and disk pages, zones, machine types,
 * images, Operations and Google's error bodies (the token endpoint's are OAuthTokenEndpoint's).
 * Pure functions: any input gives a value or an InvalidReply error.
 */
class GceParser
{
    Q_DECLARE_TR_FUNCTIONS(GceParser)
public:
    /// @brief A zonal Operation (compute#operation), what every action and insert returns.
    struct Operation
    {
        QString name;
        QString zone;
        QString status; ///< PENDING, RUNNING or DONE
        QString operationType; ///< "start", "stop", "insert", ...
        QString targetId; ///< the instance's id
        /// Set once DONE with an error: the first error's message (all of them joined).
        QString errorMessage;
        QString errorCode;
        int httpErrorStatusCode = 0;
        [[nodiscard]] bool done() const { return status == QLatin1String("DONE"); }
    };

    /// @brief The source image of one disk, from aggregated/disks.
    struct DiskImage
    {
        QString id; ///< the disk's selfLink
        QString image; ///< the sourceImage URL, empty for a blank disk
    };

    /// The machines of one aggregated/instances page. A page naming unreachable zones fails
    /// (Server): a list without them would look as if their machines had been deleted.
    [[nodiscard]] static Result<QList<Machine>> instancesPage(const QJsonObject &page);
    [[nodiscard]] static Result<Machine> instance(const QJsonValue &value);
    [[nodiscard]] static Result<QList<DiskImage>> disksPage(const QJsonObject &page);
    /// The nextPageToken of a list page (empty at the end).
    [[nodiscard]] static QString nextPageToken(const QJsonObject &page);
    [[nodiscard]] static Result<Operation> operation(const QJsonObject &reply);
    [[nodiscard]] static Result<QList<Region>> zonesPage(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Size>> machineTypesPage(const QJsonObject &page);
    [[nodiscard]] static Result<QList<Image>> imagesPage(const QJsonObject &page);
    [[nodiscard]] static Result<Image> image(const QJsonObject &reply);
    /// compute.projects.get: the project's name (its id).
    [[nodiscard]] static Result<QString> project(const QJsonObject &reply);
    /// The keys of the project's commonInstanceMetadata "ssh-keys" item ("user:ssh-ed25519 …"
    /// lines): id and fingerprint the key's SHA-256, publicKey the whole line.
    [[nodiscard]] static Result<QList<SshKey>> projectSshKeys(const QJsonObject &reply);

    /// A Google API error body ({"error": {"code", "message", "errors": [{"reason"}], "status"}}).
    [[nodiscard]] static HttpClient::ProviderError error(const QJsonObject &body);

    [[nodiscard]] static MachineState::State state(const QString &status);
    /// The last path segment of a resource URL ("…/zones/us-central1-a" -> "us-central1-a").
    [[nodiscard]] static QString lastSegment(const QString &url);
    /// "us-central1-a" -> "us-central1".
    [[nodiscard]] static QString regionOfZone(const QString &zone);
    /// "https://…/compute/v1/projects/debian-cloud/global/images/debian-12-…" ->
    /// "projects/debian-cloud/global/images/debian-12-…" (what instances.insert takes).
    [[nodiscard]] static QString imagePath(const QString &url);
};
