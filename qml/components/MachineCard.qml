pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// One machine as a card in the grid view: the same facts and gestures as MachineRow.
ItemDelegate {
    id: card

    required property int index
    required property string accountId
    required property string machineId
    required property string name
    required property string provider
    required property string accountName
    required property string stateId
    required property string stateText
    required property string providerState
    required property string region
    required property string size
    required property var publicIps
    required property var tags
    required property var pricePerMonth
    required property string pendingAction
    required property string actionError
    required property string errorReason
    required property string currency
    property bool stale: false
    /// false while the card waits in the GridView's pool: its CPU is not watched then.
    property bool metricsActive: true

    property bool selected: false
    property bool current: false
    property bool selectionMode: false
    property string monogram: ""

    readonly property string publicIp: publicIps && publicIps.length > 0 ? publicIps[0] : ""

    signal activated(int modifiers)
    signal selectToggled()
    signal menuRequested(real x, real y)
    signal ipCopied(string ip)
    signal retryRequested()

    padding: Theme.spacingL
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1, %2, %3, %4").arg(name).arg(stateText).arg(region).arg(
                         publicIp.length > 0 ? publicIp : qsTr("no public IP"))
                     + (stale ? ", " + qsTr("not refreshed") : "")
    Accessible.selected: selected

    onClicked: {
        if (selectionMode && Theme.touch)
            card.selectToggled()
        else
            card.activated(Platform.keyboardModifiers())
    }
    onPressAndHold: Theme.touch ? card.selectToggled() : card.menuRequested(width / 2, height / 2)
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: (point) => card.menuRequested(point.position.x, point.position.y)
    }

    background: Rectangle {
        radius: Theme.radiusL
        color: card.selected || card.current ? Theme.selection
                                             : card.down ? Theme.pressed : card.hovered ? Theme.hover : Theme.surface
        border.width: card.visualFocus || card.current || card.selected ? 2 : 1
        border.color: card.visualFocus ? Theme.focus : card.current || card.selected ? Theme.accent : Theme.border
        Rectangle {
            visible: card.pendingAction.length > 0
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            width: parent.width - 2 * Theme.radiusL
            height: 3
            radius: 1.5
            color: Theme.warning
            SequentialAnimation on opacity {
                running: card.pendingAction.length > 0
                loops: Animation.Infinite
                NumberAnimation { to: 0.3; duration: Theme.pulseDuration / 2 }
                NumberAnimation { to: 1.0; duration: Theme.pulseDuration / 2 }
            }
        }
    }

    // Every line fits the card: names and details elide, the chip and the address are bounded by
    // the card's width, and the grid never makes a card narrower than Theme.cardMinWidth (unless
    // the window itself is narrower).
    contentItem: ColumnLayout { // qmllint disable deferred-property-id
        spacing: Theme.spacingS
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM
            Item {
                Layout.preferredWidth: Theme.markSize
                Layout.preferredHeight: Theme.markSize
                ProviderMark {
                    anchors.fill: parent
                    visible: !card.selectionMode
                    providerId: card.provider
                    monogram: card.monogram
                }
                CheckBox {
                    anchors.centerIn: parent
                    visible: card.selectionMode
                    checked: card.selected
                    Accessible.name: qsTr("Select %1").arg(card.name)
                    onClicked: card.selectToggled()
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.minimumWidth: 0
                spacing: 0
                Label {
                    objectName: "cardName"
                    Layout.fillWidth: true
                    text: card.name
                    elide: Text.ElideRight
                    color: MachineStates.isGone(card.stateId) ? Theme.textSecondary : Theme.text
                    font.strikeout: MachineStates.isGone(card.stateId)
                    font.pixelSize: Theme.fontBody + 1
                    font.weight: Font.DemiBold
                }
                Label {
                    objectName: "cardAccount"
                    Layout.fillWidth: true
                    text: card.accountName
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
            }
            IconButton {
                Layout.preferredWidth: Theme.touch ? Theme.iconButtonSize : 32
                Layout.preferredHeight: Theme.touch ? Theme.iconButtonSize : 32
                iconName: "more"
                tip: qsTr("Actions for %1").arg(card.name)
                onClicked: card.menuRequested(x + width / 2, y + height)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.maximumWidth: card.availableWidth
            spacing: Theme.spacingS
            StateChip {
                id: chip
                objectName: "cardState"
                stateId: card.stateId
                animated: card.pendingAction.length > 0
                stateText: card.stateText
                reason: card.errorReason
                maximumWidth: card.availableWidth - (staleMark.visible ? staleMark.width + Theme.spacingS : 0)
                              - cardCpu.implicitWidth - Theme.spacingS
            }
            SvgIcon {
                id: staleMark
                objectName: "staleMark"
                visible: card.stale
                Layout.preferredWidth: Theme.smallIconSize
                Layout.preferredHeight: Theme.smallIconSize
                source: Theme.icon("cloud-off")
                color: Theme.warningText
                Accessible.name: qsTr("Not refreshed")
            }
            Item { Layout.fillWidth: true }
            CpuCell {
                id: cardCpu
                objectName: "cardCpu"
                accountId: card.accountId
                machineId: card.machineId
                stateId: card.stateId
                active: card.metricsActive
            }
        }
        Label {
            objectName: "cardDetail"
            Layout.fillWidth: true
            Layout.maximumWidth: card.availableWidth
            text: card.actionError.length > 0 ? card.actionError
                  : card.region + (card.region.length > 0 && card.size.length > 0 ? "  ·  " : "") + card.size
            elide: Text.ElideRight
            color: card.actionError.length > 0 ? Theme.danger : Theme.textSecondary
            font.pixelSize: Theme.fontCaption + 1
        }
        Item { Layout.fillHeight: true }
        // The address and the cost share the last line: the cost keeps its width at the right,
        // the address gets the rest and elides in the middle (anchors, not a RowLayout, so that
        // fractional text widths cannot push the cost past the padding).
        Item {
            Layout.fillWidth: true
            Layout.maximumWidth: card.availableWidth
            implicitHeight: Math.max(ipButton.implicitHeight, cost.implicitHeight)
            IpButton {
                id: ipButton
                objectName: "cardPublicIp"
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                width: Math.max(0, Math.min(implicitWidth, parent.width - cost.width - Theme.spacingS))
                ip: card.publicIp
                onCopied: (ip) => card.ipCopied(ip)
            }
            Label {
                id: cost
                objectName: "cardCost"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                width: Math.min(implicitWidth, parent.width)
                elide: Text.ElideLeft
                text: Format.monthly(card.pricePerMonth, card.currency)
                color: Theme.text
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontCaption + 1
            }
        }
    }
}
