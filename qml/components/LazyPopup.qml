import QtQuick

// A sheet or dialog that is built the first time it is wanted (get()), from its file. The
// window's first frame shows none of them, so a start builds none: building all seven, with
// the modules they import (QtQuick.Dialogs for the key file picker), was a large part of every
// start. The first opening of each pays for its build once.
QtObject {
    id: lazy

    /// The popup's file (Qt.resolvedUrl of a path next to the user).
    required property url source
    /// What it is built into: the window's content item.
    required property Item parentItem
    /// Called once with the new popup: connects its signals.
    property var setup: null
    /// The popup once built, else null.
    property QtObject object: null

    /// The popup, built now if it was not yet.
    function get() {
        if (object)
            return object
        const component = Qt.createComponent(source)
        if (component.status !== Component.Ready) {
            console.error("cannot build", source, component.errorString())
            return null
        }
        const built = component.createObject(parentItem)
        if (setup)
            setup(built)
        object = built
        return built
    }
}
