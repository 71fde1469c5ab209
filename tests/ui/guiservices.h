#pragma once

#include "accountservice.h"
#include "accountstore.h"
#include "credentialstore.h"
#include "inventory.h"
#include "machinemodel.h"
#include "providerregistry.h"

#include <QObject>
#include <QVariant>

/// The services the GUI's controllers (AccountEditor, ToolImporter) take as required
/// properties, as AppController gives them: the tests' own instances, so each test proves its
/// controller needs nothing else.
struct GuiServices
{
    ProviderRegistry registry;
    AccountStore accounts;
    CredentialStore credentials;
    MachineModel machines;
    Inventory inventory {&registry, &accounts, &credentials, &machines};
    AccountService service {&registry, &accounts, &credentials};

    void give(QObject &object)
    {
        object.setProperty("registry", QVariant::fromValue(&registry));
        object.setProperty("accountStore", QVariant::fromValue(&accounts));
        object.setProperty("credentials", QVariant::fromValue(&credentials));
        object.setProperty("accountService", QVariant::fromValue(&service));
        object.setProperty("inventory", QVariant::fromValue(&inventory));
    }
};
