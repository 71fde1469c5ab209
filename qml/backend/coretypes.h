#pragma once

// The core's QObject types as QML knows them: registered as foreign, uncreatable types so that
// AppController's properties (MachineModel *machines, Inventory *inventory, ...) and the
// services AccountEditor and MachineCreator take are typed for qmllint, qmlls and the engine's
// type checks, while core itself stays free of QML.

#include "accountmodel.h"
#include "activitymodel.h"
#include "accountservice.h"
#include "accountstore.h"
#include "credentialstore.h"
#include "inventory.h"
#include "machinefiltermodel.h"
#include "machinemodel.h"
#include "metricsfeed.h"
#include "providerregistry.h"

#include <QQmlEngine>

struct ForeignMachineModel
{
    Q_GADGET
    QML_FOREIGN(MachineModel)
    QML_NAMED_ELEMENT(MachineModel)
    QML_UNCREATABLE("The machine list is AppController.machines.")
};

struct ForeignMachineFilterModel
{
    Q_GADGET
    QML_FOREIGN(MachineFilterModel)
    QML_NAMED_ELEMENT(MachineFilterModel)
    QML_UNCREATABLE("The filtered, sorted machine list is AppController.filters.")
};

struct ForeignAccountModel
{
    Q_GADGET
    QML_FOREIGN(AccountModel)
    QML_NAMED_ELEMENT(AccountModel)
    QML_UNCREATABLE("The account list is AppController.accounts.")
};

struct ForeignInventory
{
    Q_GADGET
    QML_FOREIGN(Inventory)
    QML_NAMED_ELEMENT(Inventory)
    QML_UNCREATABLE("The inventory is AppController.inventory.")
};

struct ForeignMetricsFeed
{
    Q_GADGET
    QML_FOREIGN(MetricsFeed)
    QML_NAMED_ELEMENT(MetricsFeed)
    QML_UNCREATABLE("The metrics feed is AppController.metrics.")
};

struct ForeignAccountStore
{
    Q_GADGET
    QML_FOREIGN(AccountStore)
    QML_NAMED_ELEMENT(AccountStore)
    QML_UNCREATABLE("The account store is AppController.accountStore.")
};

struct ForeignAccountService
{
    Q_GADGET
    QML_FOREIGN(AccountService)
    QML_NAMED_ELEMENT(AccountService)
    QML_UNCREATABLE("The account service is AppController.accountService.")
};

struct ForeignCredentialStore
{
    Q_GADGET
    QML_FOREIGN(CredentialStore)
    QML_NAMED_ELEMENT(CredentialStore)
    QML_UNCREATABLE("The credential store is AppController.credentials.")
};

struct ForeignProviderRegistry
{
    Q_GADGET
    QML_FOREIGN(ProviderRegistry)
    QML_NAMED_ELEMENT(ProviderRegistry)
    QML_UNCREATABLE("The provider registry is AppController.registry.")
};

struct ForeignActivityModel
{
    Q_GADGET
    QML_FOREIGN(ActivityModel)
    QML_NAMED_ELEMENT(ActivityModel)
    QML_UNCREATABLE("The activity log is AppController.activity.")
};
