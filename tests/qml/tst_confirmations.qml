import QtQuick
import QtTest
import CloudDeck

// Which actions ask first (issue 12, item 10): power off is a forced stop and is confirmed, like
// virt-manager's "Force Off"; destroy asks for the name; the rest run at once. Core decides; QML
// compares no action names.
TestCase {
    name: "Confirmations"

    function test_whichActionsAsk_data() {
        return [
            { tag: "poweroff", action: "poweroff", expected: MachineStates.Confirm },
            { tag: "destroy", action: "destroy", expected: MachineStates.ConfirmByName },
            { tag: "shutdown", action: "shutdown", expected: MachineStates.NoConfirmation },
            { tag: "reboot", action: "reboot", expected: MachineStates.NoConfirmation },
            { tag: "start", action: "start", expected: MachineStates.NoConfirmation },
        ]
    }
    function test_whichActionsAsk(data) {
        compare(MachineStates.confirmation(data.action), data.expected)
    }
}
