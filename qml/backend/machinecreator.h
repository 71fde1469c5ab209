#pragma once

#include "catalog.h"
#include "localsshkeys.h"

#include <QObject>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantList>

class AccountStore;
class Inventory;
class ProviderRegistry;

/**
 * @brief The create-machine wizard's logic: the catalog of the chosen account, the choices made,
 * validation of each step with a sentence saying what is missing, and the create call.
 *
 * Steps: 0 account, 1 region, 2 size, 3 image (and, for Windows, its administrator password),
 * 4 SSH keys, 5 name and tags, 6 review.
 * The catalog is loaded from the account's provider when the account is chosen; sizes are listed
 * for the chosen region only. The rules of a request (names, tags, required choices) are core's
 * (CreateMachineRequest, Inventory::createProblems), the same the CLI applies; creating is
 * Inventory::createMachine, which shows the machine at once (pending) and follows it until it
 * runs. The services come in as properties (QML sets them from AppController).
 */
class MachineCreator : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("accountstore.h")
    Q_MOC_INCLUDE("inventory.h")
    Q_MOC_INCLUDE("providerregistry.h")
    Q_PROPERTY(
        Inventory *inventory READ inventory WRITE setInventory NOTIFY servicesChanged REQUIRED)
    Q_PROPERTY(AccountStore *accountStore READ accountStore WRITE setAccountStore NOTIFY
                   servicesChanged REQUIRED)
    Q_PROPERTY(
        ProviderRegistry *registry READ registry WRITE setRegistry NOTIFY servicesChanged REQUIRED)
    Q_PROPERTY(QString accountId READ accountId WRITE setAccountId NOTIFY accountIdChanged)
    Q_PROPERTY(QVariantList creatableAccounts READ creatableAccounts NOTIFY servicesChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY catalogChanged)
    Q_PROPERTY(QString catalogError READ catalogError NOTIFY catalogChanged)
    Q_PROPERTY(QVariantList regions READ regions NOTIFY catalogChanged)
    Q_PROPERTY(QVariantList sizes READ sizes NOTIFY sizesChanged)
    Q_PROPERTY(QVariantList images READ images NOTIFY catalogChanged)
    Q_PROPERTY(QVariantList sshKeys READ sshKeys NOTIFY catalogChanged)
    /// The public keys on this computer (~/.ssh/*.pub and any chosen file): [{id, name,
    /// fingerprint, file}], id being the key line that goes into keys (as --ssh-key takes it).
    Q_PROPERTY(QVariantList localKeys READ localKeys NOTIFY localKeysChanged)
    /// Why the last addLocalKeyFile() refused its file; empty when it did not.
    Q_PROPERTY(QString localKeyError READ localKeyError NOTIFY localKeysChanged)
    /// The account's cloud takes a key line as it is (capability "keyText"); the others take
    /// only keys stored in the account, and localKeyNote says so.
    Q_PROPERTY(bool acceptsLocalKeys READ acceptsLocalKeys NOTIFY accountIdChanged)
    Q_PROPERTY(QString localKeyNote READ localKeyNote NOTIFY accountIdChanged)
    Q_PROPERTY(QString region READ region WRITE setRegion NOTIFY choiceChanged)
    Q_PROPERTY(QString size READ size WRITE setSize NOTIFY choiceChanged)
    Q_PROPERTY(QString image READ image WRITE setImage NOTIFY choiceChanged)
    Q_PROPERTY(QStringList keys READ keys WRITE setKeys NOTIFY choiceChanged)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY choiceChanged)
    Q_PROPERTY(QString tags READ tags WRITE setTags NOTIFY choiceChanged)
    /// Cloud-init user data (a #cloud-config document or a script), sent as the CLI's --user-data.
    Q_PROPERTY(QString userData READ userData WRITE setUserData NOTIFY choiceChanged)
    /// Why the last loadUserData() failed, in words for the user; empty when it did not.
    Q_PROPERTY(QString userDataError READ userDataError NOTIFY choiceChanged)
    /// The chosen image is Windows: the image step asks for an administrator password.
    Q_PROPERTY(bool needsAdminPassword READ needsAdminPassword NOTIFY choiceChanged)
    Q_PROPERTY(int step READ step WRITE setStep NOTIFY stepChanged)
    Q_PROPERTY(int stepCount READ stepCount CONSTANT)
    Q_PROPERTY(QStringList stepTitles READ stepTitles CONSTANT)
    Q_PROPERTY(QString problem READ problem NOTIFY validityChanged)
    Q_PROPERTY(bool canAdvance READ canAdvance NOTIFY validityChanged)
    Q_PROPERTY(QVariantMap review READ review NOTIFY choiceChanged)
    /// The review step's lines: [{label, value, emphasis}], labels translated here.
    Q_PROPERTY(QVariantList reviewRows READ reviewRows NOTIFY choiceChanged)
    /// "Costs about $24.00/mo ($0.033/h), billed by the provider while the machine exists."
    Q_PROPERTY(QString costText READ costText NOTIFY choiceChanged)
    Q_PROPERTY(bool creating READ creating NOTIFY creatingChanged)
    Q_PROPERTY(QString createError READ createError NOTIFY creatingChanged)
