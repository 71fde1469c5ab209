pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// One confirmation for an action on several machines, listing them. Destroying several asks for
// their number to be typed.
Popup {
    id: dialog

    property string action: ""
    property var items: []          // [{accountId, machineId, name, accountName, allowedActions}]
    readonly property var affected: items.filter(i => (i.allowedActions || []).indexOf(action) >= 0)
    readonly property int skipped: items.length - affected.length
    readonly property bool destructive: MachineStates.isDestructive(action)
    // One provider's words when every affected machine is on it (Azure: "Stop (deallocate)"),
    // else the generic ones: a mixed list has no single meaning for the action.
    readonly property var words: {
        const providers = affected.map(i => AppController.machine(i.accountId, i.machineId).provider)
        if (providers.length === 0 || providers.some(p => p !== providers[0]))
            return {}
        return (AppController.provider(providers[0]).actions || {})[action] || {}
    }
    readonly property string label: words.label || Format.actionText(action)
    readonly property bool confirmable: affected.length > 0
                                        && (!destructive || countField.text === String(affected.length))

    signal confirmed(string action)

    function ask(action, items) {
        dialog.action = action
        dialog.items = items
        countField.clear()
        open()
        if (destructive)
            countField.forceActiveFocus()
    }

    parent: Overlay.overlay
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    width: Math.min(Theme.dialogWidth + 40, parent.width - 2 * Theme.spacingL)
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
        Accessible.name: title.text
        spacing: Theme.spacingL
        Label {
            id: title
            Layout.fillWidth: true
            text: qsTr("%1 %n machine(s)?", "", dialog.affected.length).arg(dialog.label)
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        Label {
            Layout.fillWidth: true
            visible: !dialog.destructive && text.length > 0
            text: dialog.words.description || ""
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.destructive
            text: qsTr("These machines and their disks are deleted, with everything stored on them. This cannot be undone.")
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(list.contentHeight, 220) + 2
            radius: Theme.radiusM
            color: Theme.window
            border.color: Theme.border
            ListView {
                id: list
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: dialog.affected
                delegate: RowLayout {
                    id: line
                    required property var modelData
                    width: list.width
                    height: 32
                    spacing: Theme.spacingS
                    Label {
                        Layout.leftMargin: Theme.spacingM
                        Layout.fillWidth: true
                        text: line.modelData.name
                        elide: Text.ElideRight
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                    }
                    Label {
                        Layout.rightMargin: Theme.spacingM
                        text: line.modelData.accountName
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontCaption
                    }
                }
                ScrollBar.vertical: ScrollBar {}
            }
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.skipped > 0
            text: qsTr("%n selected machine(s) cannot do this in their current state and will be left alone.", "", dialog.skipped)
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption + 1
        }
        ColumnLayout {
            Layout.fillWidth: true
            visible: dialog.destructive
            spacing: Theme.spacingXs
            Label {
                text: qsTr("Type <b>%1</b> to confirm").arg(dialog.affected.length)
                textFormat: Text.StyledText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption + 1
            }
            TextField {
                id: countField
                Layout.fillWidth: true
                implicitHeight: Theme.controlHeight + 4
                color: Theme.text
                font.family: Theme.monoFamily
                inputMethodHints: Qt.ImhDigitsOnly
                Accessible.name: qsTr("Type the number of machines to confirm")
                onAccepted: if (dialog.confirmable) { dialog.confirmed(dialog.action); dialog.close() }
                background: Rectangle {
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.width: countField.activeFocus ? 2 : 1
                    border.color: countField.activeFocus ? Theme.focus : Theme.border
                }
            }
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
                iconName: dialog.action
                text: qsTr("%1 %n machine(s)", "", dialog.affected.length).arg(dialog.label)
                enabled: dialog.confirmable
                onClicked: {
                    dialog.confirmed(dialog.action)
                    dialog.close()
                }
            }
        }
    }
}
