import QtQuick
import QtQuick.Controls
import QtTest
import CloudDeck

// The action words come from the provider plugin's metadata (issue 15): on Azure shutdown is
// "Stop (deallocate)" and says that compute billing stops, power off says it still bills; a cloud
// without its own words (DigitalOcean) keeps the generic ones. QML names no provider.
TestCase {
    id: testCase
    name: "ProviderWording"
    when: windowShown
    visible: true
    width: 800
    height: 600

    Component {
        id: menuComponent
        MachineMenu {}
    }
    Component {
        id: confirmComponent
        ConfirmDialog {}
    }

    function menuItem(menu, text) {
        for (let i = 0; i < menu.count; ++i) {
            const item = menu.itemAt(i)
            if (item && item.text === text)
                return item
        }
        return null
    }

    function test_azureHasItsOwnWords() {
        const actions = AppController.provider("azure").actions
        compare(actions.shutdown.label, "Stop (deallocate)")
        verify(actions.shutdown.description.indexOf("no longer billed for compute") >= 0,
               actions.shutdown.description)
        compare(actions.poweroff.label, "Power off (stay allocated)")
        verify(actions.poweroff.description.indexOf("still bills") >= 0, actions.poweroff.description)
        // The actions it does not name keep the generic words.
        compare(actions.start.label, Format.actionText("start"))
    }

    function test_digitalOceanKeepsTheDefaults() {
        const actions = AppController.provider("digitalocean").actions
        compare(actions.shutdown.label, Format.actionText("shutdown"))
        compare(actions.poweroff.label, Format.actionText("poweroff"))
        verify(actions.poweroff.description.indexOf("pulling the plug") >= 0,
               actions.poweroff.description)
    }

    function test_menuShowsTheProviderWords_data() {
        return [
            { tag: "azure", provider: "azure", shutdown: "Stop (deallocate)",
              poweroff: "Power off (stay allocated)", billed: "no longer billed" },
            { tag: "digitalocean", provider: "digitalocean", shutdown: Format.actionText("shutdown"),
              poweroff: Format.actionText("poweroff"), billed: "" },
        ]
    }
    function test_menuShowsTheProviderWords(data) {
        const menu = createTemporaryObject(menuComponent, testCase, {
            allowed: ["shutdown", "poweroff"],
            actions: AppController.provider(data.provider).actions
        })
        verify(menu)
        const shutdown = menuItem(menu, data.shutdown)
        verify(shutdown, "no menu item " + data.shutdown)
        verify(menuItem(menu, data.poweroff), "no menu item " + data.poweroff)
        verify(shutdown.ToolTip.text.indexOf(data.billed) >= 0, shutdown.ToolTip.text)
    }

    // Main.qml asks with the provider's label as the title and its description as the body, so
    // a touch user, who has no tooltip, reads the consequence before confirming.
    function test_confirmationShowsTheDescription() {
        const words = AppController.provider("azure").actions.poweroff
        const dialog = createTemporaryObject(confirmComponent, testCase)
        dialog.ask(qsTr("%1 %2?").arg(words.label).arg("web-1"), words.description, words.label,
                   true, () => {})
        tryCompare(dialog, "opened", true)
        compare(dialog.title, "Power off (stay allocated) web-1?")
        compare(dialog.text, words.description)
        compare(dialog.confirmText, "Power off (stay allocated)")
        dialog.close()
    }
}
