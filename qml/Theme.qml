pragma Singleton
import QtQuick
import CloudDeck

// Every colour, size and duration of the app. Pages use these names, never literals.
QtObject {
    id: theme

    readonly property bool dark: AppSettings.theme === "dark"
                                 || (AppSettings.theme === "system" && Platform.systemDark)
    // Comfortable (touch) or compact (mouse) density; a setting can override the guess.
    readonly property bool touch: AppSettings.density === "comfortable"
                                  || (AppSettings.density === "auto" && Platform.touchPrimary)

    // Surfaces and text. Text colours keep at least 4.5:1 on the surfaces they sit on.
    readonly property color window: dark ? "#121418" : "#f3f4f6"
    readonly property color surface: dark ? "#1b1e23" : "#ffffff"
    readonly property color surfaceRaised: dark ? "#23272d" : "#ffffff"
    readonly property color sidebar: dark ? "#16191d" : "#eceef2"
    readonly property color hover: dark ? "#262a31" : "#f0f2f5"
    readonly property color pressed: dark ? "#2e333b" : "#e6e9ee"
    readonly property color border: dark ? "#2c3139" : "#dde1e7"
    readonly property color divider: dark ? "#252930" : "#eceef1"
    readonly property color text: dark ? "#e8eaed" : "#1a1d21"
    readonly property color textSecondary: dark ? "#a4abb6" : "#5b6470"
    readonly property color textDisabled: dark ? "#6b727d" : "#9aa1ab"
    readonly property color accent: dark ? "#6ea8ff" : "#1f5fcc"
    readonly property color accentText: dark ? "#0b1a33" : "#ffffff"
    readonly property color accentSoft: dark ? "#1d2c45" : "#e5eefc"
    readonly property color accentSoftText: dark ? "#a9c8ff" : "#184c9f"
    readonly property color selection: dark ? "#1f3150" : "#dce8fb"
    readonly property color focus: dark ? "#8ab8ff" : "#1f5fcc"
    readonly property color danger: dark ? "#ff8a80" : "#c62828" // as text: 4.5:1 on hover and dangerSoft
    readonly property color dangerText: "#ffffff"
    // Fills under white text (the danger button, swipe actions): 4.5:1 in both themes, where the
    // dark theme's lighter accent colours would give 2.4-3.5:1.
    readonly property color dangerFill: "#c62828"
    readonly property color accentFill: dark ? "#2f62b8" : "#1f5fcc"
    readonly property color successFill: "#2e7d32"
    readonly property color fillText: "#ffffff"
    readonly property color dangerSoft: dark ? "#3a1f22" : "#fdecec"
    readonly property color warning: dark ? "#ffb74d" : "#b26a00"
    readonly property color warningSoft: dark ? "#3a2e1a" : "#fff4e0"
    readonly property color warningText: dark ? "#ffb74d" : "#8a5300" // warning as text, 4.5:1
    readonly property color success: dark ? "#66bb6a" : "#2e7d32"
    readonly property color demo: dark ? "#b39ddb" : "#5e35b1"
    readonly property color demoSoft: dark ? "#2c2540" : "#efe9fb"
    readonly property color scrim: dark ? "#99000000" : "#66000000"
    readonly property color scrimBase: dark ? "#e6000000" : "#a0000000"
    readonly property color shadow: dark ? "#66000000" : "#24000000"
    readonly property color tooltip: dark ? "#e8eaed" : "#2b2f35"
    readonly property color tooltipText: dark ? "#1a1d21" : "#ffffff"
    // Metrics: one hue (blue, told apart from every state colour by people with any common
    // colour-vision deficiency) and always a number beside it, never colour alone.
    readonly property color chartLine: dark ? "#7cb4ff" : "#1f5fcc"
    readonly property color chartGrid: dark ? "#2c3139" : "#e3e7ec"

    // Machine states: colour AND glyph AND text, never colour alone (UI.md).
    function stateColor(stateId) {
        switch (stateId) {
        case "running": return dark ? "#66bb6a" : "#2e7d32"
        case "stopped": return dark ? "#9e9e9e" : "#616161"
        case "starting":
        case "stopping":
        case "rebooting":
        case "pending": return dark ? "#ffb74d" : "#b26a00"
        case "error": return dark ? "#ef5350" : "#c62828"
        case "suspended": return dark ? "#90a4ae" : "#455a64"
        case "terminated": return textDisabled
        case "template": return dark ? "#9fa8da" : "#3949ab"
        default: return dark ? "#9e9e9e" : "#757575"
        }
    }
    // A state's words in its chip: the state's hue, dark (light) enough for 4.5:1 on the chip's
    // tint over any surface, selection included. The glyph keeps stateColor.
    function stateTextColor(stateId) {
        switch (stateId) {
        case "running": return dark ? "#81c784" : "#1b5e20"
        case "stopped": return dark ? "#bdbdbd" : "#545454"
        case "starting":
        case "stopping":
        case "rebooting":
        case "pending": return dark ? "#ffb74d" : "#8a5300"
        case "error": return dark ? "#ff8a80" : "#b71c1c"
        case "suspended": return dark ? "#b0bec5" : "#455a64"
        case "terminated": return textSecondary
        default: return dark ? "#bdbdbd" : "#545454"
        }
    }
    function stateGlyph(stateId) {
        switch (stateId) {
        case "running": return icon("state-running")
        case "stopped": return icon("state-stopped")
        case "starting":
        case "stopping":
        case "rebooting":
        case "pending": return icon("state-transition")
        case "error": return icon("state-error")
        case "suspended": return icon("state-suspended")
        case "terminated": return icon("state-terminated")
        case "template": return icon("copy")
        default: return icon("state-unknown")
        }
    }
    // MachineStates.Tone as a fill behind white text (swipe actions).
    function toneColor(tone) {
        switch (tone) {
        case MachineStates.Destructive: return dangerFill
        case MachineStates.Positive: return successFill
        default: return accentFill
        }
    }
    function tint(base, alpha) { return Qt.rgba(base.r, base.g, base.b, alpha) }
    function icon(name) { return "qrc:/clouddeck/icons/" + name + ".svg" }
    function illustration(name) { return "qrc:/clouddeck/illustrations/" + name + ".svg" }
    function mark(providerId) { return "qrc:/clouddeck/marks/" + providerId + ".svg" }
    function actionIcon(action) {
        switch (action) {
        case "start": return icon("start")
        case "shutdown": return icon("shutdown")
        case "poweroff": return icon("poweroff")
        case "reboot": return icon("reboot")
        case "destroy": return icon("destroy")
        default: return icon("more")
        }
    }

    // Spacing on a 4/8 px grid.
    readonly property int spacingXs: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24
    readonly property int spacingXxl: 32

    readonly property int radiusS: 6
    readonly property int radiusM: 10
    readonly property int radiusL: 14

    // Touch targets at least 48 px; compact rows about 44 px with a mouse.
    readonly property int rowHeight: touch ? 68 : 44
    readonly property int controlHeight: touch ? 48 : 36
    readonly property int iconButtonSize: touch ? 48 : 36
    readonly property int iconSize: 20
    readonly property int smallIconSize: 16
    readonly property int headerHeight: touch ? 64 : 56
    readonly property int chipHeight: touch ? 36 : 30
    /// What a chip answers to: 48 px with touch (UI.md's minimum target), the chip drawn inside.
    readonly property int chipTargetHeight: touch ? 48 : chipHeight
    readonly property int markSize: touch ? 36 : 28
    // Grid cards: never narrower than cardMinWidth (unless the window is); the columns follow
    // the width, and the cards share what is left over.
    readonly property int cardMinWidth: 280
    readonly property int cardGap: spacingS
    readonly property int cardHeight: touch ? 176 : 156
    readonly property int sparklineWidth: 60
    readonly property int sparklineHeight: 20
    readonly property int graphHeight: touch ? 140 : 120
    function cardColumns(width) {
        return Math.max(1, Math.floor(width / (cardMinWidth + cardGap))) // a cell holds card + gap
    }

    // Compact list columns: MachineColumns (C++) decides which are shown and how wide; these are
    // the pieces of the row around them, shared by the header and the rows so both line up.
    readonly property int columnGap: spacingM
    readonly property int columnLead: spacingL + markSize + spacingM // mark, then the first cell
    readonly property int columnTrail: spacingM + 32 + spacingS // the row's "more" button
    // The separator's hit area: 24 px with touch (a finger finds it), 10 with a mouse, so the
    // titles around it still take their clicks.
    readonly property int columnHandleWidth: touch ? 24 : 10
    readonly property int columnCpuMinWidth: 560 // the touch row's CPU from this width on
    readonly property int columnCpuWidth: 104

    // Panes and breakpoints (window width).
    // Two panes from 880 px: below that a 400 px detail pane would squeeze the list unreadably.
    readonly property int narrowBreakpoint: 880
    readonly property int wideBreakpoint: 1200
    readonly property int sidebarWidth: 280
    readonly property int sidebarMinWidth: 220
    readonly property int sidebarMaxWidth: 320
    readonly property int detailWidth: 400
    readonly property int detailMinWidth: 340
    readonly property int detailMaxWidth: 520
    readonly property int sheetWidth: 600
    readonly property int dialogWidth: 460

    // Type: the platform font; monospace for addresses and ids.
    readonly property int fontTitle: 20
    readonly property int fontSubtitle: 16
    readonly property int fontBody: touch ? 15 : 14
    readonly property int fontCaption: 12
    readonly property int fontDisplay: 26
    readonly property string monoFamily: Platform.monoFamily
    readonly property string fontFamily: Platform.fontFamily

    // Motion: short, OutCubic; transitions pulse gently.
    readonly property bool motion: !Platform.reducedMotion
    readonly property int durationFast: motion ? 150 : 0
    readonly property int durationNormal: motion ? 200 : 0
    readonly property int durationSlow: motion ? 250 : 0
    readonly property int pulseDuration: 1100
    readonly property int spinDuration: 1400
    readonly property int toastDuration: 2200
    readonly property int longPressMs: 500
}
