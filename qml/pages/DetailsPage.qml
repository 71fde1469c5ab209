pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// Narrow windows: the details as their own page, with back navigation and a bottom action bar.
Rectangle {
    id: page

    readonly property var m: AppController.current.fields
    readonly property bool exists: AppController.current.exists
    readonly property var allowed: exists ? m.allowedActions : []
    readonly property bool busy: exists && m.pendingAction.length > 0
    readonly property var providerActions: exists ? ((AppController.provider(m.provider) || {}).actions || {}) : ({})

    signal back()
    signal confirmRequested(string accountId, string machineId, string action)

    color: Theme.surface
    Keys.onEscapePressed: page.back()
    Keys.onBackPressed: page.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            color: Theme.surface
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingS
                anchors.rightMargin: Theme.spacingS
                IconButton {
                    iconName: "back"
                    tip: qsTr("Back to machines")
                    onClicked: page.back()
                }
                Label {
                    Layout.fillWidth: true
                    text: page.exists ? page.m.name : ""
                    elide: Text.ElideRight
                    color: Theme.text
                    font.pixelSize: Theme.fontSubtitle + 1
                    font.weight: Font.DemiBold
                }
            }
        }
        MachineDetails {
            Layout.fillWidth: true
            Layout.fillHeight: true
            onConfirmRequested: (accountId, machineId, action) => page.confirmRequested(accountId, machineId, action)
        }
        // The most likely actions within thumb reach.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight + 8
            visible: page.exists
            color: Theme.surfaceRaised
            Rectangle { width: parent.width; height: 1; color: Theme.border }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingS
                anchors.rightMargin: Theme.spacingS
                spacing: 0
                Repeater {
                    model: ["start", "shutdown", "reboot", "ssh", "destroy"]
                    delegate: AbstractButton {
                        id: barButton
                        required property string modelData
                        readonly property bool available: modelData === "ssh"
                                                          ? page.exists && page.m.publicIps.length > 0
                                                          : page.allowed.indexOf(modelData) >= 0 && !page.busy
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1 // equal shares
                        Layout.fillHeight: true
                        enabled: available
                        // The provider's word for it (Azure: "Stop (deallocate)").
                        readonly property string label: modelData === "ssh" ? qsTr("SSH")
                                                        : ((page.providerActions[modelData] || {}).label) || Format.actionText(modelData)
                        Accessible.name: modelData === "ssh" ? qsTr("Open SSH") : label
                        onClicked: {
                            if (modelData === "ssh")
                                AppController.openSsh(AppController.current.accountId, AppController.current.machineId)
                            else if (MachineStates.confirmation(modelData) !== MachineStates.NoConfirmation)
                                page.confirmRequested(AppController.current.accountId, AppController.current.machineId, modelData)
                            else
                                AppController.runAction(AppController.current.accountId, AppController.current.machineId, modelData)
                        }
                        background: Rectangle {
                            radius: Theme.radiusM
                            color: barButton.down ? Theme.pressed : "transparent"
                        }
                        contentItem: Column {
                            spacing: 2
                            topPadding: (barButton.height - Theme.iconSize - Theme.fontCaption - 4) / 2
                            SvgIcon {
                                anchors.horizontalCenter: parent.horizontalCenter
                                width: Theme.iconSize
                                height: Theme.iconSize
                                source: Theme.icon(barButton.modelData === "ssh" ? "terminal" : barButton.modelData)
                                color: !barButton.enabled ? Theme.textDisabled
                                       : MachineStates.isDestructive(barButton.modelData) ? Theme.danger : Theme.text
                            }
                            Label {
                                width: barButton.width - 2 * Theme.spacingXs
                                anchors.horizontalCenter: parent.horizontalCenter
                                horizontalAlignment: Text.AlignHCenter
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                text: barButton.label
                                color: !barButton.enabled ? Theme.textDisabled
                                       : MachineStates.isDestructive(barButton.modelData) ? Theme.danger : Theme.textSecondary
                                font.pixelSize: Theme.fontCaption
                            }
                        }
                    }
                }
            }
        }
    }
}
