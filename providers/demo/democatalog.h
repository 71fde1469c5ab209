#pragma once

#include "catalog.h"
#include "machine.h"

#include <QList>
#include <optional>

/**
 * @brief The Demo cloud's fixed catalog (regions, sizes, images, SSH keys) and its starting fleet.
 *
 * Names, prices and shapes are those of a typical small public cloud; every address is from the
 * ranges reserved for documentation (RFC 5737, RFC 3849), so nothing here points at a real host.
 */
class DemoCatalog
{
public:
    [[nodiscard]] static QList<Region> regions();
    [[nodiscard]] static QList<Size> sizes();
    [[nodiscard]] static QList<Image> images();
    [[nodiscard]] static QList<SshKey> sshKeys();
    [[nodiscard]] static std::optional<Size> size(const QString &id);
    [[nodiscard]] static std::optional<Region> region(const QString &id);
    [[nodiscard]] static std::optional<Image> image(const QString &id);
    /// The fleet a new Demo account starts with; @p seed varies its addresses per account.
    [[nodiscard]] static QList<Machine> initialFleet(const QString &accountId, uint seed);
    /// How busy the starting fleet's machine @p name is (DemoMetrics' level, 0..1), so the same
    /// machines idle in every demo account; nothing for a machine the user created.
    [[nodiscard]] static std::optional<double> load(const QString &name);
    /// Fills size-derived fields (vCPUs, memory, disk, prices) of @p machine from its size id.
    static void applySize(Machine &machine);
};
