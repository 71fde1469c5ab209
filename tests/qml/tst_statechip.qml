import QtQuick
import QtTest
import CloudDeck

// State is never shown by colour alone: every state has its own glyph and its own text.
TestCase {
    id: testCase
    name: "StateChip"
    when: windowShown
    visible: true // TestCase hides itself by default; the components under test must be shown
    width: 400
    height: 200

    Component {
        id: chipComponent
        StateChip {}
    }

    function child(chip, objectName) {
        for (let i = 0; i < chip.children.length; ++i) {
            if (chip.children[i].objectName === objectName)
                return chip.children[i]
        }
        return null
    }
    function textOf(chip) { return child(chip, "stateText") }
    function glyphOf(chip) { return child(chip, "stateGlyph") }

    function test_everyStateHasGlyphTextAndColour_data() {
        return [
            { tag: "running", text: "Running" },
            { tag: "stopped", text: "Stopped" },
            { tag: "starting", text: "Starting…" },
            { tag: "stopping", text: "Stopping…" },
            { tag: "rebooting", text: "Rebooting…" },
            { tag: "pending", text: "Creating…" },
            { tag: "suspended", text: "Suspended" },
            { tag: "error", text: "Error" },
            { tag: "terminated", text: "Destroyed" },
            { tag: "unknown", text: "Unknown" },
        ]
    }
    function test_everyStateHasGlyphTextAndColour(data) {
        const chip = createTemporaryObject(chipComponent, testCase, { stateId: data.tag, stateText: data.text })
        verify(chip)
        const label = textOf(chip)
        const glyph = glyphOf(chip)
        verify(label, "the chip shows text")
        verify(glyph, "the chip shows a glyph")
        compare(label.text, data.text)
        compare(glyph.source.toString(), Theme.stateGlyph(data.tag))
        verify(glyph.valid, "the glyph's SVG exists")
        compare(Qt.colorEqual(label.color, Theme.stateTextColor(data.tag)), true) // 4.5:1 (tst_contrast)
        compare(chip.Accessible.name, "State: " + data.text)
        verify(chip.implicitWidth > glyph.width + 10)
    }

    function test_transitionsShareAGlyphButNotStableStates() {
        const stable = ["running", "stopped", "error", "suspended", "terminated", "unknown"]
        const glyphs = stable.map(s => Theme.stateGlyph(s))
        compare(new Set(glyphs).size, stable.length, "every stable state has a glyph of its own")
        for (const s of ["starting", "stopping", "rebooting", "pending"]) {
            compare(Theme.stateGlyph(s), Theme.stateGlyph("starting"))
            verify(glyphs.indexOf(Theme.stateGlyph(s)) < 0)
        }
    }

    function test_errorShowsItsShortReason() {
        const chip = createTemporaryObject(chipComponent, testCase,
                                           { stateId: "error", stateText: "Error", reason: "host failure" })
        compare(textOf(chip).text, "Error: host failure")
        compare(chip.Accessible.name, "State: Error: host failure")
    }

    function test_destroyedIsStruckThrough() {
        const chip = createTemporaryObject(chipComponent, testCase, { stateId: "terminated", stateText: "Destroyed" })
        verify(textOf(chip).font.strikeout)
        const running = createTemporaryObject(chipComponent, testCase, { stateId: "running", stateText: "Running" })
        verify(!textOf(running).font.strikeout)
    }

    function test_transitionGlyphMovesStableGlyphDoesNot() {
        const busy = createTemporaryObject(chipComponent, testCase, { stateId: "rebooting", stateText: "Rebooting…" })
        const calm = createTemporaryObject(chipComponent, testCase, { stateId: "running", stateText: "Running" })
        verify(glyphOf(busy).transition)
        verify(!glyphOf(calm).transition)
    }

    function test_longTextIsElidedWithinMaximumWidth() {
        const chip = createTemporaryObject(chipComponent, testCase,
                                           { stateId: "error", stateText: "Error", maximumWidth: 120,
                                             reason: "the hypervisor lost its storage network and gave up" })
        verify(chip.implicitWidth <= 120)
        chip.width = chip.implicitWidth
        verify(textOf(chip).truncated)
    }
}
