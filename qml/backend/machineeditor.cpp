#include "machineeditor.h"

#include "accountstore.h"
#include "inventory.h"
#include "machineupdate.h"
#include "providerregistry.h"

MachineEditor::MachineEditor(QObject *parent)
    : QObject(parent)
{ }

void MachineEditor::setInventory(Inventory *inventory)
{
    if (inventory == m_inventory)
        return;
    m_inventory = inventory;
    Q_EMIT keyChanged();
}

void MachineEditor::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    ++m_serial;
    clearErrors();
    setBusy(false);
    Q_EMIT keyChanged();
}

void MachineEditor::setMachineId(const QString &machineId)
{
    if (machineId == m_machineId)
        return;
    m_machineId = machineId;
    ++m_serial;
    clearErrors();
    setBusy(false);
    Q_EMIT keyChanged();
}

void MachineEditor::setTags(const QStringList &tags)
{
    if (tags == m_tags)
        return;
    m_tags = tags;
    Q_EMIT tagsChanged();
}

bool MachineEditor::canRename() const
{
    return m_inventory && m_inventory->canRename(m_accountId);
}

bool MachineEditor::canEditTags() const
{
    return m_inventory && m_inventory->canEditTags(m_accountId);
}

QString MachineEditor::unsupportedText() const
{
    if (!m_inventory)
        return {};
    const auto account = m_inventory->accounts()->account(m_accountId);
    if (!account)
        return {};
    const QString cloud = m_inventory->registry()->metadata(account->providerId).name;
    if (!canRename() && !canEditTags())
        return tr("%1 does not let CloudDeck rename machines or edit their tags.").arg(cloud);
    if (!canRename())
        return tr("%1 does not let CloudDeck rename machines.").arg(cloud);
    if (!canEditTags())
        return tr("%1 does not let CloudDeck edit tags.").arg(cloud);
    return {};
}

QString MachineEditor::nameProblem(const QString &name) const
{
    if (!m_inventory)
        return {};
    MachineUpdate update;
    update.name = name;
    return m_inventory->updateProblem(m_accountId, m_machineId, update);
}

bool MachineEditor::rename(const QString &name)
{
    MachineUpdate update;
    update.name = name;
    return send(update, &MachineEditor::setNameError, &MachineEditor::renamed);
}

bool MachineEditor::addTag(const QString &tag)
{
    const QString trimmed = tag.trimmed();
    if (trimmed.isEmpty())
        return false;
    return sendTags(MachineUpdate::editedTags(m_tags, {trimmed}, {}));
}

bool MachineEditor::removeTag(const QString &tag)
{
    return sendTags(MachineUpdate::editedTags(m_tags, {}, {tag}));
}

bool MachineEditor::sendTags(const QStringList &tags)
{
    MachineUpdate update;
    update.tags = tags;
    return send(update, &MachineEditor::setTagError, &MachineEditor::tagsSaved);
}

bool MachineEditor::send(const MachineUpdate &update,
                         void (MachineEditor::*setError)(const QString &),
                         void (MachineEditor::*saved)())
{
    if (!m_inventory || m_busy)
        return false;
    if (const QString problem = m_inventory->updateProblem(m_accountId, m_machineId, update);
        !problem.isEmpty()) {
        (this->*setError)(problem);
        return false;
    }
    (this->*setError)({});
    setBusy(true);
    const quint64 serial = m_serial;
    m_inventory->updateMachine(
        m_accountId, m_machineId, update,
        [self = QPointer(this), serial, setError, saved](const Result<Machine> &result) {
            if (!self || serial != self->m_serial)
                return;
            self->setBusy(false);
            if (!result.ok())
                return (self.data()->*setError)(result.error().message());
            Q_EMIT(self.data()->*saved)();
        });
    return true;
}

void MachineEditor::clearErrors()
{
    setNameError({});
    setTagError({});
}

void MachineEditor::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void MachineEditor::setNameError(const QString &error)
{
    if (error == m_nameError)
        return;
    m_nameError = error;
    Q_EMIT nameErrorChanged();
}

void MachineEditor::setTagError(const QString &error)
{
    if (error == m_tagError)
        return;
    m_tagError = error;
    Q_EMIT tagErrorChanged();
}
