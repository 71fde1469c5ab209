pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// Our own monogram of a provider in a rounded square (drawn in resources/marks; a drawn
// fallback from the plugin's "mark" for providers without one).
Item {
    id: mark

    required property string providerId
    property string monogram: ""
    property int size: Theme.markSize

    implicitWidth: size
    implicitHeight: size
    Accessible.ignored: true

    SvgIcon {
        id: drawn
        anchors.fill: parent
        source: Theme.mark(mark.providerId)
        visible: valid
    }
    Rectangle {
        anchors.fill: parent
        visible: !drawn.valid
        radius: width * 0.23
        color: Theme.textSecondary
        Label {
            anchors.centerIn: parent
            text: mark.monogram.length > 0 ? mark.monogram : mark.providerId.slice(0, 2).toUpperCase()
            color: Theme.surface
            font.bold: true
            font.pixelSize: parent.width * (text.length > 2 ? 0.3 : 0.4)
        }
    }
}
