import QtQuick
import QtTest
import CloudDeck

// The add-account form is generated from a provider's credential fields: one input per field,
// secret ones masked and never pre-filled. The editor behind it keeps secrets to itself.
TestCase {
    id: testCase
    name: "CredentialFields"
    when: windowShown
    visible: true // TestCase hides itself by default; the components under test must be shown
    width: 600
    height: 500

    // The shape of AWS's metadata: a non-secret id, a secret, and an optional secret.
    readonly property var awsLike: [
        { id: "accessKeyId", label: "Access key ID", placeholder: "AKIA…", help: "From IAM.", secret: false, required: true },
        { id: "secretAccessKey", label: "Secret access key", placeholder: "", help: "", secret: true, required: true },
        { id: "sessionToken", label: "Session token", placeholder: "", help: "Only for temporary credentials.", secret: true, required: false },
    ]

    Component {
        id: formComponent
        CredentialFields { width: 500 }
    }
    Component {
        id: editorComponent
        AccountEditor {
            registry: AppController.registry
            accountStore: AppController.accountStore
            credentials: AppController.credentials
            accountService: AppController.accountService
            inventory: AppController.inventory
        }
    }
    SignalSpy { id: editedSpy; signalName: "edited" }

    function labels(form) {
        const result = []
        for (let i = 0; i < form.fields.length; ++i)
            result.push(form.inputAt(i).Accessible.name)
        return result
    }

    function test_oneInputPerFieldSecretsMasked() {
        const form = createTemporaryObject(formComponent, testCase, { fields: awsLike })
        waitForRendering(form)
        compare(labels(form), ["Access key ID", "Secret access key", "Session token"])
        compare(form.inputAt(0).echoMode, TextInput.Normal)
        compare(form.inputAt(1).echoMode, TextInput.Password)
        compare(form.inputAt(2).echoMode, TextInput.Password)
        compare(form.inputAt(0).placeholderText, "AKIA…")
    }

    function test_typingReportsFieldAndValue() {
        const form = createTemporaryObject(formComponent, testCase, { fields: awsLike })
        editedSpy.target = form
        editedSpy.clear()
        form.inputAt(1).forceActiveFocus()
        keyClick(Qt.Key_S)
        keyClick(Qt.Key_3)
        compare(editedSpy.count, 2)
        compare(editedSpy.signalArguments[1][0], "secretAccessKey")
        compare(editedSpy.signalArguments[1][1], "s3")
        compare(form.inputAt(1).displayText.indexOf("s3"), -1, "the secret is not shown")
    }

    function test_editingKeepsSecretsOutOfTheForm() {
        const form = createTemporaryObject(formComponent, testCase,
                                           { fields: awsLike, editing: true,
                                             values: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "must-not-show" } })
        compare(form.inputAt(0).text, "AKIAEXAMPLE")
        compare(form.inputAt(1).text, "", "a secret is never pre-filled")
        compare(form.inputAt(1).placeholderText, "Leave empty to keep the stored value")
    }

    function test_clearForgetsWhatWasTyped() {
        const form = createTemporaryObject(formComponent, testCase, { fields: awsLike })
        form.inputAt(1).text = "secret"
        form.clear()
        compare(form.inputAt(1).text, "")
    }

    function test_editorGeneratesFieldsFromPluginMetadata() {
        const editor = createTemporaryObject(editorComponent, testCase)
        for (const provider of AppController.providers) {
            editor.providerId = provider.id
            compare(editor.fields.length, provider.fields.length)
            for (let i = 0; i < provider.fields.length; ++i) {
                compare(editor.fields[i].id, provider.fields[i].id)
                compare(editor.fields[i].secret, provider.fields[i].secret)
            }
            const secret = editor.fields.find(f => f.secret)
            if (secret) {
                editor.setField(secret.id, "typed-secret")
                compare(editor.field(secret.id), "", "secrets are not readable back")
            }
        }
    }

    function test_verifyBeforeSave() {
        const editor = createTemporaryObject(editorComponent, testCase)
        editor.providerId = "demo"
        verify(editor.name.length > 0, "a default name")
        verify(editor.complete)
        editor.save()
        compare(editor.status, AccountEditor.Editing, "nothing is saved before Verify")
        editor.verify()
        tryCompare(editor, "status", AccountEditor.Verified)
        verify(editor.message.length > 0)
        editor.name = editor.name + " (edited)"
        compare(editor.status, AccountEditor.Editing, "an edit after Verify asks for Verify again")
    }

    function test_verifyShowsTheExactProblem() {
        const hasToken = AppController.providers.find(p => p.id === "digitalocean")
        if (!hasToken)
            skip("the DigitalOcean plugin is not built")
        const editor = createTemporaryObject(editorComponent, testCase)
        editor.providerId = "digitalocean"
        verify(!editor.complete, "the token is required")
        editor.setField("token", "dop_v1_example")
        editor.endpoint = "http://127.0.0.1:9"   // nothing listens there
        verify(editor.complete)
        editor.verify()
        tryCompare(editor, "status", AccountEditor.Failed, 20000)
        verify(editor.message.indexOf("127.0.0.1") >= 0, editor.message)
    }

    // GCE: the private key comes from the key file through a file picker; its fields are hidden
    // and the editor never hands a secret back.
    function test_keyFileFillsHiddenFields() {
        const gce = AppController.providers.find(p => p.id === "gce")
        if (!gce)
            skip("the GCE plugin is not built")
        const form = createTemporaryObject(formComponent, testCase, { fields: gce.fields, files: gce.files })
        waitForRendering(form)
        for (let i = 0; i < gce.fields.length; ++i)
            compare(form.inputAt(i).visible, gce.fields[i].hidden !== true, gce.fields[i].id)
        verify(form.findNamed(form, "file_keyFile"), "a button per credential file")
        verify(form.findNamed(form, "file_adcFile"))
        form.setValue("projectId", "from-the-file")
        compare(form.inputAt(0).text, "from-the-file")
        form.setValue("privateKey", "-----BEGIN PRIVATE KEY-----")
        compare(form.inputAt(3).text, "", "a secret is never put into an input")
        form.setFileMessage("keyFile", "Loaded it.", false)
        compare(form.fileMessages.keyFile, "Loaded it.")

        const editor = createTemporaryObject(editorComponent, testCase)
        editor.providerId = "gce"
        verify(!editor.complete, "the project id is required")
        const loaded = editor.importCredentialFile("keyFile", Qt.resolvedUrl("../data/gce/service_account_key.json"))
        verify(loaded.ok, loaded.message)
        verify(loaded.message.indexOf("clouddeck-test@clouddeck-test.iam.gserviceaccount.com") >= 0, loaded.message)
        compare(loaded.message.indexOf("PRIVATE KEY"), -1, "the key is never shown")
        compare(editor.field("projectId"), "clouddeck-test")
        compare(editor.field("privateKey"), "", "secrets are not readable back")
        verify(editor.complete)
        const wrong = editor.importCredentialFile("keyFile", Qt.resolvedUrl("../data/gce/application_default_credentials.json"))
        verify(!wrong.ok)
        verify(wrong.message.indexOf("authorized_user") >= 0, wrong.message)
    }
}
