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

    color: Theme.sidebar
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Accounts")

    component StatusLine: RowLayout {
        id: status
        required property var account
        readonly property string kind: account.status
        spacing: 6
        StateGlyph {
            Layout.preferredWidth: 10
            Layout.preferredHeight: 10
            stateId: status.kind === "ok" ? "running"
                     : status.kind === "refreshing" ? "starting"
                     : status.kind === "offline" ? "suspended"
                     : status.kind === "credentials" ? "unknown" : "error"
        }
        Label {
            Layout.fillWidth: true
            text: {
                switch (status.kind) {
                case "ok":
                    return qsTr("%n machine(s)", "", status.account.machineCount) + " · "
                           + Format.age(status.account.lastSuccess, AppController.now)
                case "refreshing":
                    return qsTr("Refreshing…")
                case "offline":
                    return status.account.lastSuccess.getTime() > 0
                           ? qsTr("Offline · data from %1").arg(Format.time(status.account.lastSuccess))
                           : qsTr("Offline")
                case "credentials":
                    return qsTr("Credentials missing")
                default:
                    return qsTr("Error")
                }
            }
            elide: Text.ElideRight
            color: status.kind === "error" ? Theme.danger
                   : status.kind === "offline" || status.kind === "credentials" ? Theme.warning
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
                required property var modelData
                readonly property var account: modelData
                readonly property bool failing: account.status === "error" || account.status === "offline"
                                                || account.status === "credentials"
                width: accounts.width
                height: column.implicitHeight + 2 * Theme.spacingS + 4
                highlighted: AppController.filters.account === account.id
                Accessible.name: qsTr("%1, %2, %3").arg(account.name).arg(account.providerName).arg(account.status)
                onClicked: {
                    AppController.filters.account = account.id
                    pane.accountChosen()
                }
                onPressAndHold: accountMenu.popup()
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: accountMenu.popup()
                }
                background: Rectangle {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacingS
                    anchors.rightMargin: Theme.spacingS
                    radius: Theme.radiusM
                    color: item.highlighted ? Theme.selection : item.hovered ? Theme.hover : "transparent"
                }
                contentItem: ColumnLayout {
                    id: column
                    spacing: Theme.spacingXs
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.spacingS + 2
                        spacing: Theme.spacingM
                        ProviderMark {
                            providerId: item.account.providerId
                            monogram: item.account.mark
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
                                    text: item.account.name
                                    elide: Text.ElideRight
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    font.weight: item.highlighted ? Font.DemiBold : Font.Normal
                                }
                                Item { Layout.fillWidth: true }
                            }
                            StatusLine {
                                Layout.fillWidth: true
                                account: item.account
                            }
                        }
                        IconButton {
                            implicitWidth: 30
                            implicitHeight: 30
                            iconName: "more"
                            tip: qsTr("Account actions")
                            onClicked: accountMenu.popup(this, 0, height)
                        }
                    }
                    // What went wrong and what to do next.
                    ColumnLayout {
                        visible: item.failing && item.account.message.length > 0
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.spacingS + 2 + 28 + Theme.spacingM
                        Layout.rightMargin: Theme.spacingS
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: item.account.message
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
                                onClicked: AppController.refreshAccount(item.account.id)
                            }
                            AppButton {
                                visible: item.account.status === "credentials" || item.account.status === "error"
                                kind: "flat"
                                text: qsTr("Edit account")
                                implicitHeight: 28
                                onClicked: pane.editAccountClicked(item.account.id)
                            }
                        }
                    }
                }
                Menu {
                    id: accountMenu
                    MenuItem {
                        text: qsTr("Refresh")
                        icon.source: Theme.icon("refresh")
                        onTriggered: AppController.refreshAccount(item.account.id)
                    }
                    MenuItem {
                        text: qsTr("Edit…")
                        icon.source: Theme.icon("edit")
                        onTriggered: pane.editAccountClicked(item.account.id)
                    }
                    MenuSeparator {}
                    MenuItem {
                        text: qsTr("Remove…")
                        icon.source: Theme.icon("destroy")
                        onTriggered: pane.removeAccountClicked(item.account.id)
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
}
