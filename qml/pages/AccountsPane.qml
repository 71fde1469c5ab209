pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// The accounts: each with its provider mark, machine count and status (up to date, refreshing,
// error with the reason and Retry, offline with the age of its data, credentials missing).
// Choosing one shows only its machines.
Rectangle {
    id: pane

    signal addAccountClicked()
    signal editAccountClicked(string accountId)
    signal removeAccountClicked(string accountId)
    signal accountChosen()

    // One menu for every account row, built the first time it opens; for menuAccountId.
    property Menu accountMenu: null
    property string menuAccountId: ""
    function openMenu(item, accountId, x, y) {
        if (!accountMenu)
            accountMenu = accountMenuComponent.createObject(pane)
        menuAccountId = accountId
        accountMenu.popup(item, x, y)
    }

    color: Theme.sidebar
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Accounts")

    // The line under an account's name: its text comes from the model (AccountModel's
    // statusLine), only the look is chosen here.
    component StatusLine: RowLayout {
        id: status
        property string statusId: "unknown"
        property string text: ""
        spacing: 6
        StateGlyph {
            Layout.preferredWidth: 10
            Layout.preferredHeight: 10
            stateId: status.statusId === "ok" ? "running"
                     : status.statusId === "refreshing" ? "starting"
                     : status.statusId === "offline" ? "suspended"
                     : status.statusId === "error" ? "error" : "unknown"
        }
        Label {
            Layout.fillWidth: true
            text: status.text
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            color: status.statusId === "error" ? Theme.danger
                   : status.statusId === "offline" || status.statusId === "credentialsMissing" ? Theme.warning
                                                                                              : Theme.textSecondary
            font.pixelSize: Theme.fontCaption
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight - 8
            Layout.leftMargin: Theme.spacingL
            Layout.rightMargin: Theme.spacingS
            Label {
                Layout.fillWidth: true
                text: qsTr("Accounts")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
                font.weight: Font.Bold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 0.6
                Accessible.role: Accessible.Heading
            }
            IconButton {
                iconName: "plus"
                tip: qsTr("Add an account")
                onClicked: pane.addAccountClicked()
            }
        }

        ItemDelegate {
            id: allItem
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch ? 52 : 40
            highlighted: AppController.filters.account.length === 0
            Accessible.name: qsTr("All machines, %1").arg(AppController.machineCount)
            onClicked: {
                AppController.filters.account = ""
                pane.accountChosen()
            }
            background: Rectangle {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingS
                anchors.rightMargin: Theme.spacingS
                radius: Theme.radiusM
                color: allItem.highlighted ? Theme.selection : allItem.hovered ? Theme.hover : "transparent"
            }
            contentItem: RowLayout {
                spacing: Theme.spacingM
                SvgIcon {
                    Layout.leftMargin: Theme.spacingS + 4
                    Layout.preferredWidth: Theme.iconSize
                    Layout.preferredHeight: Theme.iconSize
                    source: Theme.icon("server")
                    color: Theme.textSecondary
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("All machines")
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    font.weight: allItem.highlighted ? Font.DemiBold : Font.Normal
                }
                Label {
                    Layout.rightMargin: Theme.spacingS
                    text: AppController.machineCount
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
            }
        }

        ListView {
            id: accounts
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: AppController.accounts
            spacing: 2
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Accounts")

            delegate: ItemDelegate {
                id: item
                required property string accountId
                required property string name
                required property string providerId
                required property string providerName
                required property string providerMark
                required property bool isDemo
                required property string statusId
                required property string statusText
                required property string statusLine
                required property bool needsAttention
                required property bool suggestsEdit
                required property string errorMessage
                width: accounts.width
                height: column.implicitHeight + 2 * Theme.spacingS + 4
                highlighted: AppController.filters.account === accountId
                Accessible.name: qsTr("%1, %2, %3").arg(name).arg(providerName).arg(statusText)
                onClicked: {
                    AppController.filters.account = accountId
                    pane.accountChosen()
                }
                onPressAndHold: pane.openMenu(item, accountId, item.width / 2, item.height / 2)
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: (point) => pane.openMenu(item, item.accountId, point.position.x, point.position.y)
                }
                background: Rectangle {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacingS
                    anchors.rightMargin: Theme.spacingS
                    radius: Theme.radiusM
                    color: item.highlighted ? Theme.selection : item.hovered ? Theme.hover : "transparent"
                }
                contentItem: ColumnLayout { // qmllint disable deferred-property-id
                    id: column
                    spacing: Theme.spacingXs
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.spacingS + 2
                        spacing: Theme.spacingM
                        ProviderMark {
                            providerId: item.providerId
                            monogram: item.providerMark
                            size: 28
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 1
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 6
                                Label {
                                    Layout.fillWidth: true
                                    Layout.maximumWidth: implicitWidth
                                    text: item.name
                                    elide: Text.ElideRight
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    font.weight: item.highlighted ? Font.DemiBold : Font.Normal
                                }
                                Item { Layout.fillWidth: true }
                            }
                            StatusLine {
                                Layout.fillWidth: true
                                statusId: item.statusId
                                text: item.statusLine
                            }
                        }
                        IconButton {
                            implicitWidth: 30
                            implicitHeight: 30
                            iconName: "more"
                            tip: qsTr("Account actions")
                            onClicked: pane.openMenu(this, item.accountId, 0, height)
                        }
                    }
                    // What went wrong and what to do next.
                    ColumnLayout {
                        visible: item.needsAttention && item.errorMessage.length > 0
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.spacingS + 2 + 28 + Theme.spacingM
                        Layout.rightMargin: Theme.spacingS
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: item.errorMessage
                            wrapMode: Text.Wrap
                            maximumLineCount: 4
                            elide: Text.ElideRight
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                        }
                        RowLayout {
                            spacing: Theme.spacingS
                            AppButton {
                                kind: "flat"
                                text: qsTr("Retry")
                                implicitHeight: 28
                                leftPadding: 0
                                onClicked: AppController.refreshAccount(item.accountId)
                            }
                            AppButton {
                                visible: item.suggestsEdit
                                kind: "flat"
                                text: qsTr("Edit account")
                                implicitHeight: 28
                                onClicked: pane.editAccountClicked(item.accountId)
                            }
                        }
                    }
                }
            }
        }
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.controlHeight + 2 * Theme.spacingM
            AppButton {
                anchors.left: parent.left
                anchors.leftMargin: Theme.spacingS
                anchors.verticalCenter: parent.verticalCenter
                kind: "flat"
                iconName: "plus"
                text: qsTr("Add account")
                onClicked: pane.addAccountClicked()
            }
        }
    }

    Component {
        id: accountMenuComponent
        Menu {
            MenuItem {
                text: qsTr("Refresh")
                icon.source: Theme.icon("refresh")
                onTriggered: AppController.refreshAccount(pane.menuAccountId)
            }
            MenuItem {
                text: qsTr("Edit…")
                icon.source: Theme.icon("edit")
                onTriggered: pane.editAccountClicked(pane.menuAccountId)
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("Remove…")
                icon.source: Theme.icon("destroy")
                onTriggered: pane.removeAccountClicked(pane.menuAccountId)
            }
        }
    }
}
