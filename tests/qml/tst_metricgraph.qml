import QtQuick
import QtTest
import CloudDeck

// The details' graph: axes with units, the readout under the pointer (value, gap, none), gaps,
// empty and one-point series, absurd values, and the line visible on both themes.
TestCase {
    id: testCase
    name: "MetricGraph"
    when: windowShown
    visible: true
    width: 500
    height: 300

    readonly property double t0: Date.UTC(2026, 11, 7, 12, 0, 0)
    function series(values, stepSeconds) {
        const points = []
        for (let i = 0; i < values.length; ++i)
            points.push([t0 + i * stepSeconds * 1000, values[i]])
        return points
    }
    function ramp(count) {
        const values = []
        for (let i = 0; i < count; ++i)
            values.push(i)
        return values
    }

    Component {
        id: graphComponent
        Rectangle {
            property alias graph: graph
            property alias source: source
            width: 400
            height: 160
            color: Theme.surface
            MetricSource { id: source; kind: "cpu"; span: "1h" }
            MetricGraph {
                id: graph
                anchors.fill: parent
                source: source
                color: Theme.chartLine
                textColor: Theme.textSecondary
                gridColor: Theme.chartGrid
            }
        }
    }

    function init() { AppSettings.theme = "light" }
    function cleanupTestCase() { AppSettings.theme = "light" }

    function make() {
        const box = createTemporaryObject(graphComponent, testCase)
        verify(box)
        return box
    }
    function differs(c, background) {
        return Math.abs(c.r - background.r) + Math.abs(c.g - background.g) + Math.abs(c.b - background.b) > 0.3
    }
    function inkedInColumn(image, x, y0, y1, background) {
        let count = 0
        for (let y = Math.ceil(y0); y < Math.floor(y1); ++y)
            count += differs(image.pixel(x, y), background) ? 1 : 0
        return count
    }

    function test_implicitSizeAndEmptyAxes() {
        const bare = createTemporaryQmlObject("import CloudDeck\nMetricGraph {}", testCase)
        verify(bare.implicitWidth >= 200)
        verify(bare.implicitHeight >= 100)
        compare(bare.hasReadout, false)
        const box = make()
        compare(box.source.hasData, false)
        // CPU's axis is 0-100 % even before any point: the empty graph is not a blank box.
        compare(box.graph.valueLabels, ["0", "50\u202f%", "100\u202f%"])
        verify(box.graph.plotArea.width > 300)
        box.graph.probeX = 200
        compare(box.graph.hasReadout, false)
    }

    function test_readout() {
        const box = make()
        box.source.showPoints(series(ramp(61), 60), "%", 60) // 0 % .. 60 % over the hour
        compare(box.source.summaryText, "min 0\u202f% · avg 30\u202f% · max 60\u202f%")
        compare(box.source.resolutionText, "1-minute points")
        const area = box.graph.plotArea
        box.graph.probeX = area.x + area.width / 2
        verify(box.graph.hasReadout)
        compare(box.graph.readoutValue, "30\u202f%")
        // Local time of the middle point, as the locale writes a short time (without seconds).
        const middle = new Date(t0 + 30 * 60000)
        const format = Qt.locale().timeFormat(Locale.ShortFormat).replace(/[:.]ss?/, "")
        compare(box.graph.readoutTime, middle.toLocaleTimeString(Qt.locale(), format))
        verify(box.graph.readoutText.indexOf("30\u202f%") > 0)
        fuzzyCompare(box.graph.readoutPoint.x, area.x + area.width / 2, 4)
        fuzzyCompare(box.graph.readoutPoint.y, area.y + area.height * 0.7, 2)
        box.graph.probeX = area.x + area.width // the newest point
        compare(box.graph.readoutValue, "60\u202f%")
        box.graph.probeX = -1
        compare(box.graph.hasReadout, false)
        compare(box.graph.readoutText, "")
    }

    function test_keyboardStepsPointByPoint() {
        const box = make()
        box.source.showPoints(series(ramp(61), 60), "%", 60)
        box.graph.stepProbe(-1) // none yet: the newest point
        compare(box.graph.readoutValue, "60\u202f%")
        box.graph.stepProbe(-1)
        compare(box.graph.readoutValue, "59\u202f%")
        box.graph.stepProbe(1)
        box.graph.stepProbe(1) // past the newest: stays there
        compare(box.graph.readoutValue, "60\u202f%")
    }

    function test_hoverReadsOut() {
        const box = make()
        box.source.showPoints(series(ramp(61), 60), "%", 60)
        const area = box.graph.plotArea
        mouseMove(box.graph, area.x + area.width / 2, area.y + 10)
        tryVerify(() => box.graph.hasReadout)
        compare(box.graph.readoutValue, "30\u202f%")
    }

    function test_gapsReadAsNoData() {
        const box = make()
        const values = ramp(61).map(i => i >= 20 && i < 40 ? null : 25)
        box.source.showPoints(series(values, 60), "%", 60)
        const area = box.graph.plotArea
        box.graph.probeX = area.x + area.width / 2
        compare(box.graph.readoutValue, "no data")
        box.graph.probeX = area.x + area.width / 10
        compare(box.graph.readoutValue, "25\u202f%")
        const image = grabImage(box)
        const x = Math.round(area.x + area.width / 2)
        // No line, no fill in the hole (the readout's crosshair is off for the grab).
        box.graph.probeX = -1
        const clean = grabImage(box)
        compare(inkedInColumn(clean, x, area.y + 4, area.bottom - 4, Theme.surface), 0)
        verify(inkedInColumn(clean, Math.round(area.x + area.width / 10), area.y, area.bottom, Theme.surface) > 0)
        verify(image.width > 0)
    }

    function test_onePoint() {
        const box = make()
        box.source.showPoints(series([42], 300), "%", 300)
        compare(box.source.count, 1)
        const area = box.graph.plotArea
        box.graph.probeX = area.right
        compare(box.graph.readoutValue, "42\u202f%")
        compare(box.source.resolutionText, "5-minute points")
    }

    function test_unitsOnTheValueAxis() {
        const box = make()
        box.source.kind = "network_in"
        box.source.showPoints(series([1.2e6, 3.4e6, 8e6], 300), "bit/s", 300)
        compare(box.graph.valueLabels, ["0", "5\u202fMbit/s", "10\u202fMbit/s"])
        box.source.showPoints(series([100, 2048, 900], 3600), "B/s", 3600)
        compare(box.graph.valueLabels, ["0", "1.25\u202fkB/s", "2.5\u202fkB/s"])
        compare(box.source.resolutionText, "hourly points")
    }

    function test_timeAxisInLocalTime() {
        const box = make()
        box.source.showPoints(series(ramp(61), 60), "%", 60)
        const labels = box.graph.timeLabels
        verify(labels.length >= 3, labels)
        // Each label is a round local time inside the hour shown.
        for (const text of labels)
            verify(text.length >= 4, text)
        box.source.span = "7d"
        box.source.showPoints(series(ramp(8), 86400), "%", 86400)
        verify(box.graph.timeLabels.length >= 3)
        compare(box.source.resolutionText, "daily points")
    }

    function test_extremeValues() {
        const box = make()
        box.source.showPoints(series([0, 1e308, -1e308, Infinity, NaN, 50, 100], 60), "%", 60)
        verify(box.graph.valueLabels.length === 3)
        box.graph.probeX = box.graph.plotArea.right
        compare(box.graph.readoutValue, "100\u202f%")
        verify(grabImage(box).width > 0)
        box.source.kind = "disk_read"
        box.source.showPoints(series([-5, 0, 1e15], 60), "B/s", 60)
        compare(box.graph.valueLabels.length, 3)
        verify(box.graph.valueLabels[0].indexOf("-") === 0 || box.graph.valueLabels[0].indexOf("−") === 0,
               box.graph.valueLabels[0])
    }

    function test_lineOnBothThemes_data() { return [{ tag: "light" }, { tag: "dark" }] }
    function test_lineOnBothThemes(data) {
        AppSettings.theme = data.tag
        const box = make()
        box.source.showPoints(series(ramp(61).map(() => 50), 60), "%", 60)
        const area = box.graph.plotArea
        const image = grabImage(box)
        const x = Math.round(area.x + area.width / 2)
        const y = Math.round(area.y + area.height / 2)
        verify(differs(image.pixel(x, y), Theme.surface), "the line at 50 %")
        // Above the line: only the surface (and the grid's 50 % line is under the series).
        verify(!differs(image.pixel(x, Math.round(area.y + area.height / 4)), Theme.surface))
        // Axis labels are drawn in the text colour left of the plot.
        let labelInk = 0
        for (let lx = 0; lx < area.x; ++lx)
            for (let ly = Math.round(area.y - 6); ly < area.y + 6; ++ly)
                labelInk += differs(image.pixel(lx, ly), Theme.surface) ? 1 : 0
        verify(labelInk > 0, "the 100 % label")
    }
}
