pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// "Set monthly price": the price the user knows for a machine the cloud prices wrongly or not at
// all (Proxmox, OpenStack, a discount), for this machine or every machine of its size in the
// account. Reading and saving the amount is core's (UserPriceModel.set); this only asks.
Popup {
    id: dialog

    property string accountId: ""
    property string machineId: ""
    property string machineName: ""
    property string accountName: ""
    property string size: ""
    property string scope: "machine"
    property string error: ""

    function openFor(accountId, machineId) {
        const m = AppController.machine(accountId, machineId)
        if (!m.name)
            return
        dialog.accountId = accountId
        dialog.machineId = machineId
        dialog.machineName = m.name
        dialog.accountName = m.accountName
        dialog.size = m.size || ""
        const prices = AppController.prices
        // The narrowest price already set is the one being edited.
        const own = prices.amountFor("machine", accountId, machineId)
        const bySize = dialog.size.length > 0 ? prices.amountFor("size", accountId, dialog.size) : ""
        dialog.scope = own.length > 0 || bySize.length === 0 ? "machine" : "size"
        amountField.text = own.length > 0 ? own : bySize
        currencyField.text = m.currency || "USD"
        dialog.error = ""
        open()
        amountField.forceActiveFocus()
    }
    function save(amount: string) {
        const key = dialog.scope === "machine" ? dialog.machineId : dialog.size
        dialog.error = AppController.prices.set(dialog.scope, dialog.accountId, key, amount,
                                                currencyField.text.trim().toUpperCase())
        if (dialog.error.length === 0) {
            dialog.close()
            AppController.notice(amount.length > 0 ? qsTr("Price set") : qsTr("Price removed"))
        }
    }

    objectName: "priceDialog"
    parent: Overlay.overlay
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    width: Math.min(Theme.dialogWidth, parent.width - 2 * Theme.spacingL)
    x: (parent.width - width) / 2
    y: Math.max(Theme.spacingL, (parent.height - height) / 2)
    padding: Theme.spacingXl
    Overlay.modal: Rectangle { color: Theme.scrim }
    background: Rectangle {
        radius: Theme.radiusL
        color: Theme.surface
        border.width: Theme.dark ? 1 : 0
        border.color: Theme.border
    }

    contentItem: ColumnLayout { // qmllint disable deferred-property-id
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Monthly price of %1").arg(dialog.machineName)
        spacing: Theme.spacingM

        Label {
            Layout.fillWidth: true
            text: qsTr("Monthly price of %1").arg(dialog.machineName)
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("For clouds that list no price, or when you pay another one. Shown as \"set by you\" and used in every total.")
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontBody
        }
        RadioButton {
            objectName: "priceForMachine"
            text: qsTr("This machine only")
            checked: dialog.scope === "machine"
            onClicked: dialog.scope = "machine"
        }
        RadioButton {
            objectName: "priceForSize"
            visible: dialog.size.length > 0
            text: qsTr("Every %1 in %2").arg(dialog.size).arg(dialog.accountName)
            checked: dialog.scope === "size"
            onClicked: dialog.scope = "size"
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            TextField {
                id: amountField
                objectName: "priceAmount"
                Layout.fillWidth: true
                implicitHeight: Theme.controlHeight + 4
                placeholderText: "12.50"
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                color: Theme.text
                placeholderTextColor: Theme.textSecondary
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Price a month")
                onAccepted: dialog.save(text)
                background: Rectangle {
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.width: amountField.activeFocus ? 2 : 1
                    border.color: amountField.activeFocus ? Theme.focus : Theme.border
                }
            }
            TextField {
                id: currencyField
                objectName: "priceCurrency"
                Layout.preferredWidth: 80
                implicitHeight: Theme.controlHeight + 4
                maximumLength: 3
                font.capitalization: Font.AllUppercase
                color: Theme.text
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Currency")
                background: Rectangle {
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.width: currencyField.activeFocus ? 2 : 1
                    border.color: currencyField.activeFocus ? Theme.focus : Theme.border
                }
            }
            Label {
                text: qsTr("a month")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontBody
            }
        }
        Label {
            objectName: "priceError"
            Layout.fillWidth: true
            visible: dialog.error.length > 0
            text: dialog.error
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontBody
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            AppButton {
                objectName: "priceRemove"
                text: qsTr("Remove")
                // count: re-read when a price is added or removed.
                visible: AppController.prices.count >= 0 && AppController.prices.amountFor(dialog.scope, dialog.accountId,
                                                        dialog.scope === "machine" ? dialog.machineId : dialog.size).length > 0
                onClicked: dialog.save("")
            }
            Item { Layout.fillWidth: true }
            AppButton {
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AppButton {
                objectName: "priceSave"
                kind: "primary"
                text: qsTr("Save")
                onClicked: dialog.save(amountField.text)
            }
        }
    }
}
