pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// The machine's tags as chips with × to remove, and a "+ tag" field (Enter adds). A refusal is
// shown under them in the words of core's rule or of the cloud. Where the cloud cannot edit
// tags, the chips are read-only and the field is disabled with the reason as its tooltip.
ColumnLayout {
    id: root

    required property MachineEditor editor

    spacing: Theme.spacingXs

    Connections {
        target: root.editor
        function onTagsSaved() { field.text = "" }
    }

    Label {
        text: qsTr("Tags")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption + 1
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingXs
        Repeater {
            model: root.editor.tags
            delegate: RemovableTagChip {
                required property string modelData
                text: modelData
                removable: root.editor.canEditTags
                enabled: !root.editor.busy
                onRemoveClicked: root.editor.removeTag(modelData)
            }
        }
        Item {
            implicitWidth: 120
            implicitHeight: 24
            ToolTip.visible: unsupportedHover.hovered && !root.editor.canEditTags
            ToolTip.delay: 300
            ToolTip.text: root.editor.unsupportedText
            HoverHandler { id: unsupportedHover }
            TextField {
                id: field
                objectName: "addTagField"
                anchors.fill: parent
                enabled: root.editor.canEditTags && !root.editor.busy
                placeholderText: qsTr("+ tag")
                font.pixelSize: Theme.fontCaption + 1
                topPadding: 2
                bottomPadding: 2
                Accessible.name: qsTr("Add a tag")
                Keys.onReturnPressed: root.editor.addTag(text)
                Keys.onEnterPressed: root.editor.addTag(text)
                Keys.onEscapePressed: {
                    text = ""
                    root.editor.clearErrors()
                }
            }
        }
    }
    Label {
        objectName: "tagError"
        Layout.fillWidth: true
        visible: text.length > 0
        text: root.editor.tagError
        color: Theme.danger
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontCaption + 1
    }
}
