pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// A plain confirmation: what happens, Cancel, and the action (red when destructive, last).
Popup {
    id: dialog

    property string title: ""
    property string text: ""
    property string confirmText: qsTr("OK")
    property bool destructive: false
    property var confirmAction: null

    function ask(title, text, confirmText, destructive, action) {
        dialog.title = title
        dialog.text = text
        dialog.confirmText = confirmText
        dialog.destructive = destructive
        dialog.confirmAction = action
        open()
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

    contentItem: ColumnLayout {
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.title
        spacing: Theme.spacingL
        Label {
            Layout.fillWidth: true
            text: dialog.title
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: dialog.text
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            AppButton {
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            AppButton {
                kind: dialog.destructive ? "danger" : "primary"
                text: dialog.confirmText
                onClicked: {
                    dialog.close()
                    const action = dialog.confirmAction
                    if (action)
                        action()
                }
            }
        }
    }
}
