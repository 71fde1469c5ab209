import QtQuick
import QtTest
import CloudDeck

// "Import from installed tools" on a computer without any of the tools' files (this test's HOME
// is private and empty): the page says so in one sentence, offers to look again, and offers no
// import. The rows themselves are tst_toolimporter's (C++, with real-format files).
TestCase {
    id: testCase
    name: "ToolImportView"
    when: windowShown
    visible: true
    width: 600
    height: 600

    Component {
        id: viewComponent
        ToolImportView { width: 600; height: 600 }
    }
    SignalSpy { id: closeSpy; signalName: "closeRequested" }

    function findByType(item, predicate) {
        if (predicate(item))
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByType(item.children[i], predicate)
            if (found)
                return found
        }
        return null
    }

    function test_nothingFound() {
        const view = createTemporaryObject(viewComponent, testCase)
        verify(view)
        const list = findChild(view, "toolImportList")
        verify(list)
        tryCompare(list, "count", 0)
        const empty = findByType(view, (item) => item.title === "Nothing found")
        verify(empty, "the empty state")
        tryVerify(() => empty.visible)
        verify(empty.text.indexOf("doctl") >= 0)
        const importAll = findChild(view, "importAllButton")
        verify(importAll)
        verify(!importAll.visible, "nothing to import")
    }

    function test_closeAsks() {
        const view = createTemporaryObject(viewComponent, testCase)
        closeSpy.target = view
        closeSpy.clear()
        const close = findByType(view, (item) => item.text === "Close" && item.clicked !== undefined)
        verify(close)
        mouseClick(close)
        compare(closeSpy.count, 1)
    }
}
