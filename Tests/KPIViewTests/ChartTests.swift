import KPIEngine
import Testing
@testable import KPIView

/// Charts and sparklines tell the truth about heights: from 0, a 0 draws nothing, a day
/// without data is hatched, grouped days are said, a goal is a line.
@Suite struct ChartTests {
    let theme = ThemeLoader.builtInDefault
    var sheet: StyleSheet { StyleSheet(theme: theme, options: RenderOptions()) }
    let days = (0..<7).map { Day(year: 2026, month: 11, day: 17 + $0)! }

    func draw(_ values: [Double?], width: Int = 40, height: Int = 6, unit: KPIUnit = .count,
              mode: AxisMode = .fromZero, target: ChartTarget? = nil, currency: Currency? = nil) -> Buffer {
        var canvas = Canvas(width: width, height: height, sheet: sheet)
        canvas.chart(ChartSeries(values: values, days: Array(days.prefix(values.count)) + (values.count > 7
                        ? (7..<values.count).map { days[0].adding(days: $0) } : []),
                                 unit: unit, currency: currency, mode: mode, target: target),
                     in: canvas.bounds)
        return canvas.buffer
    }

    /// The plot's cells of the column holding `x`, bottom to top.
    func column(_ buffer: Buffer, x: Int) -> [String] {
        (0..<buffer.height - 1).reversed().map { buffer[x, $0].symbol }
    }

    @Test func columnsStartAtZeroAndAZeroDrawsNothing() throws {
        let buffer = draw([10, 0, 11, 12, 10, 11, 12])
        #expect(buffer.row(buffer.height - 2).hasPrefix(" 0 "), "bottom label: \(buffer.row(buffer.height - 2))")
        #expect(buffer.row(0).hasPrefix("12 "))
        // 10 against 12 from 0 is most of the height, not a sliver.
        let first = try #require(buffer.find("█"))
        #expect(column(buffer, x: first.x).prefix(4).allSatisfy { $0 == "█" })
        // The day with 0: nothing at all in its column.
        let zeroColumn = first.x + 5
        #expect(column(buffer, x: zeroColumn).allSatisfy { $0 == " " }, "\(buffer.text)")
    }

    @Test func aDayWithoutDataIsHatchedAndSaid() throws {
        let buffer = draw([10, nil, 11, 12, 10, 11, 12])
        let hatch = try #require(buffer.find("░"))
        #expect(column(buffer, x: hatch.x).allSatisfy { $0 == "░" })
        #expect(buffer[hatch.x, hatch.y].style.foreground == theme[.border])
        #expect(buffer.row(buffer.height - 1).contains("░ no data"), "\(buffer.text)")
        // A 0 is not hatched.
        #expect(draw([10, 0, 11]).find("░") == nil)
    }

    @Test func theZoomFitsTheDataAndSaysWhereItStarts() {
        let buffer = draw([100, 101, 102, 103, 104, 105, 106], mode: .fitted)
        #expect(!buffer.row(buffer.height - 2).hasPrefix("  0 "))
        #expect(buffer.row(buffer.height - 2).contains("99"), "\(buffer.text)")
    }

    @Test func moreDaysThanColumnsAreGroupedAndTheChartSaysSo() {
        let values: [Double?] = (0..<90).map { Double($0 % 10) + 1 }
        let buffer = draw(values, width: 60, height: 6)
        let axis = buffer.row(buffer.height - 1)
        #expect(axis.contains("2 days per column"), "\(axis)")
        let ungrouped = draw(Array(values.prefix(7)), width: 60)
        #expect(!ungrouped.text.contains("per column"))
    }

    @Test func groupsEndWithTheLastDay() {
        let grouping = DayGrouping(days: 90, slots: 40)
        #expect(grouping.daysPerGroup == 3)
        #expect(grouping.ranges.count == 30)
        #expect(grouping.ranges.last == 87..<90)
        let uneven = DayGrouping(days: 10, slots: 4)
        #expect(uneven.ranges == [0..<1, 1..<4, 4..<7, 7..<10])
        #expect(uneven.values([1, 2, 3, 4, nil, nil, nil, 8, 9, 10]) == [1, 3, nil, 9])
        #expect(DayGrouping(days: 28, slots: 60).daysPerGroup == 1)
    }

    @Test func aGoalIsALineAcrossTheChartWithItsLabel() throws {
        let buffer = draw([1, 2, 3, 2, 1, 2, 3], width: 50, height: 8,
                          target: ChartTarget(value: 4, label: "goal ≥ 4"))
        let line = try #require(buffer.find("┄┄┄"))
        #expect(buffer[line.x, line.y].style.foreground == theme[.accent])
        #expect(line.y == 0, "the target is the top of the scale:\n\(buffer.text)")
        #expect(buffer.row(buffer.height - 1).contains("┄ goal ≥ 4"))
    }

    @Test func axisLabelsAreInTheDataCurrency() {
        let buffer = draw([1200, 1500, 900], unit: .money, currency: .eur)
        #expect(buffer.row(0).hasPrefix("€1,500"), "\(buffer.text)")
        #expect(buffer.text.contains("€0.00"))
        #expect(!buffer.text.contains("$"))
    }

    @Test func aRefusedValueSaysWhyInsteadOfAChart() {
        var canvas = Canvas(width: 40, height: 5, sheet: sheet)
        canvas.chart(ChartSeries(values: [nil, nil], days: Array(days.prefix(2)), unit: .money, mode: .fromZero,
                                 unavailable: "mixed currencies: EUR, USD"), in: canvas.bounds)
        #expect(canvas.buffer.row(0).hasPrefix("mixed currencies: EUR, USD"))
        #expect(canvas.buffer[0, 0].style.foreground == theme[.warning])
    }

    @Test func negativeValuesHangBelowTheZeroLine() {
        let buffer = draw([2, -2, 2], width: 30, height: 7)
        let rows = (0..<buffer.height - 1).map { buffer.row($0) }
        #expect(rows.first!.hasPrefix(" 2 ") && rows.last!.hasPrefix("-2 "), "\(buffer.text)")
    }

    @Test func sparklinesStartAtZeroWithBlanksForZerosAndHatchesForMissingDays() {
        let marks = Sparkline.marks([0, 4, 8, nil, 8], mode: .fromZero, width: 10)
        #expect(marks.count == 5)
        #expect(marks[0] == .blank)
        guard case .level(let half, _) = marks[1], case .level(let full, _) = marks[2] else {
            Issue.record("not levels: \(marks)")
            return
        }
        #expect(half == 3 && full == 7)
        #expect(marks[3] == .noData)
        // A KPI nobody reports draws nothing at all.
        #expect(Sparkline.marks([nil, nil], mode: .fromZero, width: 10).isEmpty)
        // Zoomed, the smallest value still shows.
        if case .level = Sparkline.marks([100, 104, 108], mode: .fitted, width: 3)[0] {} else {
            Issue.record("the smallest value vanished when zoomed")
        }
    }

    @Test func theYKeyZoomsTheChartsAndTheChartSaysSo() throws {
        var model = CoverageSample.model()
        for key: Key in [.character("2"), .down, .enter, .character("y")] { _ = model.handle(key) }
        let zoomed = model.render(width: 120, height: 40, now: CoverageSample.now)
        #expect(zoomed.text.contains("y axis zoomed"), "\(zoomed.text)")
        #expect(zoomed.find("0.00%") == nil)
        _ = model.handle(.character("y"))
        let back = model.render(width: 120, height: 40, now: CoverageSample.now)
        #expect(back.find("0.00%") != nil)
        #expect(!back.text.contains("zoomed"))
    }
}
