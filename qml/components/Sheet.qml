pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// A modal sheet for flows (add account, create machine, settings): centred on wide windows,
// the whole window on narrow ones. Escape or the close button dismiss it.
Popup {
    id: sheet

    property string title: ""
    property string subtitle: ""
    property bool showBack: false
    property int preferredWidth: Theme.sheetWidth
    property int preferredHeight: 720
    readonly property bool fullScreen: parent ? parent.width < Theme.narrowBreakpoint : false
    default property alias content: body.data
    property alias footer: footerArea.data
    signal backClicked()

    parent: Overlay.overlay
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    padding: 0
    width: fullScreen ? parent.width : Math.min(preferredWidth, parent.width - 2 * Theme.spacingXl)
    height: fullScreen ? parent.height : Math.min(preferredHeight, parent.height - 2 * Theme.spacingXl)
    x: (parent.width - width) / 2
    y: (parent.height - height) / 2

    Overlay.modal: Rectangle { color: Theme.scrim }
    enter: Transition {
        NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.durationNormal; easing.type: Easing.OutCubic }
        NumberAnimation { property: "scale"; from: 0.97; to: 1; duration: Theme.durationNormal; easing.type: Easing.OutCubic }
    }
    exit: Transition {
        NumberAnimation { property: "opacity"; to: 0; duration: Theme.durationFast }
    }
    background: Rectangle {
        radius: sheet.fullScreen ? 0 : Theme.radiusL
        color: Theme.surface
        border.width: Theme.dark && !sheet.fullScreen ? 1 : 0
        border.color: Theme.border
    }

    contentItem: ColumnLayout { // qmllint disable deferred-property-id
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: sheet.showBack ? Theme.spacingS : Theme.spacingXl
            Layout.rightMargin: Theme.spacingS
            spacing: Theme.spacingS
            IconButton {
                visible: sheet.showBack
                iconName: "back"
                tip: qsTr("Back")
                onClicked: sheet.backClicked()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: sheet.title
                    elide: Text.ElideRight
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    visible: sheet.subtitle.length > 0
                    text: sheet.subtitle
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
            }
            IconButton {
                iconName: "close"
                tip: qsTr("Close")
                shortcutText: qsTr("Esc")
                onClicked: sheet.close()
            }
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.divider }
        Item {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: Theme.divider
            visible: footerArea.children.length > 0
        }
        Item {
            id: footerArea
            Layout.fillWidth: true
            Layout.preferredHeight: children.length > 0 ? Theme.controlHeight + 2 * Theme.spacingL : 0
            visible: children.length > 0
        }
    }
}
