pragma ComponentBehavior: Bound
import QtQuick
import CloudDeck

// The create-machine wizard: account, region, size (with price), image, SSH keys, name and tags,
// review. Each step says what it still needs; Next waits for it.
Sheet {
    id: sheet

    property WizardView view: null
    readonly property var wizard: view ? view.wizard : null

    function openFor(accountId) {
        preselectedAccount = accountId || ""
        open()
    }
    property string preselectedAccount: ""

    title: qsTr("New machine")
    subtitle: wizard ? qsTr("Step %1 of %2: %3").arg(wizard.step + 1).arg(wizard.stepCount)
                                                  .arg(wizard.stepTitles[wizard.step])
                     : ""
    preferredHeight: 780
    preferredWidth: 680

    // The wizard exists only while the sheet is open (see AddAccountSheet).
    Repeater {
        model: sheet.visible ? 1 : 0
        onItemAdded: (index, item) => sheet.view = item
        onItemRemoved: sheet.view = null
        delegate: WizardView {
            anchors.fill: parent
            preselectedAccount: sheet.preselectedAccount
            onFinished: sheet.close()
        }
    }
}
