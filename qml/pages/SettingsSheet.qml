pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// Settings: appearance, refresh, SSH, notifications, offline data.
Sheet {
    id: sheet

    signal clearCacheRequested()

    title: qsTr("Settings")
    preferredHeight: 760

    component Section: Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingL
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption
        font.weight: Font.Bold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 0.6
        Accessible.role: Accessible.Heading
    }
    component Segmented: Rectangle {
        id: segmented
        required property var options    // [[value, text]]
        required property string value
        signal picked(string value)
        Layout.fillWidth: true
        implicitHeight: Theme.controlHeight
        radius: Theme.radiusM
        color: Theme.window
        border.color: Theme.border
        RowLayout {
            anchors.fill: parent
            anchors.margins: 3
            spacing: 3
            Repeater {
                model: segmented.options
                delegate: AbstractButton {
                    id: option
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    checkable: true
                    checked: segmented.value === modelData[0]
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.RadioButton
                    Accessible.name: modelData[1]
                    Accessible.checked: checked
                    onClicked: segmented.picked(modelData[0])
                    background: Rectangle {
                        radius: Theme.radiusS
                        color: option.checked ? Theme.surface : option.hovered ? Theme.hover : "transparent"
                        border.width: option.visualFocus ? 2 : (option.checked ? 1 : 0)
                        border.color: option.visualFocus ? Theme.focus : Theme.border
                    }
                    contentItem: Label {
                        text: option.modelData[1]
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        color: option.checked ? Theme.text : Theme.textSecondary
                        font.pixelSize: Theme.fontBody
                        font.weight: option.checked ? Font.DemiBold : Font.Normal
                    }
                }
            }
        }
    }
    component Field: TextField {
        id: field
        Layout.fillWidth: true
        implicitHeight: Theme.controlHeight + 4
        color: Theme.text
        placeholderTextColor: Theme.textSecondary
        font.pixelSize: Theme.fontBody
        background: Rectangle {
            radius: Theme.radiusM
            color: Theme.surface
            border.width: field.activeFocus ? 2 : 1
            border.color: field.activeFocus ? Theme.focus : Theme.border
        }
    }
    // A drop-down of {value, text} choices showing the one equal to `current`.
    component Choice: ComboBox {
        id: choice
        required property int current
        Layout.preferredWidth: 170
        implicitHeight: Theme.controlHeight
        textRole: "text"
        valueRole: "value"
        currentIndex: Math.max(0, model.findIndex(option => option.value === current))
        font.pixelSize: Theme.fontBody
        background: Rectangle {
            radius: Theme.radiusM
            color: choice.down ? Theme.pressed : choice.hovered ? Theme.hover : Theme.surface
            border.width: choice.visualFocus ? 2 : 1
            border.color: choice.visualFocus ? Theme.focus : Theme.border
        }
    }
    component Caption: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption
    }
    component Name: Label {
        color: Theme.text
        font.pixelSize: Theme.fontBody
        font.weight: Font.DemiBold
    }

    // Built when the sheet opens, not at start-up.
    Repeater {
        model: sheet.visible ? 1 : 0
        delegate: Flickable {
            id: scroller
            anchors.fill: parent
            contentHeight: column.implicitHeight + 2 * Theme.spacingXl
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: column
                x: Theme.spacingXl
                y: Theme.spacingS
                width: scroller.width - 2 * Theme.spacingXl
                spacing: Theme.spacingS

                Section { text: qsTr("Appearance") }
                Name { text: qsTr("Theme") }
                Segmented {
                    options: [["system", qsTr("System")], ["light", qsTr("Light")], ["dark", qsTr("Dark")]]
                    value: AppSettings.theme
                    onPicked: (value) => AppSettings.theme = value
                }
                Name { text: qsTr("Density"); Layout.topMargin: Theme.spacingS }
                Segmented {
                    options: [["auto", qsTr("Automatic")], ["comfortable", qsTr("Touch")], ["compact", qsTr("Compact")]]
                    value: AppSettings.density
                    onPicked: (value) => AppSettings.density = value
                }
                Caption { text: qsTr("Automatic uses larger rows and targets when this device has a touch screen.") }

                Section { text: qsTr("Refresh") }
                RowLayout {
                    Layout.fillWidth: true
                    Name { Layout.fillWidth: true; text: qsTr("Every") }
                    Choice {
                        model: [{ value: 30, text: qsTr("30 seconds") }, { value: 60, text: qsTr("1 minute") },
                                { value: 120, text: qsTr("2 minutes") }, { value: 300, text: qsTr("5 minutes") },
                                { value: 900, text: qsTr("15 minutes") }]
                        current: AppSettings.refreshIntervalSeconds
                        Accessible.name: qsTr("Refresh interval")
                        onActivated: AppSettings.refreshIntervalSeconds = currentValue
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Name { Layout.fillWidth: true; text: qsTr("While a machine changes state") }
                    Choice {
                        model: [{ value: 3, text: qsTr("3 seconds") }, { value: 5, text: qsTr("5 seconds") },
                                { value: 10, text: qsTr("10 seconds") }, { value: 30, text: qsTr("30 seconds") }]
                        current: AppSettings.fastRefreshIntervalSeconds
                        Accessible.name: qsTr("Refresh interval during transitions")
                        onActivated: AppSettings.fastRefreshIntervalSeconds = currentValue
                    }
                }
                Caption { text: qsTr("F5 or pulling the list down refreshes at once.") }

                Section { text: qsTr("SSH") }
                Name { text: qsTr("User") }
                Field {
                    text: AppSettings.sshUser
                    placeholderText: "root"
                    font.family: Theme.monoFamily
                    Accessible.name: qsTr("SSH user")
                    onEditingFinished: AppSettings.sshUser = text.trim().length > 0 ? text.trim() : "root"
                }
                Name { text: qsTr("Terminal command"); Layout.topMargin: Theme.spacingS }
                Field {
                    id: templateField
                    text: AppSettings.sshCommandTemplate
                    font.family: Theme.monoFamily
                    Accessible.name: qsTr("SSH command template")
                    onEditingFinished: AppSettings.sshCommandTemplate = text
                }
                RowLayout {
                    Layout.fillWidth: true
                    Caption { text: qsTr("{user} and {host} are replaced. The command runs without a shell.") }
                    AppButton {
                        kind: "flat"
                        text: qsTr("Reset")
                        enabled: AppSettings.sshCommandTemplate !== AppSettings.defaultSshCommandTemplate
                        onClicked: {
                            AppSettings.resetSshCommandTemplate()
                            templateField.text = AppSettings.sshCommandTemplate
                        }
                    }
                }

                Section { text: qsTr("Notifications") }
                RowLayout {
                    Layout.fillWidth: true
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Name { text: qsTr("Tell me when a machine changes state") }
                        Caption { text: qsTr("Shown by the tray icon, where the desktop has a tray.") }
                    }
                    Switch {
                        id: notifySwitch
                        checked: AppSettings.notifications
                        Accessible.name: qsTr("Notifications")
                        onToggled: AppSettings.notifications = checked
                        indicator: Rectangle {
                            x: notifySwitch.leftPadding
                            anchors.verticalCenter: parent.verticalCenter
                            implicitWidth: 44
                            implicitHeight: 24
                            radius: 12
                            color: notifySwitch.checked ? Theme.accent : Theme.border
                            border.width: notifySwitch.visualFocus ? 2 : 0
                            border.color: Theme.focus
                            Rectangle {
                                x: notifySwitch.checked ? parent.width - width - 3 : 3
                                anchors.verticalCenter: parent.verticalCenter
                                width: 18
                                height: 18
                                radius: 9
                                color: notifySwitch.checked ? Theme.accentText : Theme.surface
                                Behavior on x { NumberAnimation { duration: Theme.durationFast; easing.type: Easing.OutCubic } }
                            }
                        }
                    }
                }

                Section { text: qsTr("Prices you set") }
                Caption {
                    text: AppController.prices.count > 0
                          ? qsTr("Used instead of the cloud's price in every total and marked \"set by you\".")
                          : qsTr("None yet. Set one from a machine's menu (right click or long press) or with clouddeck-cli machines price, for clouds that list no price or when you pay another one.")
                }
                Repeater {
                    model: AppController.prices
                    delegate: RowLayout {
                        id: priceRow
                        required property int index
                        required property string label
                        required property string accountName
                        required property string priceText
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Name { Layout.fillWidth: true; text: priceRow.label; elide: Text.ElideRight }
                            Caption { text: priceRow.accountName }
                        }
                        Label {
                            text: qsTr("%1 a month").arg(priceRow.priceText)
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                        }
                        IconButton {
                            iconName: "close"
                            tip: qsTr("Remove the price of %1").arg(priceRow.label)
                            onClicked: AppController.prices.remove(priceRow.index)
                        }
                    }
                }

                Section { text: qsTr("Offline data") }
                RowLayout {
                    Layout.fillWidth: true
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Name { text: qsTr("Cached machines and catalogs") }
                        Caption { text: qsTr("Kept so CloudDeck starts at once and works offline. Accounts and secrets are not in the cache.") }
                    }
                    AppButton {
                        text: qsTr("Clear cache…")
                        onClicked: sheet.clearCacheRequested()
                    }
                }

                Section { text: qsTr("About") }
                Caption { text: qsTr("CloudDeck %1 · Qt %2").arg(Qt.application.version).arg(AppController.qtVersion) }
            }
        }
    }
}
