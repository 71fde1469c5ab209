pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// The actions of one machine, as a context menu (right click, the row's "more" button).
Menu {
    id: menu

    property string accountId: ""
    property string machineId: ""
    property string name: ""
    property string ip: ""
    property var allowed: []
    // The provider's words per action ({shutdown: {label, description}}, from ProviderInfo):
    // Azure's shutdown is "Stop (deallocate)".
    property var actions: ({})

    function label(action: string): string {
        const words = menu.actions[action]
        return words && words.label ? words.label : Format.actionText(action)
    }
    function description(action: string): string {
        const words = menu.actions[action]
        return words && words.description ? words.description : ""
    }

    signal actionRequested(string action)
    signal detailsRequested()
    signal selectRequested()
    signal priceRequested()

    title: name

    MenuItem {
        text: qsTr("Open details")
        icon.source: Theme.icon("info")
        onTriggered: menu.detailsRequested()
    }
    MenuItem {
        text: qsTr("Copy IP address")
        icon.source: Theme.icon("copy")
        enabled: menu.ip.length > 0
        onTriggered: AppController.copy(menu.ip, qsTr("IP"))
    }
    MenuItem {
        text: qsTr("Copy SSH command")
        icon.source: Theme.icon("terminal")
        enabled: menu.ip.length > 0
        onTriggered: AppController.copy(AppController.sshCommand(menu.accountId, menu.machineId),
                                        qsTr("SSH command"))
    }
    MenuItem {
        text: qsTr("Open SSH")
        icon.source: Theme.icon("external")
        enabled: menu.ip.length > 0
        onTriggered: AppController.openSsh(menu.accountId, menu.machineId)
    }
    MenuItem {
        text: qsTr("Set monthly price…")
        icon.source: Theme.icon("dollar")
        onTriggered: menu.priceRequested()
    }
    MenuSeparator {}
    MenuItem {
        text: menu.label("start")
        ToolTip.visible: hovered && ToolTip.text.length > 0
        ToolTip.delay: 600
        ToolTip.text: menu.description("start")
        icon.source: Theme.actionIcon("start")
        enabled: menu.allowed.indexOf("start") >= 0
        onTriggered: menu.actionRequested("start")
    }
    MenuItem {
        text: menu.label("shutdown")
        ToolTip.visible: hovered && ToolTip.text.length > 0
        ToolTip.delay: 600
        ToolTip.text: menu.description("shutdown")
        icon.source: Theme.actionIcon("shutdown")
        enabled: menu.allowed.indexOf("shutdown") >= 0
        onTriggered: menu.actionRequested("shutdown")
    }
    MenuItem {
        text: menu.label("reboot")
        ToolTip.visible: hovered && ToolTip.text.length > 0
        ToolTip.delay: 600
        ToolTip.text: menu.description("reboot")
        icon.source: Theme.actionIcon("reboot")
        enabled: menu.allowed.indexOf("reboot") >= 0
        onTriggered: menu.actionRequested("reboot")
    }
    MenuItem {
        text: menu.label("poweroff")
        ToolTip.visible: hovered && ToolTip.text.length > 0
        ToolTip.delay: 600
        ToolTip.text: menu.description("poweroff")
        icon.source: Theme.actionIcon("poweroff")
        enabled: menu.allowed.indexOf("poweroff") >= 0
        onTriggered: menu.actionRequested("poweroff")
    }
    MenuSeparator {}
    MenuItem {
        text: qsTr("Select")
        icon.source: Theme.icon("select")
        onTriggered: menu.selectRequested()
    }
    MenuItem {
        id: destroyItem
        text: qsTr("Destroy…")
        icon.source: Theme.icon("destroy")
        icon.color: enabled ? Theme.danger : Theme.textDisabled
        enabled: menu.allowed.indexOf("destroy") >= 0
        onTriggered: menu.actionRequested("destroy")
    }
}
