pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// An inline message across a pane: offline, errors, information. Never a modal dialog.
Rectangle {
    id: banner

    property string kind: "info"     // "info", "warning", "error", "offline"
    property string text: ""
    property string detail: ""       // a second, smaller line (which accounts, why)
    property string actionText: ""
    signal actionTriggered()

    readonly property color tone: kind === "error" ? Theme.danger
                                  : kind === "warning" || kind === "offline" ? Theme.warning
                                                                             : Theme.accent
    implicitHeight: Math.max(Theme.controlHeight + Theme.spacingS, lines.implicitHeight + 2 * Theme.spacingS)
    color: kind === "error" ? Theme.dangerSoft
                            : kind === "info" ? Theme.accentSoft : Theme.warningSoft
    Accessible.role: Accessible.AlertMessage
    Accessible.name: detail.length > 0 ? text + ". " + detail : text

    Rectangle {
        width: 4
        height: parent.height
        color: banner.tone
    }
    // Anchors, not a RowLayout: wrapped lines whose height fed a layout that fed the banner's
    // height made Qt Quick Layouts loop ("Polish loop detected") and paint the lines over each
    // other. Here the width comes from the banner and the height from the lines, one way only.
    SvgIcon {
        id: icon
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacingL
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.iconSize
        height: Theme.iconSize
        source: Theme.icon(banner.kind === "offline" ? "cloud-off"
                           : banner.kind === "info" ? "info" : "warning")
        color: banner.tone
    }
    Column {
        id: lines
        anchors.left: icon.right
        anchors.leftMargin: Theme.spacingM
        anchors.right: action.visible ? action.left : parent.right
        anchors.rightMargin: Theme.spacingM
        anchors.verticalCenter: parent.verticalCenter
        spacing: 2
        Label {
            objectName: "bannerText"
            width: lines.width
            text: banner.text
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
        }
        Label {
            objectName: "bannerDetail"
            width: lines.width
            visible: banner.detail.length > 0
            text: banner.detail
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption + 1
        }
    }
    AppButton {
        id: action
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacingS
        anchors.verticalCenter: parent.verticalCenter
        visible: banner.actionText.length > 0
        kind: "flat"
        text: banner.actionText
        onClicked: banner.actionTriggered()
    }
}
