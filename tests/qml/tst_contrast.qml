import QtQuick
import QtTest
import CloudDeck

// WCAG 2 contrast of every text colour of the Theme on every background it is drawn on, in
// both themes: at least 4.5:1 (UI.md). Disabled controls are exempt (WCAG 1.4.3), so
// textDisabled is checked nowhere; text that states a fact uses textSecondary instead.
TestCase {
    id: testCase
    name: "Contrast"

    readonly property var surfaces: ["window", "surface", "surfaceRaised", "sidebar", "hover", "selection"]
    // [text, backgrounds]
    readonly property var pairs: [
        ["text", surfaces],
        ["textSecondary", surfaces],
        ["accent", ["window", "surface", "sidebar", "hover"]], // links and flat buttons
        ["danger", ["window", "surface", "sidebar", "hover", "dangerSoft"]], // inline errors
        ["warningText", ["window", "surface", "sidebar", "warningSoft"]],
        ["accentSoftText", ["accentSoft"]],
        ["demo", ["demoSoft", "surface"]],
        ["accentText", ["accent"]], // primary buttons
        ["dangerText", ["dangerFill"]], // the destroy button
        ["fillText", ["dangerFill", "accentFill", "successFill"]], // swipe actions
        ["tooltipText", ["tooltip"]],
    ]
    readonly property var states: ["running", "stopped", "starting", "stopping", "rebooting", "pending",
                                   "error", "suspended", "terminated", "unknown"]

    function linear(c) { return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4) }
    function luminance(c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b) }
    function ratio(a, b) {
        const la = luminance(a), lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }
    // What a translucent colour looks like over an opaque one.
    function over(top, base) {
        const a = top.a
        return Qt.rgba(top.r * a + base.r * (1 - a), top.g * a + base.g * (1 - a), top.b * a + base.b * (1 - a), 1)
    }

    function init() { AppSettings.theme = "light" }
    function cleanupTestCase() { AppSettings.theme = "light" }

    function test_textOnBackgrounds_data() { return [{ tag: "light" }, { tag: "dark" }] }
    function test_textOnBackgrounds(data) {
        AppSettings.theme = data.tag
        compare(Theme.dark, data.tag === "dark")
        const failures = []
        for (const [text, backgrounds] of pairs) {
            for (const background of backgrounds) {
                const r = ratio(Theme[text], over(Theme[background], Theme.surface))
                if (r < 4.5)
                    failures.push(`${text} on ${background}: ${r.toFixed(2)}:1`)
            }
        }
        compare(failures, [], data.tag)
    }

    // A state chip: the state's words on the state's tint, over every surface a row can have.
    function test_stateChips_data() { return [{ tag: "light" }, { tag: "dark" }] }
    function test_stateChips(data) {
        AppSettings.theme = data.tag
        const failures = []
        for (const stateId of states) {
            const tint = Theme.tint(Theme.stateColor(stateId), Theme.dark ? 0.16 : 0.10)
            for (const background of surfaces) {
                const r = ratio(Theme.stateTextColor(stateId), over(tint, Theme[background]))
                if (r < 4.5)
                    failures.push(`${stateId} on ${background}: ${r.toFixed(2)}:1`)
            }
        }
        compare(failures, [], data.tag)
    }
}
