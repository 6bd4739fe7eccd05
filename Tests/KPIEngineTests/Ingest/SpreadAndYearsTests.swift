import Testing
@testable import KPIEngine

/// The two rules that turn one export row into days: a period total spread over its days, and
/// dates without a year given one.
@Suite struct SpreadAndYearsTests {
    @Test func wholeNumbersSplitExactlyWithTheRemainderOnTheEarliestDays() {
        let spread = PeriodSpread(days: 3)
        #expect((0..<3).map { spread.share(of: 10, onDay: $0) } == [4, 3, 3])
        #expect((0..<3).map { spread.share(of: 2, onDay: $0) } == [1, 1, 0])
        #expect((0..<3).map { spread.share(of: -10, onDay: $0) } == [-4, -3, -3])
        #expect((0..<3).map { spread.share(of: 0, onDay: $0) } == [0, 0, 0])
        let money = (0..<3).map { spread.share(of: 100.10, onDay: $0) }
        #expect(money[0] == money[1] && abs(money.reduce(0, +) - 100.10) < 1e-12)
        #expect(PeriodSpread(days: 1).share(of: 7.5, onDay: 0) == 7.5)
    }

    @Test func spreadingKeepsWhichFieldsArePresent() {
        var values = MetricValues()
        values.set(.clicks, to: 7)
        values.set(.spend, to: 31.1)
        let shares = (0..<31).map { PeriodSpread(days: 31).share(of: values, onDay: $0) }
        #expect(shares.allSatisfy { $0.present == values.present })
        #expect(shares.compactMap { $0[.clicks] }.reduce(0, +) == 7)
        #expect(shares.filter { $0[.clicks] == 1 }.count == 7)
    }

    private func years(_ dates: [(Int, Int)], export: String) -> [Int] {
        YearlessDates.years(for: dates.map { (month: $0.0, day: $0.1) }, exportDay: Ingest.day(export))
    }

    @Test func runsInOrderGetConsecutiveYearsAnchoredOnTheNewestRow() {
        // Oldest first, a month or less apart, ending the day before the export day, a year long.
        let monthly = [(2, 28)] + (3...12).map { ($0, 1) } + [(1, 1), (2, 1), (2, 27)]
        #expect(years(monthly, export: "2026-02-28") == Array(repeating: 2025, count: 11) + [2026, 2026, 2026])
        // The export day may be much later (a copied file): the run still reads as one year.
        #expect(years([(2, 28), (2, 29), (3, 1)], export: "2026-07-01").count == 3)
        // Newest first.
        #expect(years([(1, 2), (1, 1), (12, 31), (12, 30)], export: "2026-01-03") == [2026, 2026, 2025, 2025])
        // All on one day.
        #expect(years([(2, 28), (2, 28)], export: "2026-02-28") == [2026, 2026])
    }

    @Test func rowsInNoOrderEachTakeTheLatestYearOnOrBeforeTheExportDay() {
        #expect(years([(7, 16), (1, 23), (9, 3), (2, 28), (3, 1)], export: "2026-02-28") == [2025, 2026, 2025, 2026, 2025])
        #expect(YearlessDates.latestYear((month: 2, day: 29), onOrBefore: Ingest.day("2026-03-01")) == 2024)
    }

    @Test func aDayThatDoesNotExistInItsYearIsRejected() {
        let text = "Date,Video Views,Profile Views\nFebruary 27,1,0\nFebruary 29,1,0\nMarch 1,1,0\n"
        let sink = Ingest.parseBothWays(Array(text.utf8), path: "Overview.csv", modified: "2026-03-02")
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2026-02-27"), Ingest.day("2026-03-01")])
        #expect(sink.rejections.map(\.line) == [3] && sink.rejectionReasons == ["no February 29 in 2026"])
    }
}
