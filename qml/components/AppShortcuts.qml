import QtQuick

// The window's keyboard shortcuts, one key sequence each. A Shortcut that lists a StandardKey
// beside the same literal key (StandardKey.Find and "Ctrl+F") registers that sequence twice, and
// Qt then reports it as ambiguous instead of activating it: so literal keys only, and each only
// once. ("Ctrl" is Command on macOS.)
Item {
    id: shortcuts

    property bool hasAccounts: true
    property bool escapeEnabled: false

    signal findRequested()
    signal refreshRequested()
    signal createRequested()
    signal preferencesRequested()
    signal destroyRequested()
    signal selectAllRequested()
    signal escapeRequested()

    Shortcut { sequence: "Ctrl+F"; onActivated: shortcuts.findRequested() }
    Shortcut { sequences: ["F5", "Ctrl+R"]; onActivated: shortcuts.refreshRequested() }
    Shortcut { sequence: "Ctrl+N"; onActivated: shortcuts.createRequested() }
    Shortcut { sequence: "Ctrl+,"; onActivated: shortcuts.preferencesRequested() }
    Shortcut { sequence: "Del"; onActivated: shortcuts.destroyRequested() }
    Shortcut {
        sequence: "Ctrl+A"
        enabled: shortcuts.hasAccounts
        onActivated: shortcuts.selectAllRequested()
    }
    Shortcut {
        sequence: "Esc"
        enabled: shortcuts.escapeEnabled
        onActivated: shortcuts.escapeRequested()
    }
}
