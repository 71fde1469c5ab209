pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import CloudDeck

// The credential form of a provider, generated from its metadata's credential fields.
// Secret fields are masked (with a button to show what was typed) and never pre-filled.
// Positioners, not layouts: Qt 6.4's layouts can crash when a Repeater's layouts are destroyed
// with them.
Column {
    id: form

    // [{id, label, placeholder, help, secret, required}]
    required property var fields
    // Non-secret values to start from (editing), by field id.
    property var values: ({})
    // Editing an account: an empty secret keeps the stored one.
    property bool editing: false
    // Credential files that fill hidden fields (a GCE key file): [{id, label, help, defaultPath}].
    // The file's content never passes through QML: the chosen path goes to fileChosen().
    property var files: []
    // What loading each credential file gave, by file id (setFileMessage()).
    property var fileMessages: ({})
    property var fileFailures: ({})

    signal edited(string fieldId, string value)
    signal fileChosen(string fileId, url file)

    function clear() {
        for (let i = 0; i < repeater.count; ++i) {
            const input = inputAt(i) as TextField
            if (input)
                input.clear()
        }
    }
    // Shows @p text in the input of field @p fieldId (a value a credential file filled in).
    function setValue(fieldId, text) {
        for (let i = 0; i < fields.length; ++i) {
            const input = inputAt(i) as TextField
            if (input && fields[i].id === fieldId && fields[i].secret !== true)
                input.text = text
        }
    }
    // What loading file @p fileId gave, shown under its button.
    function setFileMessage(fileId, text, failed) {
        const messages = Object.assign({}, fileMessages)
        const failures = Object.assign({}, fileFailures)
        messages[fileId] = text
        failures[fileId] = failed
        fileMessages = messages
        fileFailures = failures
    }
    // The input of field @p i, found by its objectName ("field_<id>").
    function inputAt(i) {
        const row = repeater.itemAt(i)
        return row && i < fields.length ? findNamed(row, "field_" + fields[i].id) : null
    }
    function findNamed(item, name) {
        for (let c = 0; c < item.children.length; ++c) {
            const child = item.children[c]
            const found = child.objectName === name ? child : findNamed(child, name)
            if (found)
                return found
        }
        return null
    }

    spacing: Theme.spacingL

    Repeater {
        id: repeater
        model: form.fields
        delegate: Column {
            id: entry
            required property var modelData
            required property int index
            readonly property bool secret: modelData.secret === true
            // Filled from a credential file (a private key): never typed, never shown.
            visible: modelData.hidden !== true
            width: form.width
            spacing: Theme.spacingXs

            Label {
                text: entry.modelData.label + (entry.modelData.required !== false && !(entry.secret && form.editing) ? " *" : "")
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
            }
            TextField {
                id: input
                objectName: "field_" + entry.modelData.id
                width: parent.width
                implicitHeight: Theme.controlHeight + 4
                text: entry.secret ? "" : (form.values[entry.modelData.id] || "")
                echoMode: entry.secret && !reveal.checked ? TextInput.Password : TextInput.Normal
                passwordCharacter: "•"
                placeholderText: entry.secret && form.editing ? qsTr("Leave empty to keep the stored value")
                                                              : (entry.modelData.placeholder || "")
                placeholderTextColor: Theme.textSecondary
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.family: entry.secret ? Theme.monoFamily : Theme.fontFamily
                rightPadding: entry.secret ? reveal.width + Theme.spacingXs : Theme.spacingM
                inputMethodHints: entry.secret ? (Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhHiddenText)
                                               : Qt.ImhNoPredictiveText
                selectByMouse: true
                Accessible.name: entry.modelData.label
                onTextEdited: form.edited(entry.modelData.id, text)
                background: Rectangle {
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.width: input.activeFocus ? 2 : 1
                    border.color: input.activeFocus ? Theme.focus : Theme.border
                }
                IconButton {
                    id: reveal
                    visible: entry.secret
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    implicitWidth: input.height
                    implicitHeight: input.height
                    checkable: true
                    iconName: checked ? "eye-off" : "eye"
                    tip: checked ? qsTr("Hide %1").arg(entry.modelData.label) : qsTr("Show %1").arg(entry.modelData.label)
                }
            }
            Label {
                width: parent.width
                visible: (entry.modelData.help || "").length > 0
                text: entry.modelData.help || ""
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
            }
        }
    }

    component FileRow: Column {
        id: fileRow
        required property var modelData
        readonly property string message: form.fileMessages[fileRow.modelData.id] || ""
        readonly property bool failed: form.fileFailures[fileRow.modelData.id] === true
        width: form.width
        spacing: Theme.spacingXs

        AppButton {
            objectName: "file_" + fileRow.modelData.id
            kind: "secondary"
            iconName: "plus"
            //: %1 is a credential file ("service-account key file (JSON)").
            text: qsTr("Choose the %1…").arg(fileRow.modelData.label)
            onClicked: fileDialog.open()
        }
        Label {
            width: parent.width
            text: fileRow.message.length > 0 ? fileRow.message : (fileRow.modelData.help || "")
            wrapMode: Text.Wrap
            color: fileRow.failed ? Theme.danger : Theme.textSecondary
            font.pixelSize: Theme.fontCaption
        }
        FileDialog {
            id: fileDialog
            title: fileRow.modelData.label
            nameFilters: [qsTr("JSON files (*.json)")]
            onAccepted: form.fileChosen(fileRow.modelData.id, selectedFile)
        }
    }

    Repeater {
        id: fileRepeater
        model: form.files
        delegate: FileRow { }
    }
}
