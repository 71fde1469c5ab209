import QtQuick
import QtTest
import CloudDeck

// The row's sparkline: drawn from a MetricSource without any per-point item; empty, one point,
// gaps and absurd values; its line visible on both themes' surfaces.
TestCase {
    id: testCase
    name: "Sparkline"
    when: windowShown
    visible: true
    width: 400
    height: 200

    readonly property double t0: Date.UTC(2026, 11, 7, 12, 0, 0)
    function minutes(values) {
        const points = []
        for (let i = 0; i < values.length; ++i)
            points.push([t0 + i * 60000, values[i]])
        return points
    }

    Component {
        id: cellComponent
        Rectangle {
            id: back
            property alias line: line
            property alias source: source
            width: 120
            height: 40
            color: Theme.surface
            MetricSource { id: source; kind: "cpu" }
            Sparkline {
                id: line
                anchors.fill: parent
                source: source
                color: Theme.chartLine
            }
        }
    }

    function init() { AppSettings.theme = "light" }
    function cleanupTestCase() { AppSettings.theme = "light" }

    function make() {
        const cell = createTemporaryObject(cellComponent, testCase)
        verify(cell)
        return cell
    }

    /// How many pixels of @p image differ clearly from @p background in the column at @p x.
    function inked(image, x, background) {
        let count = 0
        for (let y = 0; y < image.height; ++y) {
            const c = image.pixel(x, y)
            if (Math.abs(c.r - background.r) + Math.abs(c.g - background.g) + Math.abs(c.b - background.b) > 0.3)
                ++count
        }
        return count
    }

    function test_implicitSize() {
        const line = make().line
        const bare = createTemporaryQmlObject("import CloudDeck\nSparkline {}", testCase)
        verify(bare.implicitWidth >= 48)
        verify(bare.implicitHeight >= 16)
        compare(line.segmentCount, 0)
    }

    function test_empty() {
        const cell = make()
        cell.source.showPoints([], "%", 60)
        compare(cell.source.hasData, false)
        compare(cell.source.lastText, "—")
        compare(cell.line.segmentCount, 0)
        const image = grabImage(cell)
        compare(inked(image, 60, Theme.surface), 0)
    }

    function test_onePoint() {
        const cell = make()
        cell.source.showPoints(minutes([40]), "%", 60)
        compare(cell.source.count, 1)
        compare(cell.line.segmentCount, 1)
        // The lone point is at the right edge (the newest); it shows as a dot, not nothing.
        const image = grabImage(cell)
        let any = 0
        for (let x = image.width - 8; x < image.width; ++x)
            any += inked(image, x, Theme.surface)
        verify(any > 0, "a single point is drawn")
    }

    function test_lineWhereExpected_data() { return [{ tag: "light" }, { tag: "dark" }] }
    function test_lineWhereExpected(data) {
        AppSettings.theme = data.tag
        compare(Theme.dark, data.tag === "dark")
        const cell = make()
        const values = []
        for (let i = 0; i <= 60; ++i)
            values.push(50)
        cell.source.showPoints(minutes(values), "%", 60)
        compare(cell.line.segmentCount, 1)
        compare(cell.source.lastText, "50\u202f%")
        const image = grabImage(cell)
        verify(inked(image, 60, Theme.surface) > 0, "the line crosses the middle column")
        // 50 % of 0-100: half way down, give or take the line's width; the fill is below it.
        const mid = image.pixel(60, Math.round(cell.height / 2))
        verify(Math.abs(mid.r - Theme.surface.r) + Math.abs(mid.b - Theme.surface.b) > 0.3)
        const top = image.pixel(60, 2)
        compare(Math.abs(top.r - Theme.surface.r) + Math.abs(top.b - Theme.surface.b) < 0.05, true)
    }

    function test_gaps() {
        const cell = make()
        const values = []
        for (let i = 0; i <= 60; ++i)
            values.push(i >= 20 && i < 40 ? null : 30)
        cell.source.showPoints(minutes(values), "%", 60)
        compare(cell.line.segmentCount, 2)
        compare(cell.source.count, 41)
        const image = grabImage(cell)
        // The middle third is a hole: nothing drawn there, the line on both sides.
        compare(inked(image, 60, Theme.surface), 0)
        verify(inked(image, 15, Theme.surface) > 0)
        verify(inked(image, 105, Theme.surface) > 0)
    }

    function test_holeWithoutNulls() {
        const cell = make()
        // Samples missing altogether (no nulls) for half an hour of a one-minute series.
        const points = [[t0, 10], [t0 + 60000, 12], [t0 + 31 * 60000, 11], [t0 + 32 * 60000, 9]]
        cell.source.showPoints(points, "%", 60)
        compare(cell.line.segmentCount, 2)
    }

    function test_extremeValues() {
        const cell = make()
        cell.source.showPoints(minutes([0, 1e308, -1e308, Infinity, NaN, 100, 5e-324, 100]), "%", 60)
        verify(cell.line.segmentCount >= 2) // Infinity and NaN break the line
        const image = grabImage(cell)
        verify(image.width > 0)
        cell.source.showPoints(minutes([1e12, 3e12, 2e12]), "B/s", 60)
        compare(cell.source.lastText, "2\u202fTB/s")
        compare(cell.line.segmentCount, 1)
    }
}
