pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CloudDeck

// The machine's name as a title with an edit button that turns it into a field: Enter saves,
// Esc cancels. A refusal, core's rule as the user types or the cloud's own words after Save, is
// shown under the field. Where the cloud cannot rename, the button is disabled and says why.
ColumnLayout {
    id: root

    required property MachineEditor editor
    required property string name
    property bool editing: false

    spacing: 2

    function startEditing() {
        if (!editor.canRename)
            return
        editor.clearErrors()
        field.text = name
        editing = true
        field.forceActiveFocus()
        field.selectAll()
    }
    function cancel() {
        editing = false
        editor.clearErrors()
    }
    function save() {
        if (field.text === name)
            cancel()
        else
            editor.rename(field.text)
    }

    Connections {
        target: root.editor
        function onRenamed() { root.editing = false }
        function onKeyChanged() { root.editing = false }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: !root.editing
        spacing: Theme.spacingXs
        TextMetrics {
            id: nameMetrics
            font: nameLabel.font
            text: root.name
        }
        Label {
            id: nameLabel
            objectName: "machineName"
            // The pencil follows the name; a long name elides before it.
            Layout.fillWidth: true
            Layout.maximumWidth: Math.ceil(nameMetrics.advanceWidth) + 2
            text: root.name
            elide: Text.ElideRight
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
        }
        // A disabled button gets no hover: the item around it tells why it is disabled.
        Item {
            implicitWidth: 28
            implicitHeight: 28
            ToolTip.visible: unsupportedHover.hovered && !root.editor.canRename
            ToolTip.delay: 300
            ToolTip.text: root.editor.unsupportedText
            HoverHandler { id: unsupportedHover }
            IconButton {
                objectName: "renameButton"
                anchors.fill: parent
                iconName: "edit"
                tip: root.editor.canRename ? qsTr("Rename") : root.editor.unsupportedText
                enabled: root.editor.canRename && !root.editor.busy
                onClicked: root.startEditing()
            }
        }
        Item { Layout.fillWidth: true }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: root.editing
        spacing: Theme.spacingXs
        TextField {
            id: field
            objectName: "nameField"
            Layout.fillWidth: true
            enabled: !root.editor.busy
            font.pixelSize: Theme.fontBody + 2
            selectByMouse: true
            Accessible.name: qsTr("New name")
            Keys.onReturnPressed: root.save()
            Keys.onEnterPressed: root.save()
            Keys.onEscapePressed: root.cancel()
        }
        IconButton {
            objectName: "saveName"
            implicitWidth: 28
            implicitHeight: 28
            iconName: "check"
            tip: qsTr("Save name")
            shortcutText: qsTr("Enter")
            enabled: !root.editor.busy
            onClicked: root.save()
        }
        IconButton {
            objectName: "cancelName"
            implicitWidth: 28
            implicitHeight: 28
            iconName: "close"
            tip: qsTr("Cancel")
            shortcutText: qsTr("Esc")
            onClicked: root.cancel()
        }
    }
    BusyIndicator {
        Layout.preferredWidth: 20
        Layout.preferredHeight: 20
        visible: root.editing && root.editor.busy
        running: visible
    }
    Label {
        objectName: "nameError"
        Layout.fillWidth: true
        visible: root.editing && text.length > 0
        // The cloud's refusal after Save; before it, core's rule for what is typed.
        text: root.editor.nameError.length > 0 ? root.editor.nameError
              : field.text !== root.name ? root.editor.nameProblem(field.text) : ""
        color: Theme.danger
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontCaption + 1
    }
}
