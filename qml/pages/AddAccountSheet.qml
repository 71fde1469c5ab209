pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CloudDeck

// Add or edit an account: pick the provider, fill the form its metadata asks for, Verify, Save.
// The form (and every secret typed into it) is destroyed when the sheet closes.
Sheet {
    id: sheet

    property string editAccountId: ""
    property string initialProvider: ""
    property bool initialImport: false
    property var flow: null // the form below while it exists (its type is the inline delegate's)

    signal removeRequested(string accountId)

    function openForNew(providerId) {
        editAccountId = ""
        initialProvider = providerId || ""
        initialImport = false
        open()
    }
    function openForEdit(accountId) {
        editAccountId = accountId
        initialProvider = ""
        initialImport = false
        open()
    }
    // Straight to "Import from installed tools".
    function openForImport() {
        editAccountId = ""
        initialProvider = ""
        initialImport = true
        open()
    }

    title: flow ? flow.title : ""
    subtitle: flow ? flow.subtitle : ""
    showBack: flow ? flow.canGoBack : false
    onBackClicked: flow.back()
    preferredHeight: 760

    // The form exists only while the sheet is open (a Repeater of 0 or 1: Qt 6.4's Loader cannot
    // create a component bound to this file).
    Repeater {
        model: sheet.visible ? 1 : 0
        onItemAdded: (index, item) => sheet.flow = item
        onItemRemoved: sheet.flow = null
        delegate: Item {
            id: flowItem
            anchors.fill: parent
            property bool importingTools: sheet.initialImport
            readonly property bool picking: editor.providerId.length === 0 && !importingTools
            readonly property var provider: editor.provider
            readonly property string title: editor.editing ? qsTr("Edit account")
                                            : importingTools ? qsTr("Import from installed tools")
                                            : picking ? qsTr("Add a cloud account")
                                                      : qsTr("Add %1").arg(provider.name || "")
            readonly property string subtitle: picking ? qsTr("Choose where your machines run")
                                               : importingTools ? qsTr("The accounts your cloud command-line tools already use")
                                                                : ""
            readonly property bool canGoBack: !picking && !editor.editing
            function back() {
                importingTools = false
                editor.providerId = ""
            }

            AccountEditor {
                id: editor
                registry: AppController.registry
                accountStore: AppController.accountStore
                credentials: AppController.credentials
                accountService: AppController.accountService
                inventory: AppController.inventory
                Component.onCompleted: {
                    if (sheet.editAccountId.length > 0)
                        load(sheet.editAccountId)
                    else if (sheet.initialProvider.length > 0)
                        providerId = sheet.initialProvider
                }
                onSaved: (accountId) => {
                    AppController.notice(editing ? qsTr("Account saved") : qsTr("Account added"))
                    AppController.filters.account = ""
                    sheet.close()
                }
            }

            // Step 1: the provider picker.
            ProviderPicker {
                anchors.fill: parent
                visible: flowItem.picking
                onProviderChosen: (providerId) => editor.providerId = providerId
                onImportRequested: flowItem.importingTools = true
            }

            // Or: the credentials the clouds' own tools already hold.
            Repeater {
                model: flowItem.importingTools ? 1 : 0
                delegate: ToolImportView {
                    anchors.fill: parent
                    onCloseRequested: sheet.close()
                }
            }

            // Step 2: the generated form.
            ColumnLayout {
                anchors.fill: parent
                visible: !flowItem.picking && !flowItem.importingTools
                spacing: 0

                Flickable {
                    id: formScroller
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    contentHeight: form.implicitHeight + 2 * Theme.spacingXl
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}

                    // Verify's answer (the pin prompt above all) appears below the fields: on a
                    // short window it would sit below the fold, unseen. Scroll it into view.
                    function reveal(item) {
                        if (!item.visible)
                            return
                        const top = item.mapToItem(contentItem, 0, 0).y
                        const bottom = top + item.height + Theme.spacingXl
                        if (bottom > contentY + height)
                            contentY = Math.max(0, Math.min(contentHeight - height,
                                                            bottom - height))
                        else if (top < contentY)
                            contentY = Math.max(0, top - Theme.spacingL)
                    }

                    ColumnLayout {
                        id: form
                        x: Theme.spacingXl
                        y: Theme.spacingXl
                        width: formScroller.width - 2 * Theme.spacingXl
                        spacing: Theme.spacingL

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingM
                            ProviderMark {
                                providerId: editor.providerId
                                monogram: flowItem.provider.mark || ""
                                size: 40
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                RowLayout {
                                    spacing: Theme.spacingS
                                    Label {
                                        text: flowItem.provider.name || ""
                                        color: Theme.text
                                        font.pixelSize: Theme.fontSubtitle
                                        font.weight: Font.DemiBold
                                    }
                                    DemoBadge { visible: flowItem.provider.demo === true }
                                }
                                Label {
                                    Layout.fillWidth: true
                                    visible: (flowItem.provider.tokenUrl || "").length > 0
                                    text: "<a href=\"" + flowItem.provider.tokenUrl + "\">" + qsTr("Where do I find this?") + "</a>"
                                    textFormat: Text.StyledText
                                    linkColor: Theme.accent
                                    font.pixelSize: Theme.fontCaption + 1
                                    onLinkActivated: (link) => Qt.openUrlExternally(link)
                                    HoverHandler { cursorShape: Qt.PointingHandCursor }
                                }
                                Label {
                                    Layout.fillWidth: true
                                    visible: flowItem.provider.demo === true
                                    text: qsTr("A small simulated fleet that lives on this computer. Nothing is sent anywhere and nothing costs money.")
                                    wrapMode: Text.Wrap
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontCaption + 1
                                }
                            }
                        }

                        // OpenStack users have their clouds in clouds.yaml already: the same
                        // import as `accounts import --clouds-yaml` (core's CloudsYamlImport).
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingXs
                            visible: !editor.editing
                                     && (flowItem.provider.capabilities || []).indexOf("clouds-yaml") >= 0
                            AppButton {
                                objectName: "importCloudsYamlButton"
                                kind: "secondary"
                                iconName: "plus"
                                text: qsTr("Import clouds.yaml…")
                                enabled: !importer.busy
                                busy: importer.busy
                                onClicked: cloudsYamlDialog.open()
                            }
                            Label {
                                Layout.fillWidth: true
                                text: importer.message.length > 0 ? importer.message
                                      : qsTr("Adds every cloud of an OpenStack clouds.yaml (with the secure.yaml beside it), or fill in one below.")
                                wrapMode: Text.Wrap
                                color: importer.failed ? Theme.danger : Theme.textSecondary
                                font.pixelSize: Theme.fontCaption + 1
                            }
                            CloudsYamlImporter {
                                id: importer
                                accountService: AppController.accountService
                            }
                            FileDialog {
                                id: cloudsYamlDialog
                                title: qsTr("Import clouds.yaml")
                                nameFilters: [qsTr("OpenStack configuration (*.yaml *.yml)")]
                                onAccepted: importer.importFile(selectedFile)
                            }
                        }

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingXs
                            Label {
                                text: qsTr("Account name") + " *"
                                color: Theme.text
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.DemiBold
                            }
                            TextField {
                                id: nameField
                                Layout.fillWidth: true
                                implicitHeight: Theme.controlHeight + 4
                                text: editor.name
                                placeholderText: qsTr("e.g. Work, Personal, Client X")
                                placeholderTextColor: Theme.textSecondary
                                color: Theme.text
                                font.pixelSize: Theme.fontBody
                                Accessible.name: qsTr("Account name")
                                onTextEdited: editor.name = text
                                background: Rectangle {
                                    radius: Theme.radiusM
                                    color: Theme.surface
                                    border.width: nameField.activeFocus ? 2 : 1
                                    border.color: nameField.activeFocus ? Theme.focus : Theme.border
                                }
                            }
                        }

                        CredentialFields {
                            id: credentialFields
                            Layout.fillWidth: true
                            fields: editor.fields
                            editing: editor.editing
                            values: editor.editing ? (AppController.account(editor.accountId).settings || ({})) : ({})
                            onEdited: (fieldId, value) => editor.setField(fieldId, value)
                            files: flowItem.provider.files || []
                            onFileChosen: (fileId, file) => {
                                const loaded = editor.importCredentialFile(fileId, file)
                                credentialFields.setFileMessage(fileId, loaded.message, !loaded.ok)
                                // The settings the file filled in, shown in their inputs.
                                for (const field of editor.fields) {
                                    if (field.hidden !== true && field.secret !== true && editor.field(field.id).length > 0)
                                        credentialFields.setValue(field.id, editor.field(field.id))
                                }
                            }
                        }

                        // Advanced: the endpoint, for compatible clouds and private installations.
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            visible: flowItem.provider.demo !== true
                            AppButton {
                                id: advancedToggle
                                kind: "flat"
                                checkable: true
                                // A cloud without a public default (OpenStack) needs its URL.
                                checked: editor.endpoint.length > 0 || !flowItem.provider.defaultEndpoint
                                iconName: checked ? "chevron-down" : "chevron-right"
                                text: qsTr("Advanced")
                                leftPadding: 0
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                visible: advancedToggle.checked
                                spacing: Theme.spacingXs
                                Label {
                                    text: flowItem.provider.defaultEndpoint ? qsTr("API endpoint")
                                                                           : qsTr("API endpoint") + " *"
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                }
                                TextField {
                                    id: endpointField
                                    Layout.fillWidth: true
                                    implicitHeight: Theme.controlHeight + 4
                                    text: editor.endpoint
                                    placeholderText: flowItem.provider.defaultEndpoint || ""
                                    placeholderTextColor: Theme.textSecondary
                                    color: Theme.text
                                    font.family: Theme.monoFamily
                                    font.pixelSize: Theme.fontBody
                                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoPredictiveText
                                    Accessible.name: qsTr("API endpoint")
                                    onTextEdited: editor.endpoint = text
                                    background: Rectangle {
                                        radius: Theme.radiusM
                                        color: Theme.surface
                                        border.width: endpointField.activeFocus ? 2 : 1
                                        border.color: endpointField.activeFocus ? Theme.focus : Theme.border
                                    }
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: flowItem.provider.defaultEndpoint
                                          ? qsTr("Only for compatible clouds or private installations. Leave empty to use %1.")
                                            .arg(Format.unbroken(flowItem.provider.defaultEndpoint))
                                          : qsTr("This cloud's own address: for OpenStack, the identity (Keystone) URL, auth_url in clouds.yaml.")
                                    wrapMode: Text.Wrap
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontCaption
                                }
                                SshOptions {
                                    Layout.fillWidth: true
                                    accountEditor: editor
                                }
                                Label {
                                    Layout.fillWidth: true
                                    visible: editor.pinnedFingerprint.length > 0
                                    text: qsTr("Trusted certificate (SHA-256): %1").arg(editor.pinnedFingerprint)
                                    wrapMode: Text.WrapAnywhere
                                    color: Theme.textSecondary
                                    font.family: Theme.monoFamily
                                    font.pixelSize: Theme.fontCaption
                                }
                            }
                        }

                        // What Verify found.
                        RowLayout {
                            Layout.fillWidth: true
                            visible: editor.status === AccountEditor.Verifying || editor.status === AccountEditor.Saving
                            spacing: Theme.spacingS
                            BusyIndicator {
                                Layout.preferredWidth: 24
                                Layout.preferredHeight: 24
                                running: parent.visible
                            }
                            Label {
                                Layout.fillWidth: true
                                text: editor.message
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontBody
                                wrapMode: Text.Wrap
                            }
                        }
                        Rectangle {
                            Layout.fillWidth: true
                            visible: editor.status === AccountEditor.Verified
                            implicitHeight: verifiedRow.implicitHeight + 2 * Theme.spacingM
                            radius: Theme.radiusM
                            color: Theme.tint(Theme.success, Theme.dark ? 0.14 : 0.08)
                            RowLayout {
                                id: verifiedRow
                                anchors.fill: parent
                                anchors.margins: Theme.spacingM
                                spacing: Theme.spacingS
                                SvgIcon {
                                    Layout.preferredWidth: Theme.iconSize
                                    Layout.preferredHeight: Theme.iconSize
                                    source: Theme.icon("check")
                                    color: Theme.success
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: editor.message
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    Accessible.role: Accessible.AlertMessage
                                    Accessible.name: text
                                }
                            }
                        }
                        Banner {
                            objectName: "verifyError"
                            Layout.fillWidth: true
                            visible: editor.status === AccountEditor.Failed
                            onVisibleChanged: Qt.callLater(formScroller.reveal, this)
                            onHeightChanged: Qt.callLater(formScroller.reveal, this)
                            kind: "error"
                            text: editor.message
                        }
                        Rectangle {
                            objectName: "pinPrompt"
                            Layout.fillWidth: true
                            visible: editor.status === AccountEditor.NeedsPin
                            onVisibleChanged: Qt.callLater(formScroller.reveal, this)
                            onHeightChanged: Qt.callLater(formScroller.reveal, this)
                            implicitHeight: pinColumn.implicitHeight + 2 * Theme.spacingL
                            radius: Theme.radiusM
                            color: Theme.warningSoft
                            border.color: Theme.warning
                            ColumnLayout {
                                id: pinColumn
                                anchors.fill: parent
                                anchors.margins: Theme.spacingL
                                spacing: Theme.spacingS
                                RowLayout {
                                    spacing: Theme.spacingS
                                    SvgIcon {
                                        Layout.preferredWidth: Theme.iconSize
                                        Layout.preferredHeight: Theme.iconSize
                                        source: Theme.icon("shield")
                                        color: Theme.warning
                                    }
                                    Label {
                                        text: qsTr("This server's certificate is not trusted")
                                        color: Theme.text
                                        font.pixelSize: Theme.fontBody
                                        font.weight: Font.DemiBold
                                    }
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: editor.message
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                    font.pixelSize: Theme.fontCaption + 1
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: qsTr("SHA-256 fingerprint")
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontCaption
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: editor.certificateFingerprint
                                    wrapMode: Text.WrapAnywhere
                                    color: Theme.text
                                    font.family: Theme.monoFamily
                                    font.pixelSize: Theme.fontCaption + 1
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: qsTr("Trust it only if this fingerprint matches the one your cloud's administrator gave you. CloudDeck will then accept exactly this certificate for this account, and no other.")
                                    wrapMode: Text.Wrap
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontCaption
                                }
                                AppButton {
                                    kind: "secondary"
                                    iconName: "shield"
                                    text: qsTr("Trust this certificate")
                                    onClicked: editor.trustCertificate()
                                }
                            }
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
                    AppButton {
                        visible: editor.editing
                        kind: "flat"
                        text: qsTr("Remove account…")
                        leftPadding: 0
                        contentItem: Label {
                            text: qsTr("Remove account…")
                            color: Theme.danger
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            verticalAlignment: Text.AlignVCenter
                        }
                        onClicked: sheet.removeRequested(editor.accountId)
                    }
                    Item { Layout.fillWidth: true }
                    AppButton {
                        text: qsTr("Cancel")
                        kind: "flat"
                        onClicked: sheet.close()
                    }
                    AppButton {
                        // Offered once a check failed: the cloud may be out of reach from here
                        // right now (the CLI's --no-verify).
                        objectName: "saveUnverifiedButton"
                        text: qsTr("Save without verifying")
                        kind: "flat"
                        visible: editor.status === AccountEditor.Failed && editor.complete
                        onClicked: editor.saveUnverified()
                    }
                    AppButton {
                        objectName: "verifyButton"
                        text: qsTr("Verify")
                        kind: editor.status === AccountEditor.Verified ? "secondary" : "primary"
                        enabled: editor.complete && !editor.busy
                        busy: editor.status === AccountEditor.Verifying
                        onClicked: editor.verify()
                    }
                    AppButton {
                        objectName: "saveButton"
                        text: editor.editing ? qsTr("Save") : qsTr("Add account")
                        kind: "primary"
                        visible: editor.status === AccountEditor.Verified || editor.status === AccountEditor.Saving
                        enabled: editor.status === AccountEditor.Verified
                        busy: editor.status === AccountEditor.Saving
                        onClicked: editor.save()
                    }
                }
            }
        }
    }
}
