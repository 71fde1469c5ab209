#pragma once

#include "clouddeck_core_export.h"
#include "machinestate.h"

#include <QStringView>

/**
 * @brief The orders machines are shown in: names compared as people read them, states ranked.
 */
class CLOUDDECK_CORE_EXPORT MachineOrder
{
public:
    /// Case-insensitive, with digit runs compared as numbers: "web-2" < "web-10" < "Web-11".
    /// Negative, zero or positive as @p a sorts before, with or after @p b.
    [[nodiscard]] static int naturalCompare(QStringView a, QStringView b);
    /// Problems first, then what is busy, then what runs, then what rests: the order people scan
    /// a fleet in.
    [[nodiscard]] static int stateRank(MachineState::State state);
};
