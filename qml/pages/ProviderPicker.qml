pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// The add-account sheet's first step: "Import from installed tools", then a tile per provider
// plugin. It only says what was chosen.
Flickable {
    id: pickerView

    signal providerChosen(string providerId)
    signal importRequested()

    contentHeight: pickerColumn.implicitHeight + 2 * Theme.spacingXl
    clip: true
    ScrollBar.vertical: ScrollBar {}
    ColumnLayout {
        id: pickerColumn
        x: Theme.spacingXl
        y: Theme.spacingXl
        width: parent.width - 2 * Theme.spacingXl
        spacing: Theme.spacingL
        // People who already use a cloud's own CLI have their accounts there.
        AbstractButton {
            id: importTile
            objectName: "importFromToolsButton"
            Layout.fillWidth: true
            implicitHeight: implicitContentHeight + 2 * Theme.spacingM
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Import from installed tools")
            onClicked: pickerView.importRequested()
            background: Rectangle {
                radius: Theme.radiusL
                color: importTile.down ? Theme.pressed : importTile.hovered ? Theme.hover : Theme.accentSoft
                border.width: importTile.visualFocus ? 2 : 1
                border.color: importTile.visualFocus ? Theme.focus : Theme.border
            }
            contentItem: RowLayout {
                spacing: Theme.spacingM
                SvgIcon {
                    Layout.leftMargin: Theme.spacingM
                    Layout.preferredWidth: Theme.iconSize
                    Layout.preferredHeight: Theme.iconSize
                    source: Theme.icon("key")
                    color: Theme.accentSoftText
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Import from installed tools")
                        color: Theme.accentSoftText
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Use the accounts of doctl, hcloud, linode-cli, vultr-cli or the AWS CLI")
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontCaption
                    }
                }
                SvgIcon {
                    Layout.rightMargin: Theme.spacingM
                    Layout.preferredWidth: Theme.smallIconSize
                    Layout.preferredHeight: Theme.smallIconSize
                    source: Theme.icon("chevron-right")
                    color: Theme.accentSoftText
                }
            }
        }
        GridLayout {
            id: picker
            Layout.fillWidth: true
            columns: pickerColumn.width > 460 ? 3 : 2
            columnSpacing: Theme.spacingM
            rowSpacing: Theme.spacingM
            Repeater {
                model: AppController.providers
                delegate: AbstractButton {
                    id: tile
                    required property var modelData
                    Layout.preferredWidth: (pickerColumn.width - (picker.columns - 1) * picker.columnSpacing) / picker.columns
                    Layout.preferredHeight: 116
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: modelData.demo ? qsTr("%1 (demo, simulated on this computer)").arg(modelData.name)
                                                    : modelData.name
                    onClicked: pickerView.providerChosen(modelData.id)
                    background: Rectangle {
                        radius: Theme.radiusL
                        color: tile.down ? Theme.pressed : tile.hovered ? Theme.hover : Theme.surface
                        border.width: tile.visualFocus ? 2 : 1
                        border.color: tile.visualFocus ? Theme.focus : Theme.border
                    }
                    contentItem: ColumnLayout {
                        spacing: Theme.spacingS
                        ProviderMark {
                            Layout.alignment: Qt.AlignHCenter
                            providerId: tile.modelData.id
                            monogram: tile.modelData.mark
                            size: 40
                        }
                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            text: tile.modelData.name
                            elide: Text.ElideRight
                            color: Theme.text
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                        }
                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            text: tile.modelData.demo ? qsTr("Simulated, no sign-up")
                                                      : tile.modelData.fields.length > 0
                                                        ? tile.modelData.fields[0].label : ""
                            elide: Text.ElideRight
                            color: tile.modelData.demo ? Theme.demo : Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                }
            }
        }
    }
}
