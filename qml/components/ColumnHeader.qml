pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import CloudDeck

// Column titles of the machine list's compact layout, placed by MachineColumns as the rows'
// cells are: a click sorts by that column, a separator drags to resize (double-click fits),
// right click or long press opens the menu that shows and hides columns.
Rectangle {
    id: header

    required property MachineColumns columns
    required property MachineFilterModel filters
    /// The column menu, built the first time it opens.
    property Menu menu: null

    /// A separator was double-clicked: the view measures its rows and calls columns.fit().
    signal fitRequested(string columnId, real titleWidth)

    function openMenu(x, y) {
        if (!menu)
            menu = columnMenuComponent.createObject(header)
        menu.popup(header, x, y)
    }
    function sortBy(key) {
        if (key < 0)
            return
        if (filters.sortKey === key)
            filters.sortOrder = filters.sortOrder === Qt.DescendingOrder ? Qt.AscendingOrder : Qt.DescendingOrder
        else
            filters.sortKey = key
    }

    implicitHeight: 30
    color: Theme.window
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: (point) => header.openMenu(point.position.x, point.position.y)
    }
    Item {
        id: titles
        anchors.fill: parent
        anchors.leftMargin: Theme.columnLead
        anchors.rightMargin: Theme.columnTrail - Theme.columnGap
        Repeater {
            model: header.columns
            delegate: Item {
                id: column
                required property string columnId
                required property string title
                required property real position
                required property real columnWidth
                required property bool shown
                required property bool resizable
                required property int sortKey
                required property bool alignRight
                objectName: "header_" + columnId
                x: position
                width: columnWidth
                height: titles.height
                visible: shown

                AbstractButton {
                    id: titleButton
                    anchors.fill: parent
                    enabled: column.sortKey >= 0
                    focusPolicy: Qt.StrongFocus
                    text: column.title
                    Accessible.name: enabled ? qsTr("Sort by %1").arg(text) : text
                    onClicked: header.sortBy(column.sortKey)
                    onPressAndHold: header.openMenu(column.x + width / 2, height)
                    Keys.onMenuPressed: header.openMenu(column.x + width / 2, height)
                    // Without a mouse: Alt+Left/Right narrows or widens the focused column.
                    Keys.onPressed: (event) => {
                        if (!column.resizable || !(event.modifiers & Qt.AltModifier))
                            return
                        if (event.key === Qt.Key_Left || event.key === Qt.Key_Right) {
                            header.columns.resize(column.columnId, column.columnWidth
                                                  + (event.key === Qt.Key_Right ? 16 : -16))
                            event.accepted = true
                        }
                    }
                    Accessible.description: column.resizable ? qsTr("Alt+Left and Alt+Right change its width; the menu key shows or hides columns")
                                                             : qsTr("The menu key shows or hides columns")
                    readonly property real fitWidth: titleRow.implicitWidth
                    contentItem: Row { // qmllint disable deferred-property-id
                        id: titleRow
                        layoutDirection: column.alignRight ? Qt.RightToLeft : Qt.LeftToRight
                        spacing: 4
                        Label {
                            anchors.verticalCenter: parent.verticalCenter
                            width: Math.min(implicitWidth, column.width - 16)
                            elide: Text.ElideRight
                            text: column.title
                            color: titleButton.hovered ? Theme.text : Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                            font.weight: column.sortKey >= 0 && header.filters.sortKey === column.sortKey ? Font.Bold : Font.DemiBold
                        }
                        SvgIcon {
                            anchors.verticalCenter: parent.verticalCenter
                            visible: column.sortKey >= 0 && header.filters.sortKey === column.sortKey
                            width: 12
                            height: 12
                            source: Theme.icon("chevron-down")
                            color: Theme.text
                            rotation: header.filters.sortOrder === Qt.DescendingOrder ? 0 : 180
                        }
                    }
                    background: Rectangle {
                        color: "transparent"
                        border.width: titleButton.visualFocus ? 2 : 0
                        border.color: Theme.focus
                    }
                }
                // The separator on the column's left: Name, on the far left, takes what the
                // columns leave, so dragging it left widens this column and the separator
                // stays under the pointer.
                MouseArea {
                    id: handle
                    objectName: "separator_" + column.columnId
                    property real startX: 0
                    property real startWidth: 0
                    visible: column.resizable
                    x: -Theme.columnGap / 2 - width / 2
                    width: Theme.columnHandleWidth
                    height: parent.height
                    hoverEnabled: true
                    preventStealing: true
                    cursorShape: Qt.SplitHCursor
                    Accessible.role: Accessible.Separator
                    Accessible.name: qsTr("Resize %1").arg(column.title)
                    onPressed: (mouse) => {
                        startX = mapToItem(titles, mouse.x, 0).x
                        startWidth = column.columnWidth
                    }
                    onPositionChanged: (mouse) => {
                        if (pressed)
                            header.columns.resize(column.columnId, startWidth - (mapToItem(titles, mouse.x, 0).x - startX))
                    }
                    onDoubleClicked: header.fitRequested(column.columnId, titleButton.fitWidth)
                    Rectangle {
                        anchors.centerIn: parent
                        width: handle.containsMouse || handle.pressed ? 2 : 1
                        height: parent.height - Theme.spacingS
                        color: handle.containsMouse || handle.pressed ? Theme.accent : Theme.divider
                    }
                }
            }
        }
    }
    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.divider }

    Component {
        id: columnMenuComponent
        Menu {
            id: columnMenu
            objectName: "columnMenu"
            Instantiator {
                model: header.columns
                delegate: MenuItem {
                    id: columnItem
                    required property var model
                    objectName: "columnMenu_" + model.columnId
                    // A column wanted but dropped for lack of room says so, or the check
                    // would look broken.
                    text: model.checked && !model.shown ? qsTr("%1 (no room at this width)").arg(model.title)
                                                        : model.title
                    checkable: true
                    checked: model.checked
                    enabled: model.hideable
                    onTriggered: {
                        header.columns.setChecked(model.columnId, !model.checked)
                        checked = Qt.binding(() => columnItem.model.checked)
                    }
                }
                onObjectAdded: (index, object) => columnMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => columnMenu.removeItem(object)
            }
            MenuSeparator {}
            MenuItem {
                objectName: "columnMenu_reset"
                text: qsTr("Reset columns")
                enabled: header.columns.customized
                onTriggered: header.columns.reset()
            }
        }
    }
}
