pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// First run: what CloudDeck is, and the two ways to start.
Rectangle {
    id: welcome

    signal addCloudClicked()
    signal tryDemoClicked()

    color: Theme.window

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingXl, 560)
        spacing: Theme.spacingXl

        EmptyState {
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            illustration: "welcome"
            illustrationWidth: Math.min(300, welcome.width - 2 * Theme.spacingXl)
            title: qsTr("Welcome to CloudDeck")
            text: qsTr("Every machine on every cloud, in one list: see what runs, what it costs, "
                       + "and start, stop or reach any of them in a tap. Add the account of a cloud "
                       + "you use, or try the demo first; it runs entirely on this computer.")
            AppButton {
                kind: "primary"
                iconName: "plus"
                text: qsTr("Add a cloud")
                implicitHeight: Theme.controlHeight + 8
                onClicked: welcome.addCloudClicked()
            }
            AppButton {
                kind: "secondary"
                iconName: "start"
                text: qsTr("Try the demo")
                implicitHeight: Theme.controlHeight + 8
                onClicked: welcome.tryDemoClicked()
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacingS
            visible: marks.count > 0
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Works with")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
            }
            Row {
                Layout.alignment: Qt.AlignHCenter
                spacing: Theme.spacingS
                Repeater {
                    id: marks
                    model: AppController.cloudProviders
                    delegate: ProviderMark {
                        required property var modelData
                        providerId: modelData.id
                        monogram: modelData.mark
                        size: 32
                        Accessible.ignored: false
                        Accessible.name: modelData.name
                        ToolTip.visible: markHover.hovered
                        ToolTip.text: modelData.name
                        HoverHandler { id: markHover }
                    }
                }
            }
        }
    }
}
