pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
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
    implicitHeight: Math.max(Theme.controlHeight + Theme.spacingS, layout.implicitHeight + 2 * Theme.spacingS)
    color: kind === "error" ? Theme.dangerSoft
                            : kind === "info" ? Theme.accentSoft : Theme.warningSoft
    Accessible.role: Accessible.AlertMessage
    Accessible.name: detail.length > 0 ? text + ". " + detail : text

    Rectangle {
        width: 4
        height: parent.height
        color: banner.tone
    }
    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingS
        spacing: Theme.spacingM
        SvgIcon {
            Layout.preferredWidth: Theme.iconSize
            Layout.preferredHeight: Theme.iconSize
            source: Theme.icon(banner.kind === "offline" ? "cloud-off"
                               : banner.kind === "info" ? "info" : "warning")
            color: banner.tone
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            Layout.bottomMargin: Theme.spacingS
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: banner.text
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
            Label {
                Layout.fillWidth: true
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
            visible: banner.actionText.length > 0
            kind: "flat"
            text: banner.actionText
            onClicked: banner.actionTriggered()
        }
    }
}
