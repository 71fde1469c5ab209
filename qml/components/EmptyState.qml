pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// A simple drawing, one sentence and the one thing to do next.
Item {
    id: empty

    property string illustration: "welcome"
    property string title: ""
    property string text: ""
    property real illustrationWidth: 220
    default property alias actions: buttons.data

    implicitHeight: column.implicitHeight
    implicitWidth: column.implicitWidth

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingXl, 520)
        spacing: Theme.spacingL

        SvgIcon {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: empty.illustrationWidth
            Layout.preferredHeight: empty.illustrationWidth * implicitHeight / implicitWidth
            implicitWidth: 280
            implicitHeight: empty.illustration === "welcome" ? 180 : 140
            source: Theme.illustration(empty.illustration)
            color: Theme.text
            accent: Theme.accent
        }
        Label {
            Layout.fillWidth: true
            visible: empty.title.length > 0
            text: empty.title
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        Label {
            Layout.fillWidth: true
            visible: empty.text.length > 0
            text: empty.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontBody
            lineHeight: 1.2
        }
        Row {
            id: buttons
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingS
            spacing: Theme.spacingM
        }
    }
}