public:
    explicit MachineCreator(QObject *parent = nullptr);

    [[nodiscard]] Inventory *inventory() const { return m_inventory; }
    void setInventory(Inventory *inventory);
    [[nodiscard]] AccountStore *accountStore() const { return m_accounts; }
    void setAccountStore(AccountStore *accounts);
    [[nodiscard]] ProviderRegistry *registry() const { return m_registry; }
    void setRegistry(ProviderRegistry *registry);

    [[nodiscard]] QString accountId() const { return m_accountId; }
    void setAccountId(const QString &accountId);
    [[nodiscard]] QVariantList creatableAccounts() const;
    [[nodiscard]] bool loading() const { return m_pending > 0; }
    [[nodiscard]] QString catalogError() const { return m_catalogError; }
    [[nodiscard]] QVariantList regions() const;
    [[nodiscard]] QVariantList sizes() const;
    [[nodiscard]] QVariantList images() const;
    [[nodiscard]] QVariantList sshKeys() const;
    [[nodiscard]] QVariantList localKeys() const;
    [[nodiscard]] QString localKeyError() const { return m_localKeyError; }
    [[nodiscard]] bool acceptsLocalKeys() const;
    [[nodiscard]] QString localKeyNote() const;
    /// Lists ~/.ssh/*.pub again (LocalSshKeys::scan); keys added from elsewhere stay.
    Q_INVOKABLE void reloadLocalKeys();
    /// A .pub the user chose elsewhere: listed and selected, or false with localKeyError set
    /// (not a .pub, a private key, not a key). A private key is never read past its first line.
    Q_INVOKABLE bool addLocalKeyFile(const QUrl &file);
    [[nodiscard]] QString region() const { return m_region; }
    void setRegion(const QString &region);
    [[nodiscard]] QString size() const { return m_size; }
    void setSize(const QString &size);
    [[nodiscard]] QString image() const { return m_image; }
    void setImage(const QString &image);
    [[nodiscard]] QStringList keys() const { return m_keys; }
    void setKeys(const QStringList &keys);
    [[nodiscard]] QString name() const { return m_name; }
    void setName(const QString &name);
    [[nodiscard]] QString tags() const { return m_tags; }
    void setTags(const QString &tags);
    [[nodiscard]] QString userData() const { return m_userData; }
    void setUserData(const QString &userData);
    [[nodiscard]] QString userDataError() const { return m_userDataError; }
    /// Reads @p file (a local file the user picked) into userData; false with userDataError set
    /// when it cannot be read, is larger than maxUserDataBytes or is not UTF-8 text.
    Q_INVOKABLE bool loadUserData(const QUrl &file);
    /// The largest user data any cloud we support takes (DigitalOcean's 64 KiB); smaller limits
    /// (AWS's 16 KB) are the provider's to report, with its own words.
    static constexpr qsizetype maxUserDataBytes = 64 * 1024;
    [[nodiscard]] bool needsAdminPassword() const;
    /// The administrator password typed for a Windows image. Write-only on purpose (no
    /// property QML could read or bind); sent with the request and then forgotten.
    Q_INVOKABLE void setAdminPassword(const QString &password);
    [[nodiscard]] int step() const { return m_step; }
    void setStep(int step);
    [[nodiscard]] static int stepCount() { return 7; }
    [[nodiscard]] QStringList stepTitles() const;
    /// What keeps the current step from being complete, or empty.
    [[nodiscard]] QString problem() const { return problemAt(m_step); }
    [[nodiscard]] bool canAdvance() const { return problem().isEmpty() && !loading(); }
    [[nodiscard]] QVariantMap review() const;
    [[nodiscard]] QVariantList reviewRows() const;
    [[nodiscard]] QString costText() const;
    [[nodiscard]] bool creating() const { return m_creating; }
    [[nodiscard]] QString createError() const { return m_createError; }

    Q_INVOKABLE [[nodiscard]] QString problemAt(int step) const;
    Q_INVOKABLE void toggleKey(const QString &keyId);
    Q_INVOKABLE bool next();
    Q_INVOKABLE void back();
    Q_INVOKABLE void reloadCatalog();
    Q_INVOKABLE void create();

Q_SIGNALS:
    void servicesChanged();
    void accountIdChanged();
    void catalogChanged();
    void sizesChanged();
    void localKeysChanged();
    void choiceChanged();
    void stepChanged();
    void validityChanged();
    void creatingChanged();
    void created(const QString &accountId, const QString &machineId);

private:
    [[nodiscard]] CreateMachineRequest request() const;
    [[nodiscard]] int userDataLines() const;
    [[nodiscard]] const Region *findRegion(const QString &id) const;
    [[nodiscard]] const Size *findSize(const QString &id) const;
    [[nodiscard]] bool isOffered(const Size &size) const;
    void loaded();

    Inventory *m_inventory = nullptr;
    AccountStore *m_accounts = nullptr;
    ProviderRegistry *m_registry = nullptr;
    QString m_accountId;
    QList<Region> m_regions;
    QList<Size> m_sizes;
    QList<Image> m_images;
    QList<SshKey> m_sshKeys;
    QList<LocalSshKeys::Key> m_localKeys;
    QString m_localKeyError;
    int m_pending = 0;
    quint64 m_generation = 0;
    QString m_catalogError;
    QString m_region;
    QString m_size;
    QString m_image;
    QStringList m_keys;
    QString m_name;
    QString m_tags;
    QString m_userData;
    QString m_userDataError;
    QString m_adminPassword; ///< a secret: in memory only, never in review(), logs or settings
    int m_step = 0;
    bool m_creating = false;
    QString m_createError;
};
