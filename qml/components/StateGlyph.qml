pragma ComponentBehavior: Bound
import QtQuick
import CloudDeck

// The glyph of a machine state; transitions turn slowly and pulse while `animated` (the list's
// rows animate only what an action of ours is doing: a thousand droplets kept "new" by the cloud
// would otherwise keep the window drawing frames, and the CPU busy, forever).
SvgIcon {
    id: glyph

    required property string stateId
    readonly property bool transition: MachineStates.isTransition(stateId)
    property bool animated: true

    implicitWidth: Theme.smallIconSize
    implicitHeight: Theme.smallIconSize
    source: Theme.stateGlyph(stateId)
    color: Theme.stateColor(stateId)
    Accessible.ignored: true

    RotationAnimator on rotation {
        running: glyph.transition && glyph.animated && glyph.visible
        from: 0
        to: 360
        duration: Theme.spinDuration
        loops: Animation.Infinite
    }
    SequentialAnimation on opacity {
        running: glyph.transition && glyph.animated && glyph.visible
        loops: Animation.Infinite
        NumberAnimation { to: 0.45; duration: Theme.pulseDuration / 2; easing.type: Easing.InOutSine }
        NumberAnimation { to: 1.0; duration: Theme.pulseDuration / 2; easing.type: Easing.InOutSine }
    }
    onTransitionChanged: if (!transition) { rotation = 0; opacity = 1 }
}
