#pragma once

// The cost view's core types as QML knows them (see coretypes.h for why foreign): the Cost page
// makes its own CostModel and UserPrices, so both are creatable.

#include "costmodel.h"
#include "userpricemodel.h"
#include "userprices.h"

#include <QQmlEngine>

struct ForeignCostModel
{
    Q_GADGET
    QML_FOREIGN(CostModel)
    QML_NAMED_ELEMENT(CostModel)
};

struct ForeignUserPrices
{
    Q_GADGET
    QML_FOREIGN(UserPrices)
    QML_NAMED_ELEMENT(UserPrices)
};

struct ForeignUserPriceModel
{
    Q_GADGET
    QML_FOREIGN(UserPriceModel)
    QML_NAMED_ELEMENT(UserPriceModel)
};
