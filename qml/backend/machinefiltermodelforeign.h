#pragma once

#include "machinefiltermodel.h"

#include <QQmlEngine>

/**
 * @brief Makes core's MachineFilterModel a QML type (its sort keys as enums, typed properties),
 * without QML in core: QML_FOREIGN registration, created in C++ only.
 */
struct MachineFilterModelForeign
{
    Q_GADGET
    QML_FOREIGN(MachineFilterModel)
    QML_NAMED_ELEMENT(MachineFilterModel)
    QML_UNCREATABLE("Owned by AppController")
};
