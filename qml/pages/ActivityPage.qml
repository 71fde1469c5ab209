pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// What was done to machines, from here and from the CLI (core's activity log), newest first:
// the action, the machine, when, and how it ended, with the cloud's words when it failed.
Rectangle {
    id: page
    objectName: "activityPage"

    readonly property bool narrow: width < 700

    signal back()

    color: Theme.window
    Keys.onEscapePressed: page.back()
    Keys.onBackPressed: page.back()
    // The CLI may have written rows meanwhile.
    Component.onCompleted: AppController.activity.reload()

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
                anchors.rightMargin: Theme.spacingM
                spacing: Theme.spacingS
                IconButton {
                    iconName: "back"
                    tip: qsTr("Back to machines")
                    onClicked: page.back()
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Activity")
                    color: Theme.text
                    font.pixelSize: Theme.fontSubtitle + 1
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                }
                Label {
                    visible: list.count > 0 && !page.narrow
                    text: list.count === 1 ? qsTr("The last action, from this app or the command line")
                                           : qsTr("The last %1 actions, from this app and the command line").arg(list.count)
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
            }
        }

        EmptyState {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: list.count === 0
            illustration: "no-results"
            title: qsTr("Nothing done yet")
            text: qsTr("Starts, stops, reboots, new and destroyed machines show here, with how each ended.")
        }

        ListView {
            id: list
            objectName: "activityList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: count > 0
            clip: true
            model: AppController.activity
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: entry
                required property int index
                required property string timeText
                required property string accountName
                required property string machineName
                required property string actionText
                required property string outcome
                required property string outcomeText
                required property string message
                required property string source
                readonly property color tone: outcome === "failed" ? Theme.danger
                                              : outcome === "succeeded" ? Theme.success : Theme.textSecondary

                width: ListView.view.width
                padding: Theme.spacingM
                leftPadding: Theme.spacingL
                rightPadding: Theme.spacingL
                Accessible.name: qsTr("%1 of %2: %3").arg(actionText).arg(machineName).arg(outcomeText)
                background: Rectangle {
                    color: entry.hovered ? Theme.hover : "transparent"
                    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                }
                // Two lines at any width: what and when; where, how it ended and the cloud's words.
                contentItem: ColumnLayout {
                    spacing: Theme.spacingXs
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        Rectangle {
                            width: 8; height: 8; radius: 4
                            color: entry.tone
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(entry.actionText).arg(entry.machineName)
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                        Label {
                            text: entry.timeText
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontCaption + 1
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        Layout.leftMargin: 8 + Theme.spacingS
                        text: {
                            const where = entry.source === "clouddeck-cli"
                                        ? qsTr("%1, from the command line").arg(entry.accountName) : entry.accountName
                            const how = entry.message.length > 0 ? entry.outcomeText + ": " + entry.message : entry.outcomeText
                            return where + " · " + how
                        }
                        color: entry.outcome === "failed" ? Theme.danger : Theme.textSecondary
                        font.pixelSize: Theme.fontCaption + 1
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }
}
