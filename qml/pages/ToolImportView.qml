pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// "Import from installed tools": what the clouds' own command-line tools already hold, each
// offered as an account (ToolImporter does the work: Verify, then the keychain). Thin: a list,
// its states, and buttons that call the model.
ColumnLayout {
    id: view

    signal closeRequested()

    spacing: 0

    ToolImporter {
        id: importer
        registry: AppController.registry
        accountStore: AppController.accountStore
        credentials: AppController.credentials
        accountService: AppController.accountService
        inventory: AppController.inventory
        Component.onCompleted: scan()
        onImported: (accountName) => AppController.notice(qsTr("Added \"%1\"").arg(accountName))
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingL
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        spacing: Theme.spacingS
        Label {
            Layout.fillWidth: true
            text: qsTr("Credentials found in the files of doctl, hcloud, linode-cli, vultr-cli and the AWS CLI. CloudDeck reads those files and never changes them; each credential is verified before it is saved, and its secret goes to your keychain.")
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption + 1
        }
        Repeater {
            model: importer.notes
            delegate: Banner {
                required property string modelData
                Layout.fillWidth: true
                kind: "info"
                text: modelData
            }
        }
        RowLayout {
            visible: importer.loading
            spacing: Theme.spacingS
            BusyIndicator {
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
                running: importer.loading
            }
            Label {
                text: qsTr("Looking for credentials…")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontBody
            }
        }
    }

    Item {
        Layout.fillWidth: true
        Layout.fillHeight: true

        ListView {
            id: list
            objectName: "toolImportList"
            anchors.fill: parent
            clip: true
            model: importer
            spacing: Theme.spacingS
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            topMargin: Theme.spacingM
            bottomMargin: Theme.spacingXl

            delegate: Rectangle {
                id: row
                required property int index
                required property string tool
                required property string context
                required property string file
                required property string providerId
                required property string providerName
                required property string providerMark
                required property int status
                required property string statusText
                required property bool importable

                readonly property bool done: status === ToolImporter.Imported || status === ToolImporter.Duplicate
                readonly property bool working: status === ToolImporter.Verifying

                x: Theme.spacingXl
                width: list.width - 2 * Theme.spacingXl
                implicitHeight: rowLayout.implicitHeight + 2 * Theme.spacingM
                radius: Theme.radiusM
                color: Theme.surface
                border.width: 1
                border.color: Theme.border
                opacity: status === ToolImporter.NotImportable ? 0.85 : 1
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, %2 (%3): %4").arg(tool).arg(context).arg(providerName).arg(statusText)

                RowLayout {
                    id: rowLayout
                    anchors.fill: parent
                    anchors.margins: Theme.spacingM
                    spacing: Theme.spacingM
                    ProviderMark {
                        Layout.alignment: Qt.AlignTop
                        providerId: row.providerId
                        monogram: row.providerMark
                        size: Theme.markSize
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(row.tool).arg(row.context)
                            elide: Text.ElideRight
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                        }
                        Label {
                            Layout.fillWidth: true
                            text: row.providerName + "  ·  " + row.file
                            elide: Text.ElideMiddle
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingXs
                            SvgIcon {
                                Layout.preferredWidth: Theme.smallIconSize
                                Layout.preferredHeight: Theme.smallIconSize
                                Layout.alignment: Qt.AlignTop
                                visible: row.status !== ToolImporter.Available && !row.working
                                source: Theme.icon(row.done ? "check"
                                                   : row.status === ToolImporter.Failed ? "warning" : "info")
                                color: row.done ? Theme.success
                                       : row.status === ToolImporter.Failed ? Theme.danger : Theme.textSecondary
                            }
                            Label {
                                Layout.fillWidth: true
                                text: row.statusText
                                wrapMode: Text.Wrap
                                color: row.status === ToolImporter.Failed ? Theme.danger
                                       : row.done ? Theme.success : Theme.textSecondary
                                font.pixelSize: Theme.fontCaption + 1
                            }
                        }
                    }
                    AppButton {
                        Layout.alignment: Qt.AlignVCenter
                        visible: row.importable || row.working
                        kind: "secondary"
                        text: row.status === ToolImporter.Failed ? qsTr("Retry") : qsTr("Import")
                        enabled: !row.working && !importer.loading
                        busy: row.working
                        Accessible.name: qsTr("Import %1 %2").arg(row.tool).arg(row.context)
                        onClicked: importer.importRow(row.index)
                    }
                }
            }
        }

        EmptyState {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.spacingXl, 420)
            visible: list.count === 0 && !importer.loading
            illustration: "no-results"
            illustrationWidth: 160
            title: qsTr("Nothing found")
            text: importer.errorString.length > 0 ? importer.errorString
                  : qsTr("No credentials of doctl, hcloud, linode-cli, vultr-cli or the AWS CLI are on this computer. Add an account by hand instead.")
            AppButton {
                kind: "secondary"
                iconName: "refresh"
                text: qsTr("Look again")
                onClicked: importer.scan()
            }
        }
    }

    Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.divider }
    RowLayout {
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.controlHeight + 2 * Theme.spacingL
        Layout.leftMargin: Theme.spacingXl
        Layout.rightMargin: Theme.spacingXl
        spacing: Theme.spacingS
        AppButton {
            kind: "flat"
            iconName: "refresh"
            text: qsTr("Look again")
            leftPadding: 0
            enabled: !importer.busy && !importer.loading
            onClicked: importer.scan()
        }
        Item { Layout.fillWidth: true }
        AppButton {
            text: qsTr("Close")
            kind: "flat"
            onClicked: view.closeRequested()
        }
        AppButton {
            objectName: "importAllButton"
            kind: "primary"
            text: importer.pendingCount > 1 ? qsTr("Import all %1").arg(importer.pendingCount) : qsTr("Import")
            visible: importer.pendingCount > 0 || importer.busy
            enabled: !importer.busy && !importer.loading
            busy: importer.busy
            onClicked: importer.importAll()
        }
    }
}
