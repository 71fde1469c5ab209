pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CloudDeck

// The wizard's body (steps, choices, footer), separate from its sheet so tests can drive it.
Item {
    id: view

    property string preselectedAccount: ""
    property alias wizard: creator
    signal finished()

    implicitWidth: 640
    implicitHeight: 720

    MachineCreator {
        id: creator
        inventory: AppController.inventory
        accountStore: AppController.accountStore
        registry: AppController.registry
        Component.onCompleted: {
            const accounts = creatableAccounts
            if (view.preselectedAccount.length > 0)
                accountId = view.preselectedAccount
            else if (accounts.length === 1)
                accountId = accounts[0].id
        }
        onCreated: (accountId, machineId) => {
            AppController.notice(qsTr("Creating %1…").arg(creator.name))
            view.finished()
        }
    }

    // One row to choose in a list: a radio look, a title, a detail line and a trailing text.
    component Choice: AbstractButton {
        id: choice
        property string title: ""
        property string detail: ""
        property string trailing: ""
        property string trailingDetail: ""
        property bool multi: false
        property bool unavailable: false
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.controlHeight + 16, content.implicitHeight + 2 * Theme.spacingM)
        checkable: true
        focusPolicy: Qt.StrongFocus
        Accessible.role: multi ? Accessible.CheckBox : Accessible.RadioButton
        Accessible.name: title + (detail.length > 0 ? ", " + detail : "") + (trailing.length > 0 ? ", " + trailing : "")
        Accessible.checked: checked
        background: Rectangle {
            radius: Theme.radiusM
            color: choice.checked ? Theme.accentSoft : choice.down ? Theme.pressed : choice.hovered ? Theme.hover : Theme.surface
            border.width: choice.checked || choice.visualFocus ? 2 : 1
            border.color: choice.visualFocus ? Theme.focus : choice.checked ? Theme.accent : Theme.border
        }
        contentItem: RowLayout { // qmllint disable deferred-property-id
            id: content
            spacing: Theme.spacingM
            Rectangle {
                Layout.leftMargin: Theme.spacingM
                Layout.preferredWidth: 18
                Layout.preferredHeight: 18
                radius: choice.multi ? 4 : 9
                color: choice.checked ? Theme.accent : "transparent"
                border.width: 2
                border.color: choice.checked ? Theme.accent : Theme.textSecondary
                SvgIcon {
                    anchors.centerIn: parent
                    visible: choice.checked
                    width: 14
                    height: 14
                    source: Theme.icon("check")
                    color: Theme.accentText
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: choice.title
                    elide: Text.ElideRight
                    color: choice.unavailable ? Theme.textDisabled : Theme.text
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    visible: choice.detail.length > 0
                    text: choice.detail
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
            }
            ColumnLayout {
                Layout.rightMargin: Theme.spacingM
                spacing: 0
                visible: choice.trailing.length > 0
                Label {
                    Layout.alignment: Qt.AlignRight
                    text: choice.trailing
                    color: choice.unavailable ? Theme.textDisabled : Theme.text
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    font.family: Theme.monoFamily
                }
                Label {
                    Layout.alignment: Qt.AlignRight
                    visible: choice.trailingDetail.length > 0
                    text: choice.trailingDetail
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                    font.family: Theme.monoFamily
                }
            }
        }
    }

    component StepPage: Flickable {
        default property alias content: column.data
        property alias spacing: column.spacing
        contentHeight: column.implicitHeight + 2 * Theme.spacingXl
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        ColumnLayout {
            id: column
            x: Theme.spacingXl
            y: Theme.spacingL
            width: parent.width - 2 * Theme.spacingXl
            spacing: Theme.spacingS
        }
    }

    component Subheading: Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption + 1
        font.weight: Font.DemiBold
    }
    component Heading: Label {
        Layout.fillWidth: true
        Layout.bottomMargin: Theme.spacingXs
        wrapMode: Text.Wrap
        color: Theme.text
        font.pixelSize: Theme.fontSubtitle
        font.weight: Font.DemiBold
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Where we are: one dot per step, done ones ticked.
        Row {
            id: steps
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingM
            Layout.bottomMargin: Theme.spacingXs
            spacing: Theme.spacingXs
            Repeater {
                model: creator.stepCount
                delegate: Row {
                    id: stepDot
                    required property int index
                    readonly property bool done: index < creator.step
                    readonly property bool here: index === creator.step
                    spacing: Theme.spacingXs
                    Rectangle {
                        width: 22
                        height: 22
                        radius: 11
                        color: stepDot.done || stepDot.here ? Theme.accent : "transparent"
                        border.width: stepDot.done || stepDot.here ? 0 : 2
                        border.color: Theme.border
                        Accessible.role: Accessible.StaticText
                        Accessible.name: qsTr("Step %1: %2%3").arg(stepDot.index + 1).arg(creator.stepTitles[stepDot.index])
                                             .arg(stepDot.done ? qsTr(", done") : stepDot.here ? qsTr(", current") : "")
                        Label {
                            anchors.centerIn: parent
                            visible: !stepDot.done
                            text: stepDot.index + 1
                            color: stepDot.here ? Theme.accentText : Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                            font.weight: Font.Bold
                        }
                        SvgIcon {
                            anchors.centerIn: parent
                            visible: stepDot.done
                            width: 14
                            height: 14
                            source: Theme.icon("check")
                            color: Theme.accentText
                        }
                    }
                    Rectangle {
                        visible: stepDot.index < creator.stepCount - 1
                        anchors.verticalCenter: parent.verticalCenter
                        width: Math.max(8, Math.min(40, (view.width - 2 * Theme.spacingXl) / creator.stepCount - 30))
                        height: 2
                        color: stepDot.done ? Theme.accent : Theme.border
                    }
                }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: creator.step

            // 0: account
            StepPage {
                Heading { text: qsTr("Which account should the machine belong to?") }
                Repeater {
                    model: creator.creatableAccounts
                    delegate: Choice {
                        required property var modelData
                        title: modelData.name
                        detail: modelData.providerName + (modelData.demo ? qsTr(" (demo)") : "")
                        checked: creator.accountId === modelData.id
                        onClicked: creator.accountId = modelData.id
                    }
                }
                Label {
                    visible: creator.creatableAccounts.length === 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("None of your accounts can create machines. Add an account first.")
                    color: Theme.textSecondary
                }
            }

            // 1: region
            StepPage {
                Heading { text: qsTr("Where should it run?") }
                BusyIndicator { visible: creator.loading; running: visible; Layout.alignment: Qt.AlignHCenter }
                GridLayout {
                    Layout.fillWidth: true
                    columns: width > 480 ? 2 : 1
                    columnSpacing: Theme.spacingS
                    rowSpacing: Theme.spacingS
                    Repeater {
                        model: creator.regions
                        delegate: Choice {
                            required property var modelData
                            title: modelData.name
                            detail: modelData.available ? modelData.id + " · " + modelData.country
                                                        : qsTr("%1 · not accepting new machines").arg(modelData.id)
                            unavailable: !modelData.available
                            checked: creator.region === modelData.id
                            onClicked: creator.region = modelData.id
                        }
                    }
                }
            }

            // 2: size
            StepPage {
                Heading { text: qsTr("How big?") }
                Repeater {
                    model: creator.sizes
                    delegate: Choice {
                        required property var modelData
                        title: modelData.description
                        detail: modelData.shape + (modelData.available ? "" : qsTr(" · sold out"))
                        trailing: modelData.priceText
                        trailingDetail: modelData.hourlyText
                        unavailable: !modelData.available
                        checked: creator.size === modelData.id
                        onClicked: creator.size = modelData.id
                    }
                }
            }

            // 3: image
            StepPage {
                Heading { text: qsTr("Which system?") }
                Repeater {
                    model: creator.images
                    delegate: Choice {
                        required property var modelData
                        title: modelData.name
                        detail: modelData.kind === "snapshot" ? qsTr("Your snapshot")
                                : modelData.kind === "application" ? qsTr("Application image")
                                                                   : modelData.distribution
                        checked: creator.image === modelData.id
                        onClicked: creator.image = modelData.id
                    }
                }
                // Windows signs in with a password, typed here: C++ only receives it (there is
                // no property to read it back) and sends it with the request alone.
                Label {
                    visible: creator.needsAdminPassword
                    Layout.topMargin: Theme.spacingM
                    text: qsTr("Administrator password") + " *"
                    color: Theme.text
                    font.weight: Font.DemiBold
                    font.pixelSize: Theme.fontBody
                }
                TextField {
                    id: passwordField
                    objectName: "wizardAdminPassword"
                    visible: creator.needsAdminPassword
                    Layout.fillWidth: true
                    implicitHeight: Theme.controlHeight + 4
                    echoMode: TextInput.Password
                    placeholderText: qsTr("12 to 123 characters")
                    placeholderTextColor: Theme.textSecondary
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData
                                      | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                    Accessible.name: qsTr("Administrator password for the Windows machine")
                    onTextEdited: creator.setAdminPassword(text)
                    background: Rectangle {
                        radius: Theme.radiusM
                        color: Theme.surface
                        border.width: passwordField.activeFocus ? 2 : 1
                        border.color: passwordField.activeFocus ? Theme.focus : Theme.border
                    }
                }
                Label {
                    visible: creator.needsAdminPassword
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Use 3 of: lower case, upper case, a digit, another character. You sign in over Remote Desktop with it; CloudDeck does not keep it.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontBody
                }
            }

            // 4: keys: the account's, then the public keys on this computer (~/.ssh/*.pub or a
            // chosen .pub), which go into the request as their key line, as --ssh-key takes it.
            StepPage {
                Heading { text: qsTr("Which SSH keys may log in?") }
                Subheading {
                    visible: creator.sshKeys.length > 0
                    text: qsTr("In this account")
                }
                Repeater {
                    model: creator.sshKeys
                    delegate: Choice {
                        required property var modelData
                        multi: true
                        title: modelData.name
                        detail: modelData.fingerprint
                        checked: creator.keys.indexOf(modelData.id) >= 0
                        onClicked: creator.toggleKey(modelData.id)
                    }
                }
                Subheading { text: qsTr("On this computer") }
                Repeater {
                    model: creator.localKeys
                    delegate: Choice {
                        required property var modelData
                        objectName: "wizardLocalKey"
                        multi: true
                        enabled: creator.acceptsLocalKeys
                        unavailable: !creator.acceptsLocalKeys
                        title: qsTr("%1 (%2)").arg(modelData.name).arg(modelData.file)
                        detail: modelData.fingerprint
                        checked: creator.keys.indexOf(modelData.id) >= 0
                        onClicked: creator.toggleKey(modelData.id)
                    }
                }
                Label {
                    objectName: "wizardLocalKeyNote"
                    Layout.fillWidth: true
                    visible: creator.localKeyNote.length > 0 || creator.localKeys.length === 0
                    wrapMode: Text.Wrap
                    text: creator.localKeyNote.length > 0
                          ? creator.localKeyNote
                          : qsTr("No public keys in ~/.ssh. Choose a .pub file, or make a key with ssh-keygen.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
                RowLayout {
                    spacing: Theme.spacingS
                    AppButton {
                        objectName: "wizardChooseKeyFile"
                        text: qsTr("Choose file…")
                        Accessible.description: qsTr("Add an SSH public key (.pub) from another folder")
                        onClicked: keyFileDialog.open()
                    }
                }
                Label {
                    objectName: "wizardLocalKeyError"
                    Layout.fillWidth: true
                    visible: creator.localKeyError.length > 0
                    wrapMode: Text.Wrap
                    text: creator.localKeyError
                    color: Theme.danger
                    font.pixelSize: Theme.fontCaption + 1
                }
                FileDialog {
                    id: keyFileDialog
                    title: qsTr("SSH public key")
                    nameFilters: [qsTr("SSH public keys (*.pub)"), qsTr("All files (*)")]
                    onAccepted: creator.addLocalKeyFile(selectedFile)
                }
                Banner {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    visible: creator.keys.length === 0
                    kind: "info"
                    text: creator.sshKeys.length === 0 && !(creator.acceptsLocalKeys && creator.localKeys.length > 0)
                          ? qsTr("This account has no SSH keys. You can still create the machine and log in with the provider's console or password.")
                          : qsTr("Without a key you will need the provider's console or a root password to log in.")
                }
            }

            // 5: name and tags
            StepPage {
                spacing: Theme.spacingM
                Heading { text: qsTr("Name and tags") }
                Label { text: qsTr("Name") + " *"; color: Theme.text; font.weight: Font.DemiBold; font.pixelSize: Theme.fontBody }
                TextField {
                    id: nameField
                    objectName: "wizardName"
                    Layout.fillWidth: true
                    implicitHeight: Theme.controlHeight + 4
                    text: creator.name
                    placeholderText: qsTr("e.g. web-3")
                    placeholderTextColor: Theme.textSecondary
                    color: Theme.text
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontBody
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                    Accessible.name: qsTr("Machine name")
                    onTextEdited: creator.name = text
                    background: Rectangle {
                        radius: Theme.radiusM
                        color: Theme.surface
                        border.width: nameField.activeFocus ? 2 : 1
                        border.color: nameField.activeFocus ? Theme.focus : Theme.border
                    }
                }
                Label { text: qsTr("Tags"); color: Theme.text; font.weight: Font.DemiBold; font.pixelSize: Theme.fontBody }
                TextField {
                    id: tagsField
                    objectName: "wizardTags"
                    Layout.fillWidth: true
                    implicitHeight: Theme.controlHeight + 4
                    text: creator.tags
                    placeholderText: qsTr("production, web")
                    placeholderTextColor: Theme.textSecondary
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                    Accessible.name: qsTr("Tags, separated by commas")
                    onTextEdited: creator.tags = text
                    background: Rectangle {
                        radius: Theme.radiusM
                        color: Theme.surface
                        border.width: tagsField.activeFocus ? 2 : 1
                        border.color: tagsField.activeFocus ? Theme.focus : Theme.border
                    }
                }
                Label {
                    text: qsTr("Separate tags with commas or spaces.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Cloud-init user data (optional)")
                        color: Theme.text
                        font.weight: Font.DemiBold
                        font.pixelSize: Theme.fontBody
                    }
                    AppButton {
                        objectName: "wizardUserDataFile"
                        text: qsTr("Load file…")
                        onClicked: userDataDialog.open()
                    }
                }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.controlHeight * 4
                    TextArea {
                        id: userDataField
                        objectName: "wizardUserData"
                        text: creator.userData
                        placeholderText: "#cloud-config\npackages:\n  - nginx"
                        placeholderTextColor: Theme.textSecondary
                        color: Theme.text
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.fontCaption
                        wrapMode: TextEdit.NoWrap
                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                        Accessible.name: qsTr("Cloud-init user data")
                        onTextChanged: if (activeFocus) creator.userData = text
                        background: Rectangle {
                            radius: Theme.radiusM
                            color: Theme.surface
                            border.width: userDataField.activeFocus ? 2 : 1
                            border.color: userDataField.activeFocus ? Theme.focus : Theme.border
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: creator.userDataError.length > 0
                          ? creator.userDataError
                          : qsTr("Runs once on first boot: a #cloud-config document or a shell script.")
                    color: creator.userDataError.length > 0 ? Theme.danger : Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                    wrapMode: Text.Wrap
                }
                FileDialog {
                    id: userDataDialog
                    title: qsTr("Cloud-init user data")
                    onAccepted: creator.loadUserData(selectedFile)
                }
            }

            // 6: review
            StepPage {
                spacing: Theme.spacingM
                Heading { text: qsTr("Review") }
                // Positioners here: a Repeater of layouts inside a layout misplaces rows in Qt 6.4.
                Column {
                    id: reviewList
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Repeater {
                        model: creator.reviewRows
                        delegate: Item {
                            id: reviewRow
                            required property var modelData
                            width: reviewList.width
                            implicitHeight: Math.max(reviewKey.implicitHeight, reviewValue.implicitHeight)
                            Label {
                                id: reviewKey
                                width: 110
                                text: reviewRow.modelData.label
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontBody
                            }
                            Label {
                                id: reviewValue
                                x: 110 + Theme.spacingL
                                width: parent.width - x
                                text: reviewRow.modelData.value
                                wrapMode: Text.Wrap
                                color: Theme.text
                                font.pixelSize: Theme.fontBody
                                font.weight: reviewRow.modelData.emphasis ? Font.DemiBold : Font.Normal
                            }
                        }
                    }
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    implicitHeight: priceRow.implicitHeight + 2 * Theme.spacingL
                    radius: Theme.radiusM
                    color: Theme.accentSoft
                    RowLayout {
                        id: priceRow
                        anchors.fill: parent
                        anchors.margins: Theme.spacingL
                        SvgIcon {
                            Layout.preferredWidth: Theme.iconSize
                            Layout.preferredHeight: Theme.iconSize
                            source: Theme.icon("dollar")
                            color: Theme.accentSoftText
                        }
                        Label {
                            Layout.fillWidth: true
                            text: creator.costText
                            wrapMode: Text.Wrap
                            color: Theme.accentSoftText
                            font.pixelSize: Theme.fontBody
                        }
                    }
                }
                Banner {
                    Layout.fillWidth: true
                    visible: creator.createError.length > 0
                    kind: "error"
                    text: creator.createError
                }
            }
        }

        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.divider }
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.controlHeight + 2 * Theme.spacingL
            Layout.leftMargin: Theme.spacingXl
            Layout.rightMargin: Theme.spacingXl
            spacing: Theme.spacingS
            Label {
                id: problemLabel
                objectName: "wizardProblem"
                Layout.fillWidth: true
                text: creator.loading && creator.step > 0 ? qsTr("Loading the catalog…") : creator.problem
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption + 1
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            AppButton {
                objectName: "wizardBack"
                text: qsTr("Back")
                kind: "flat"
                visible: creator.step > 0
                enabled: !creator.creating
                onClicked: creator.back()
            }
            AppButton {
                objectName: "wizardNext"
                visible: creator.step < creator.stepCount - 1
                kind: "primary"
                text: qsTr("Next")
                enabled: creator.canAdvance
                onClicked: creator.next()
            }
            AppButton {
                objectName: "wizardCreate"
                visible: creator.step === creator.stepCount - 1
                kind: "primary"
                iconName: "plus"
                text: qsTr("Create machine")
                enabled: creator.canAdvance && !creator.creating
                busy: creator.creating
                onClicked: creator.create()
            }
        }
    }
}
