import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CloudDeck

// How to log in to an account's machines: user, port, key file and which address. Empty fields
// keep the defaults the placeholders show (core's SshTarget decides, for the GUI and the CLI).
ColumnLayout {
    id: options

    required property AccountEditor accountEditor

    spacing: Theme.spacingXs

    component Name: Label {
        color: Theme.text
        font.pixelSize: Theme.fontBody
        font.weight: Font.DemiBold
    }
    component Field: TextField {
        id: field
        Layout.fillWidth: true
        implicitHeight: Theme.controlHeight + 4
        placeholderTextColor: Theme.textSecondary
        color: Theme.text
        font.family: Theme.monoFamily
        font.pixelSize: Theme.fontBody
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        background: Rectangle {
            radius: Theme.radiusM
            color: Theme.surface
            border.width: field.activeFocus ? 2 : 1
            border.color: field.activeFocus ? Theme.focus : Theme.border
        }
    }

    Label {
        Layout.topMargin: Theme.spacingM
        text: qsTr("Logging in with SSH")
        color: Theme.text
        font.pixelSize: Theme.fontBody + 1
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
    }
    GridLayout {
        Layout.fillWidth: true
        columns: options.width >= 480 ? 2 : 1
        columnSpacing: Theme.spacingM
        rowSpacing: Theme.spacingXs
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs
            Name { text: qsTr("User") }
            Field {
                objectName: "sshUserField"
                text: options.accountEditor.sshUser
                placeholderText: options.accountEditor.sshDefaultUser
                Accessible.name: qsTr("SSH user")
                onTextEdited: options.accountEditor.sshUser = text
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 120
            Layout.fillWidth: options.width < 480
            spacing: Theme.spacingXs
            Name { text: qsTr("Port") }
            Field {
                objectName: "sshPortField"
                text: options.accountEditor.sshPort
                placeholderText: "22"
                inputMethodHints: Qt.ImhDigitsOnly
                Accessible.name: qsTr("SSH port")
                onTextEdited: options.accountEditor.sshPort = text
            }
        }
    }
    Name { text: qsTr("Key file") }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Field {
            objectName: "sshKeyField"
            text: options.accountEditor.sshIdentityFile
            placeholderText: qsTr("ssh's own choice (~/.ssh/id_ed25519, the agent)")
            Accessible.name: qsTr("SSH private key file")
            onTextEdited: options.accountEditor.sshIdentityFile = text
        }
        AppButton {
            text: qsTr("Choose…")
            onClicked: keyDialog.open()
        }
    }
    CheckBox {
        objectName: "sshPrivateAddress"
        Layout.fillWidth: true
        leftPadding: 0
        checked: options.accountEditor.sshPrivateAddress
        text: qsTr("Connect by private address (VPN, bastion or same network)")
        onToggled: options.accountEditor.sshPrivateAddress = checked
    }
    Label {
        Layout.fillWidth: true
        text: options.accountEditor.sshProblem.length > 0
              ? options.accountEditor.sshProblem
              : qsTr("Only the key file's path is kept; the key stays where it is.")
        color: options.accountEditor.sshProblem.length > 0 ? Theme.danger : Theme.textSecondary
        font.pixelSize: Theme.fontCaption
        wrapMode: Text.Wrap
    }
    FileDialog {
        id: keyDialog
        title: qsTr("SSH private key file")
        onAccepted: options.accountEditor.setSshIdentityFileUrl(selectedFile)
    }
}
