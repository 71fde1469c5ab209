import QtQuick
import QtTest
import CloudDeck

// Every window shortcut, pressed as a real key event: each reaches its action exactly once.
TestCase {
    id: testCase
    name: "Shortcuts"
    when: windowShown
    visible: true
    width: 400
    height: 200

    Component {
        id: shortcutsComponent
        AppShortcuts { escapeEnabled: true }
    }

    function check(signalName, press) {
        const shortcuts = createTemporaryObject(shortcutsComponent, testCase)
        verify(shortcuts)
        const spy = createTemporaryObject(spyComponent, testCase, { target: shortcuts, signalName: signalName })
        press()
        compare(spy.count, 1, signalName)
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    function test_find() { check("findRequested", () => keyClick(Qt.Key_F, Qt.ControlModifier)) }
    function test_refreshF5() { check("refreshRequested", () => keyClick(Qt.Key_F5)) }
    function test_refreshCtrlR() { check("refreshRequested", () => keyClick(Qt.Key_R, Qt.ControlModifier)) }
    function test_create() { check("createRequested", () => keyClick(Qt.Key_N, Qt.ControlModifier)) }
    function test_preferences() { check("preferencesRequested", () => keyClick(Qt.Key_Comma, Qt.ControlModifier)) }
    function test_destroy() { check("destroyRequested", () => keyClick(Qt.Key_Delete)) }
    function test_selectAll() { check("selectAllRequested", () => keyClick(Qt.Key_A, Qt.ControlModifier)) }
    function test_escape() { check("escapeRequested", () => keyClick(Qt.Key_Escape)) }

}
