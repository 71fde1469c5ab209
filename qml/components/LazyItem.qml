import QtQuick

// Builds its component into itself (filling it) the first time `active` is true, and keeps it:
// what a Loader does, for components bound to their file (pragma ComponentBehavior: Bound).
// Qt 6.4's Loader instantiates a component in a context of its own, which it refuses for those
// ("Cannot instantiate bound component outside its creation context"); createObject() uses the
// component's own context.
Item {
    id: lazy

    property Component component: null
    property bool active: false
    /// The built item, else null.
    property Item item: null

    function build() {
        if (item || !component)
            return
        item = component.createObject(lazy)
        if (item)
            item.anchors.fill = lazy
    }

    onActiveChanged: if (active) build()
    Component.onCompleted: if (active) build()
}
