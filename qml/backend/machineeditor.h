#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>

class Inventory;
struct MachineUpdate;

/**
 * @brief The detail pane's name and tag editor: renames the machine and adds or removes its
 * tags through Inventory::updateMachine, with core's rules (MachineEditRules) checked as the
 * user types and the cloud's own words when it refuses. QML only binds and calls.
 */
class MachineEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("inventory.h")
    Q_PROPERTY(Inventory *inventory READ inventory WRITE setInventory NOTIFY keyChanged REQUIRED)
    Q_PROPERTY(QString accountId READ accountId WRITE setAccountId NOTIFY keyChanged)
    Q_PROPERTY(QString machineId READ machineId WRITE setMachineId NOTIFY keyChanged)
    /// The machine's tags as the model shows them (bound by the pane from CurrentMachine).
    Q_PROPERTY(QStringList tags READ tags WRITE setTags NOTIFY tagsChanged)
    Q_PROPERTY(bool canRename READ canRename NOTIFY keyChanged)
    Q_PROPERTY(bool canEditTags READ canEditTags NOTIFY keyChanged)
    /// Why the controls are disabled, for their tooltip ("Proxmox VE does not let …").
    Q_PROPERTY(QString unsupportedText READ unsupportedText NOTIFY keyChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// The last refusal of a rename (core's rule or the cloud's words); empty when none.
    Q_PROPERTY(QString nameError READ nameError NOTIFY nameErrorChanged)
    /// The last refusal of a tag edit; empty when none.
    Q_PROPERTY(QString tagError READ tagError NOTIFY tagErrorChanged)
public:
    explicit MachineEditor(QObject *parent = nullptr);

    [[nodiscard]] Inventory *inventory() const { return m_inventory; }
    void setInventory(Inventory *inventory);
    [[nodiscard]] QString accountId() const { return m_accountId; }
    void setAccountId(const QString &accountId);
    [[nodiscard]] QString machineId() const { return m_machineId; }
    void setMachineId(const QString &machineId);
    [[nodiscard]] QStringList tags() const { return m_tags; }
    void setTags(const QStringList &tags);
    [[nodiscard]] bool canRename() const;
    [[nodiscard]] bool canEditTags() const;
    [[nodiscard]] QString unsupportedText() const;
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString nameError() const { return m_nameError; }
    [[nodiscard]] QString tagError() const { return m_tagError; }

    /// Why @p name cannot be the new name (core's rules), empty when it can: shown as typed.
    Q_INVOKABLE [[nodiscard]] QString nameProblem(const QString &name) const;
    /// Sends the rename; false (and nameError) when a rule refuses it before anything is sent.
    /// renamed() or nameError follows the cloud's answer.
    Q_INVOKABLE bool rename(const QString &name);
    /// Adds @p tag (trimmed); false and tagError when a rule refuses it.
    Q_INVOKABLE bool addTag(const QString &tag);
    Q_INVOKABLE bool removeTag(const QString &tag);
    Q_INVOKABLE void clearErrors();

Q_SIGNALS:
    void keyChanged();
    void tagsChanged();
    void busyChanged();
    void nameErrorChanged();
    void tagErrorChanged();
    void renamed();
    void tagsSaved();

private:
    bool sendTags(const QStringList &tags);
    /// Checks @p update, then sends it; the cloud's refusal goes to @p setError, success
    /// emits @p saved.
    bool send(const MachineUpdate &update, void (MachineEditor::*setError)(const QString &),
              void (MachineEditor::*saved)());
    void setBusy(bool busy);
    void setNameError(const QString &error);
    void setTagError(const QString &error);

    QPointer<Inventory> m_inventory;
    QString m_accountId;
    QString m_machineId;
    QStringList m_tags;
    bool m_busy = false;
    QString m_nameError;
    QString m_tagError;
    quint64 m_serial = 0; ///< answers for a machine no longer shown are dropped
};
