pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// One machine in the list. Touch: two lines, swipe left for the two most likely actions, long
// press selects, a "more" button opens the actions. Mouse: one compact line with columns; right
// click opens the actions; Ctrl/Shift-click multi-select. The public IP copies on tap.
SwipeDelegate {
    id: row

    required property int index
    required property string accountId
    required property string machineId
    required property string name
    required property string provider
    required property string accountName
    required property string stateId
    required property string stateText
    required property string region
    required property string size
    required property var publicIps
    required property var tags
    required property var pricePerMonth
    required property string pendingAction
    required property string actionError
    required property var swipeActions // the model's: the two likeliest actions in this state
    // Only the roles the row shows are required: each is read from the model whenever the row
    // is built or recycled (the menu reads a machine's allowed actions when it opens).
    required property string errorReason
    property bool stale: false // the account's last refresh failed: the row is as last seen
    /// false while the row waits in the ListView's pool: its CPU is not watched then.
    property bool metricsActive: true
    required property string currency

    property bool compact: !Theme.touch
    /// Where the compact row's cells go (the list's header follows the same columns).
    property MachineColumns columns: AppController.columns
    property bool selected: false
    property bool current: false
    property bool selectionMode: false
    property string monogram: ""

    readonly property string publicIp: publicIps && publicIps.length > 0 ? publicIps[0] : ""

    signal activated(int modifiers)
    signal selectToggled()
    signal menuRequested(real x, real y)
    signal actionRequested(string action)
    signal ipCopied(string ip)
    signal retryRequested()

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitWidth: 640
    implicitHeight: Theme.rowHeight
    padding: 0
    focusPolicy: Qt.StrongFocus
    swipe.enabled: Theme.touch && swipeActions.length > 0
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1, %2, %3, %4").arg(name).arg(stateText).arg(region).arg(
                         publicIp.length > 0 ? publicIp : qsTr("no public IP"))
                     + (stale ? ", " + qsTr("not refreshed") : "")
    Accessible.selected: selected

    onClicked: {
        if (swipe.position !== 0)
            return
        if (selectionMode && Theme.touch)
            row.selectToggled()
        else
            row.activated(Platform.keyboardModifiers())
    }
    onPressAndHold: {
        if (Theme.touch)
            row.selectToggled()
        else
            row.menuRequested(width / 2, height / 2)
    }
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: (point) => row.menuRequested(point.position.x, point.position.y)
    }
    Keys.onMenuPressed: row.menuRequested(width / 2, height / 2)

    background: Rectangle { // qmllint disable deferred-property-id
        color: row.selected || row.current ? Theme.selection
                                           : row.down ? Theme.pressed : row.hovered ? Theme.hover : Theme.surface
        Behavior on color { ColorAnimation { duration: Theme.durationFast } }
        Rectangle {
            width: 3
            height: parent.height
            color: Theme.accent
            visible: row.current || row.selected
        }
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.divider
        }
        Rectangle {
            anchors.fill: parent
            color: "transparent"
            border.width: row.visualFocus ? 2 : 0
            border.color: Theme.focus
        }
        // An action in flight shows its progress in place.
        Rectangle {
            id: progressTrack
            visible: row.pendingAction.length > 0
            anchors.bottom: parent.bottom
            width: parent.width
            height: 2
            color: Theme.tint(Theme.warning, 0.2)
            clip: true
            Rectangle {
                id: progressBar
                width: parent.width * 0.3
                height: parent.height
                color: Theme.warning
                XAnimator on x {
                    running: progressTrack.visible
                    from: -progressBar.width
                    to: progressTrack.width
                    duration: 1200
                    loops: Animation.Infinite
                    easing.type: Easing.InOutCubic
                }
            }
        }
    }

    swipe.right: Row {
        id: swipeRow
        // Here, not on the row: the swipe's Row is built only when a swipe starts, and the
        // provider's map (its actions' words) is too dear to build for every row created.
        readonly property var providerActions: (AppController.provider(row.provider) || {}).actions || {}
        anchors.right: parent.right
        height: parent.height
        Repeater {
            model: row.swipeActions
            delegate: AbstractButton {
                id: swipeButton
                required property string modelData
                objectName: "swipeAction_" + modelData
                width: Theme.rowHeight + Theme.spacingL
                height: row.height
                // The provider's word for it (Azure's shutdown deallocates: "Stop (deallocate)").
                readonly property string label: ((swipeRow.providerActions[modelData] || {}).label) || Format.actionText(modelData)
                Accessible.name: label
                onClicked: {
                    row.swipe.close()
                    row.actionRequested(modelData)
                }
                background: Rectangle {
                    color: Theme.toneColor(MachineStates.tone(swipeButton.modelData))
                }
                contentItem: Column {
                    spacing: 2
                    topPadding: (swipeButton.height - Theme.iconSize - Theme.fontCaption - 4) / 2
                    SvgIcon {
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: Theme.iconSize
                        height: Theme.iconSize
                        source: Theme.actionIcon(swipeButton.modelData)
                        color: Theme.fillText
                    }
                    Text {
                        width: swipeButton.width - 2 * Theme.spacingXs
                        anchors.horizontalCenter: parent.horizontalCenter
                        horizontalAlignment: Text.AlignHCenter
                        text: swipeButton.label
                        color: Theme.fillText
                        font.pixelSize: Theme.fontCaption
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }

    contentItem: Item { // qmllint disable deferred-property-id
        // Leading: provider mark, or a check box while selecting.
        Item {
            id: lead
            x: Theme.spacingL
            width: Theme.markSize
            height: parent.height
            ProviderMark {
                anchors.centerIn: parent
                visible: !row.selectionMode
                providerId: row.provider
                monogram: row.monogram
                size: Theme.markSize
            }
            // Built only while selecting: a CheckBox per row costs more than the rest of the
            // lead, and rows are created by the screenful when a filter is cleared. (A Repeater
            // of 0 or 1: Qt 6.4's Loader refuses a bound inline component here.)
            Repeater {
                model: row.selectionMode ? 1 : 0
                delegate: CheckBox {
                    anchors.centerIn: parent
                    checked: row.selected
                    Accessible.name: qsTr("Select %1").arg(row.name)
                    onClicked: row.selectToggled()
                }
            }
        }

        // Mouse: one line of cells placed where the header's columns are (MachineColumns decides
        // which are shown and how wide, for the header and every row alike). Only the variant
        // in use is built (a Repeater of 0 or 1); plain positions, no layout, as rows recycle.
        Repeater {
            model: row.compact ? 1 : 0
            delegate: Item {
                id: cells
                anchors.fill: parent ? parent : undefined
                anchors.leftMargin: Theme.columnLead
                anchors.rightMargin: Theme.columnTrail - Theme.columnGap
                readonly property var widths: row.columns.widths
                readonly property var positions: row.columns.positions

                Row {
                    objectName: "cell_name"
                    readonly property real fitWidth: implicitWidth
                    x: cells.positions.name
                    width: cells.widths.name
                    height: parent.height
                    spacing: Theme.spacingXs
                    SvgIcon {
                        objectName: "staleMark"
                        visible: row.stale
                        anchors.verticalCenter: parent.verticalCenter
                        width: Theme.smallIconSize
                        height: Theme.smallIconSize
                        source: Theme.icon("cloud-off")
                        color: Theme.warningText
                    }
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        width: parent.width - (row.stale ? Theme.smallIconSize + parent.spacing : 0)
                        text: row.name
                        elide: Text.ElideRight
                        color: MachineStates.isGone(row.stateId) ? Theme.textSecondary : Theme.text
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                    }
                }
                Text {
                    objectName: "cell_account"
                    readonly property real fitWidth: implicitWidth
                    visible: width > 0
                    x: cells.positions.account
                    width: cells.widths.account
                    height: parent.height
                    verticalAlignment: Text.AlignVCenter
                    text: row.accountName
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
                Item {
                    id: stateColumn
                    objectName: "cell_state"
                    readonly property real fitWidth: stateChip.naturalWidth
                    x: cells.positions.state
                    width: cells.widths.state
                    height: parent.height
                    visible: width > 0
                    StateChip {
                        id: stateChip
                        anchors.verticalCenter: parent.verticalCenter
                        compact: true
                        stateId: row.stateId
                        animated: row.pendingAction.length > 0
                        stateText: row.stateText
                        reason: row.errorReason
                        maximumWidth: stateColumn.width
                    }
                }
                CpuCell {
                    objectName: "cell_cpu"
                    readonly property real fitWidth: Theme.columnCpuWidth
                    visible: width > 0
                    x: cells.positions.cpu
                    width: cells.widths.cpu
                    anchors.verticalCenter: parent.verticalCenter
                    accountId: row.accountId
                    machineId: row.machineId
                    stateId: row.stateId
                    active: row.metricsActive && visible
                }
                Text {
                    objectName: "cell_region"
                    readonly property real fitWidth: implicitWidth
                    visible: width > 0
                    x: cells.positions.region
                    width: cells.widths.region
                    height: parent.height
                    verticalAlignment: Text.AlignVCenter
                    text: row.region
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
                Text {
                    objectName: "cell_size"
                    readonly property real fitWidth: implicitWidth
                    visible: width > 0
                    x: cells.positions.size
                    width: cells.widths.size
                    height: parent.height
                    verticalAlignment: Text.AlignVCenter
                    text: row.size
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
                IpButton {
                    objectName: "cell_ip"
                    readonly property real fitWidth: implicitWidth
                    visible: width > 0
                    x: cells.positions.ip
                    width: cells.widths.ip
                    anchors.verticalCenter: parent.verticalCenter
                    ip: row.publicIp
                    onCopied: (ip) => row.ipCopied(ip)
                }
                Item {
                    objectName: "cell_tags"
                    readonly property real fitWidth: row.actionError.length > 0 ? errorText.implicitWidth
                                                                                : compactTags.implicitWidth
                    visible: width > 0
                    x: cells.positions.tags
                    width: cells.widths.tags
                    height: parent.height
                    clip: true
                    Row {
                        id: compactTags
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: Theme.spacingXs
                        visible: row.actionError.length === 0
                        // By count, not by list: a recycled row with as many tags keeps its
                        // chips and only changes their text (a new list rebuilds them all).
                        Repeater {
                            model: row.tags ? row.tags.length : 0
                            delegate: TagChip {
                                required property int index
                                text: row.tags[index] || ""
                                opacity: x + width <= compactTags.parent.width ? 1 : 0
                            }
                        }
                    }
                    Text {
                        id: errorText
                        anchors.fill: parent
                        visible: row.actionError.length > 0
                        verticalAlignment: Text.AlignVCenter
                        text: row.actionError
                        elide: Text.ElideRight
                        color: Theme.danger
                        font.pixelSize: Theme.fontCaption
                    }
                }
                Text {
                    objectName: "cell_cost"
                    readonly property real fitWidth: implicitWidth
                    visible: width > 0
                    x: cells.positions.cost
                    width: cells.widths.cost
                    height: parent.height
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: Text.AlignRight
                    text: Format.monthly(row.pricePerMonth, row.currency)
                    color: Theme.text
                    font.pixelSize: Theme.fontCaption + 1
                    font.family: Theme.monoFamily
                }
                IconButton {
                    anchors.right: parent.right
                    anchors.rightMargin: -(Theme.columnTrail - Theme.columnGap) + Theme.spacingS
                    anchors.verticalCenter: parent.verticalCenter
                    width: 32
                    height: 32
                    iconName: "more"
                    tip: qsTr("Actions for %1").arg(row.name)
                    onClicked: row.menuRequested(x + width / 2, height)
                }
            }
        }

        // Touch: two lines (name and state; region, size, IP, tags and cost), and a "more" button.
        // Plain positioning, not layouts: the row is recycled while scrolling and must be cheap.
        Repeater {
            model: row.compact ? 0 : 1
            delegate: Item {
                id: touchLines
                anchors.fill: parent ? parent : undefined
                anchors.leftMargin: lead.x + lead.width + Theme.spacingM
                anchors.rightMargin: moreButton.width + Theme.spacingXs
                readonly property real lineGap: Theme.spacingXs + 2
                readonly property real firstLineY: (height - nameLabel.height - lineGap - secondLine.height) / 2

                // Just right of the lines (their right margin keeps its room).
                IconButton {
                    id: moreButton
                    anchors.left: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    iconName: "more"
                    tip: qsTr("Actions for %1").arg(row.name)
                    onClicked: row.menuRequested(touchLines.x + x + width / 2, row.height / 2)
                }

                SvgIcon {
                    id: staleMark
                    objectName: "staleMark"
                    visible: row.stale
                    width: visible ? Theme.smallIconSize : 0
                    height: Theme.smallIconSize
                    anchors.verticalCenter: nameLabel.verticalCenter
                    source: Theme.icon("cloud-off")
                    color: Theme.warningText
                }
                Text {
                    id: nameLabel
                    x: staleMark.width > 0 ? staleMark.width + Theme.spacingXs : 0
                    y: touchLines.firstLineY
                    width: Math.min(implicitWidth, touchLines.width - x - chip.width - Theme.spacingS
                                    - (touchCpu.visible ? touchCpu.width + Theme.spacingS : 0))
                    text: row.name
                    elide: Text.ElideRight
                    color: MachineStates.isGone(row.stateId) ? Theme.textSecondary : Theme.text
                    font.pixelSize: Theme.fontBody + 1
                    font.weight: Font.DemiBold
                }
                StateChip {
                    id: chip
                    x: nameLabel.x + nameLabel.width + Theme.spacingS
                    anchors.verticalCenter: nameLabel.verticalCenter
                    compact: true
                    stateId: row.stateId
                    animated: row.pendingAction.length > 0
                    stateText: row.stateText
                    reason: row.errorReason
                    maximumWidth: Math.max(90, touchLines.width * 0.5)
                    width: implicitWidth
                }

                CpuCell {
                    id: touchCpu
                    objectName: "rowCpu"
                    anchors.right: parent.right
                    anchors.verticalCenter: nameLabel.verticalCenter
                    visible: touchLines.width > Theme.columnCpuMinWidth / 2
                    accountId: row.accountId
                    machineId: row.machineId
                    stateId: row.stateId
                    active: row.metricsActive && visible
                }
                Item {
                    id: secondLine
                    y: touchLines.firstLineY + nameLabel.height + touchLines.lineGap
                    width: parent.width
                    height: 24
                    visible: row.actionError.length === 0
                    Text {
                        id: cost
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        text: Format.monthly(row.pricePerMonth, row.currency)
                        color: Theme.text
                        font.pixelSize: Theme.fontCaption + 1
                        font.family: Theme.monoFamily
                    }
                    Text {
                        id: where
                        anchors.verticalCenter: parent.verticalCenter
                        width: Math.min(implicitWidth, parent.width - cost.width - ip.width - 2 * Theme.spacingM)
                        text: row.region + " · " + row.size
                        elide: Text.ElideRight
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontCaption + 1
                    }
                    IpButton {
                        id: ip
                        objectName: "rowPublicIp"
                        x: where.width + Theme.spacingS
                        anchors.verticalCenter: parent.verticalCenter
                        ip: row.publicIp
                        onCopied: (ip) => row.ipCopied(ip)
                    }
                    Row {
                        id: touchTags
                        x: ip.x + ip.width + Theme.spacingS
                        width: Math.max(0, cost.x - x - Theme.spacingS)
                        anchors.verticalCenter: parent.verticalCenter
                        clip: true
                        spacing: Theme.spacingXs
                        Repeater {
                            model: row.tags ? row.tags.length : 0 // by count: see the compact row
                            // A tag that does not fit whole is not shown in part.
                            delegate: TagChip {
                                required property int index
                                text: row.tags[index] || ""
                                opacity: x + width <= touchTags.width ? 1 : 0
                            }
                        }
                    }
                }
                Row {
                    y: secondLine.y
                    width: parent.width
                    height: secondLine.height
                    visible: row.actionError.length > 0
                    spacing: Theme.spacingS
                    SvgIcon {
                        anchors.verticalCenter: parent.verticalCenter
                        width: Theme.smallIconSize
                        height: Theme.smallIconSize
                        source: Theme.icon("warning")
                        color: Theme.danger
                    }
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        width: Math.min(implicitWidth, parent.width - retry.width - Theme.smallIconSize - 2 * Theme.spacingS)
                        text: row.actionError
                        elide: Text.ElideRight
                        color: Theme.danger
                        font.pixelSize: Theme.fontCaption + 1
                    }
                    AppButton {
                        id: retry
                        anchors.verticalCenter: parent.verticalCenter
                        kind: "flat"
                        text: qsTr("Retry")
                        implicitHeight: 28
                        leftPadding: Theme.spacingS
                        rightPadding: Theme.spacingS
                        onClicked: row.retryRequested()
                    }
                }
            }
        }
    }
}
