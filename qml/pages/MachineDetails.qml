pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// Everything about the current machine and every action on it.
Rectangle {
    id: details

    readonly property var current: AppController.current
    readonly property var m: current.fields
    // From the same map as every field below, so they can never disagree for a moment.
    readonly property bool exists: m !== undefined && m.machineId !== undefined
    readonly property var allowed: exists ? m.allowedActions : []
    readonly property bool busy: exists && m.pendingAction.length > 0
    readonly property string publicIp: exists && m.publicIps.length > 0 ? m.publicIps[0] : ""
    readonly property var providerInfo: exists ? AppController.provider(m.provider) : ({})
    // The contents are built when a machine is first selected, then kept: a start with nothing
    // selected builds only the empty state.
    property bool contentWanted: exists
    // The built contents (their own type, with showMetrics()).
    readonly property var contents: content.item
    onExistsChanged: if (exists) contentWanted = true

    // An action that needs a confirmation first (MachineStates.confirmation): the window asks.
    signal confirmRequested(string accountId, string machineId, string action)

    objectName: "machineDetails"
    color: Theme.surface
    Accessible.role: Accessible.Pane
    Accessible.name: exists ? qsTr("Details of %1").arg(m.name) : qsTr("Machine details")

    function run(action) {
        if (MachineStates.confirmation(action) !== MachineStates.NoConfirmation)
            details.confirmRequested(current.accountId, current.machineId, action)
        else
            AppController.runAction(current.accountId, current.machineId, action)
    }

    /// Scrolls the metrics into view (the screenshot program; a link could use it too).
    function showMetrics() {
        if (contents)
            contents.showMetrics()
    }

    // Renames and tag edits: core's rules and Inventory's update, the same as the CLI's.
    MachineEditor {
        id: machineEditor
        inventory: AppController.inventory
        accountId: details.current.accountId
        machineId: details.current.machineId
        tags: details.exists ? details.m.tags : []
    }

    EmptyState {
        anchors.fill: parent
        visible: !details.exists
        illustration: "no-selection"
        illustrationWidth: 160
        title: qsTr("No machine selected")
        text: qsTr("Select a machine to see its addresses, cost and actions.")
    }

    // One fact as a row: the label on the left, the value (selectable, copyable) on the right.
    component Fact: RowLayout {
        id: fact
        property string label: ""
        property string value: ""
        property bool mono: false
        property bool copyable: false
        Layout.fillWidth: true
        spacing: Theme.spacingM
        Label {
            Layout.preferredWidth: 96
            Layout.alignment: Qt.AlignTop
            topPadding: 2
            text: fact.label
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption + 1
        }
        Label {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            text: fact.value.length > 0 ? fact.value : "–"
            color: Theme.text
            font.pixelSize: Theme.fontBody
            font.family: fact.mono ? Theme.monoFamily : Theme.fontFamily
            // An address or id is never broken across lines: it shrinks to fit, then elides in the
            // middle (the copy button beside it copies it whole).
            wrapMode: fact.mono ? Text.NoWrap : Text.Wrap
            fontSizeMode: fact.mono ? Text.HorizontalFit : Text.FixedSize
            minimumPixelSize: Theme.fontCaption
            elide: fact.mono ? Text.ElideMiddle : Text.ElideNone
            Accessible.name: fact.label + ": " + text
        }
        IconButton {
            Layout.alignment: Qt.AlignTop
            visible: fact.copyable && fact.value.length > 0
            implicitWidth: 24
            implicitHeight: 24
            iconName: "copy"
            tip: qsTr("Copy %1").arg(fact.label)
            onClicked: AppController.copy(fact.value, fact.label)
        }
    }

    LazyItem {
        id: content
        anchors.fill: parent
        visible: details.exists
        active: details.contentWanted
        component: Component {
            ColumnLayout {
                spacing: 0

                function showMetrics() {
                    scroller.contentY = Math.max(0, Math.min(metricsPanel.y + body.y - Theme.spacingS,
                                                             scroller.contentHeight - scroller.height))
                }

                Flickable {
                    id: scroller
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    contentHeight: body.implicitHeight + 2 * Theme.spacingXl
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}

                    ColumnLayout {
                        id: body
                        x: Theme.spacingXl
                        y: Theme.spacingXl
                        width: scroller.width - 2 * Theme.spacingXl
                        spacing: Theme.spacingL

                        // Who and what.
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingM
                            ProviderMark {
                                providerId: details.exists ? details.m.provider : ""
                                monogram: details.providerInfo.mark || ""
                                size: 44
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                EditableName {
                                    objectName: "nameEditor"
                                    Layout.fillWidth: true
                                    editor: machineEditor
                                    name: details.exists ? details.m.name : ""
                                }
                                RowLayout {
                                    spacing: Theme.spacingS
                                    Label {
                                        text: !details.exists ? ""
                                              : details.m.accountName === details.providerInfo.name ? details.m.accountName
                                              : qsTr("%1 · %2").arg(details.m.accountName).arg(details.providerInfo.name || details.m.provider)
                                        color: Theme.textSecondary
                                        font.pixelSize: Theme.fontCaption + 1
                                    }
                                    DemoBadge { visible: details.providerInfo.demo === true }
                                }
                            }
                        }
                        StateChip {
                            stateId: details.exists ? details.m.stateId : "unknown"
                            stateText: details.exists ? details.m.stateText : ""
                            reason: details.exists ? details.m.errorReason : ""
                            maximumWidth: body.width
                            animated: details.busy
                        }

                        Banner {
                            objectName: "staleNote"
                            Layout.fillWidth: true
                            visible: details.exists && AppController.staleAccountIds.indexOf(details.m.accountId) >= 0
                            kind: "offline"
                            text: !visible ? ""
                                  : details.m.lastSeen.getTime() > 0
                                    ? qsTr("Not refreshed: this is how it looked %1.").arg(Format.age(details.m.lastSeen, AppController.now))
                                    : qsTr("Not refreshed: this is how it looked when last seen.")
                            detail: visible ? qsTr("Its account could not be reached; actions may fail until it can.") : ""
                        }

                        // Actions: the destructive one last and red.
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Repeater {
                                model: ["start", "shutdown", "reboot", "poweroff"]
                                delegate: AppButton {
                                    required property string modelData
                                    visible: details.allowed.indexOf(modelData) >= 0
                                    kind: details.exists && modelData === details.m.primaryAction ? "primary" : "secondary"
                                    iconName: modelData
                                    // The provider's words (Azure: "Stop (deallocate)"), and what the
                                    // action costs or risks on hover.
                                    readonly property var words: (details.providerInfo.actions || {})[modelData] || {}
                                    text: words.label || Format.actionText(modelData)
                                    objectName: "action_" + modelData
                                    ToolTip.visible: hovered && ToolTip.text.length > 0
                                    ToolTip.delay: 600
                                    ToolTip.text: words.description || ""
                                    // A hung shutdown or reboot is what Power off is for.
                                    enabled: !details.busy || AppController.canReplaceAction(details.m.pendingAction, modelData)
                                    busy: details.exists && details.m.pendingAction === modelData
                                    onClicked: details.run(modelData)
                                }
                            }
                            AppButton {
                                visible: details.allowed.indexOf("destroy") >= 0
                                kind: "danger"
                                iconName: "destroy"
                                text: qsTr("Destroy…")
                                enabled: !details.busy
                                ToolTip.visible: hovered
                                ToolTip.delay: 600
                                ToolTip.text: qsTr("Destroy this machine (Delete)")
                                onClicked: details.run("destroy")
                            }
                        }
                        Banner {
                            Layout.fillWidth: true
                            visible: details.exists && details.m.actionError.length > 0
                            kind: "error"
                            text: details.exists ? details.m.actionError : ""
                            actionText: qsTr("Retry")
                            onActionTriggered: AppController.retryAction(details.current.accountId,
                                                                         details.current.machineId)
                        }

                        // Connect.
                        Rectangle {
                            Layout.fillWidth: true
                            implicitHeight: connect.implicitHeight + 2 * Theme.spacingL
                            radius: Theme.radiusM
                            color: Theme.window
                            border.color: Theme.border
                            ColumnLayout {
                                id: connect
                                anchors.fill: parent
                                anchors.margins: Theme.spacingL
                                spacing: Theme.spacingS
                                Label {
                                    text: qsTr("Connect")
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                }
                                RowLayout {
                                    Layout.fillWidth: true
                                    Label {
                                        text: qsTr("Public IP")
                                        color: Theme.textSecondary
                                        font.pixelSize: Theme.fontCaption + 1
                                        Layout.preferredWidth: 80
                                    }
                                    IpButton {
                                        ip: details.publicIp
                                        onCopied: (ip) => AppController.copy(ip, qsTr("IP"))
                                    }
                                    Item { Layout.fillWidth: true }
                                }
                                Rectangle {
                                    Layout.fillWidth: true
                                    implicitHeight: sshLabel.implicitHeight + 2 * Theme.spacingS
                                    radius: Theme.radiusS
                                    color: Theme.surface
                                    border.color: Theme.border
                                    visible: details.current.sshCommand.length > 0
                                    Label {
                                        id: sshLabel
                                        objectName: "sshCommand"
                                        anchors.fill: parent
                                        anchors.margins: Theme.spacingS
                                        text: "$ " + details.current.sshCommand
                                        color: Theme.text
                                        font.family: Theme.monoFamily
                                        font.pixelSize: Theme.fontCaption + 1
                                        elide: Text.ElideRight
                                    }
                                }
                                Flow {
                                    Layout.fillWidth: true
                                    spacing: Theme.spacingS
                                    AppButton {
                                        objectName: "openSsh"
                                        // Primary only while connecting is the next step (a stopped
                                        // machine's primary button is Start).
                                        kind: details.exists && details.m.primaryAction.length === 0 ? "primary" : "secondary"
                                        iconName: "terminal"
                                        text: qsTr("Open SSH")
                                        enabled: details.current.sshCommand.length > 0
                                        onClicked: AppController.openSsh(details.current.accountId, details.current.machineId)
                                    }
                                    AppButton {
                                        iconName: "copy"
                                        text: qsTr("Copy SSH command")
                                        objectName: "copySshCommand"
                                        enabled: details.current.sshCommand.length > 0
                                        onClicked: AppController.copy(details.current.sshCommand, qsTr("SSH command"))
                                    }
                                }
                            }
                        }

                        MetricsPanel {
                            id: metricsPanel
                            objectName: "metricsPanel"
                            Layout.fillWidth: true
                            accountId: details.exists ? details.m.accountId : ""
                            machineId: details.exists ? details.m.machineId : ""
                            stateId: details.exists ? details.m.stateId : ""
                            pricePerMonth: details.exists ? details.m.pricePerMonth : undefined
                            currency: details.exists ? details.m.currency : "USD"
                            idle: details.exists && details.m.idle === true
                        }

                        // Facts.
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Fact {
                                label: qsTr("Cost")
                                value: details.exists ? Format.monthly(details.m.pricePerMonth, details.m.currency)
                                                        + (details.m.pricePerHour !== undefined ? "  ·  " + Format.hourly(details.m.pricePerHour, details.m.currency) : "")
                                                        + (details.m.priceSource === "user" ? "  ·  " + qsTr("set by you") : "")
                                                      : ""
                            }
                            Fact {
                                // EBS volumes on AWS: billed even while the instance is stopped.
                                readonly property string disks: details.exists ? Format.volumes(details.m.extra) : ""
                                visible: disks.length > 0
                                label: qsTr("Disks")
                                value: disks
                            }
                            Fact { label: qsTr("Region"); value: details.exists ? details.m.region : "" }
                            Fact {
                                label: qsTr("Size")
                                value: details.exists ? details.m.size + (details.m.vcpus > 0 ? "\n" + Format.shape(details.m.vcpus, details.m.memoryMb, details.m.diskGb) : "") : ""
                            }
                            Fact { label: qsTr("Image"); value: details.exists ? details.m.image : "" }
                            Fact {
                                label: qsTr("Private IP")
                                value: details.exists ? details.m.privateIps.join(", ") : ""
                                mono: true
                                copyable: true
                            }
                            Fact {
                                visible: details.exists && details.m.publicIpv6.length > 0
                                label: qsTr("IPv6")
                                value: details.exists ? details.m.publicIpv6.join(", ") : ""
                                mono: true
                                copyable: true
                            }
                            Fact {
                                label: qsTr("Created")
                                value: details.exists && details.m.createdAt.getTime() > 0
                                       ? qsTr("%1 (%2)").arg(Format.date(details.m.createdAt)).arg(Format.age(details.m.createdAt, AppController.now))
                                       : ""
                            }
                            Fact {
                                label: qsTr("Last seen")
                                value: details.exists && details.m.lastSeen.getTime() > 0
                                       ? Format.age(details.m.lastSeen, AppController.now) : qsTr("not confirmed yet")
                            }
                            Fact { label: qsTr("Provider state"); value: details.exists ? details.m.providerState : ""; mono: true }
                            Fact {
                                label: qsTr("ID")
                                value: details.exists ? details.m.machineId : ""
                                mono: true
                                copyable: true
                            }
                        }
                        TagEditor {
                            objectName: "tagEditor"
                            Layout.fillWidth: true
                            editor: machineEditor
                        }
                    }
                }
            }
        }
    }
}
