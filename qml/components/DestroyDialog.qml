pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// Destroying a machine: the consequence in plain words, and the machine's name typed to confirm.
// The destructive button is red and last.
Popup {
    id: dialog

    property string accountId: ""
    property string machineId: ""
    property string machineName: ""
    property string accountName: ""
    property string providerName: ""
    property string monthly: ""
    readonly property bool confirmable: confirmField.text === machineName && machineName.length > 0

    signal confirmed(string accountId, string machineId)

    function ask(accountId, machineId, name, accountName, providerName, monthly) {
        dialog.accountId = accountId
        dialog.machineId = machineId
        dialog.machineName = name
        dialog.accountName = accountName
        dialog.providerName = providerName
        dialog.monthly = monthly || ""
        confirmField.clear()
        open()
        confirmField.forceActiveFocus()
    }
    function accept() {
        if (!confirmable)
            return
        dialog.confirmed(accountId, machineId)
        close()
    }

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
        Accessible.name: qsTr("Destroy %1").arg(dialog.machineName)
        spacing: Theme.spacingL
        RowLayout {
            spacing: Theme.spacingM
            Rectangle {
                Layout.preferredWidth: 40
                Layout.preferredHeight: 40
                radius: 20
                color: Theme.dangerSoft
                SvgIcon {
                    anchors.centerIn: parent
                    width: Theme.iconSize
                    height: Theme.iconSize
                    source: Theme.icon("destroy")
                    color: Theme.danger
                }
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Destroy %1?").arg(dialog.machineName)
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
            }
        }
        Label {
            Layout.fillWidth: true
            text: (dialog.providerName === dialog.accountName
                   ? qsTr("This deletes the machine and its disks on %1.").arg(dialog.providerName)
                   : qsTr("This deletes the machine and its disks on %1 (account %2).").arg(dialog.providerName).arg(dialog.accountName))
                  + " " + qsTr("Everything stored on it is lost and cannot be recovered.")
                  + (dialog.monthly.length > 0 ? " " + qsTr("Billing of %1 stops.").arg(dialog.monthly) : "")
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
            lineHeight: 1.15
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs
            Label {
                Layout.fillWidth: true
                text: qsTr("Type <b>%1</b> to confirm").arg(dialog.machineName)
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption + 1
            }
            TextField {
                id: confirmField
                objectName: "destroyConfirmField"
                Layout.fillWidth: true
                implicitHeight: Theme.controlHeight + 4
                placeholderText: dialog.machineName
                placeholderTextColor: Theme.textDisabled
                color: Theme.text
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontBody
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Type the machine name to confirm")
                onAccepted: dialog.accept()
                background: Rectangle {
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.width: confirmField.activeFocus ? 2 : 1
                    border.color: dialog.confirmable ? Theme.danger : confirmField.activeFocus ? Theme.focus : Theme.border
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            AppButton {
                objectName: "destroyCancel"
                text: qsTr("Cancel")
                kind: "secondary"
                onClicked: dialog.close()
            }
            AppButton {
                objectName: "destroyConfirm"
                text: qsTr("Destroy machine")
                kind: "danger"
                iconName: "destroy"
                enabled: dialog.confirmable
                onClicked: dialog.accept()
            }
        }
    }
}
