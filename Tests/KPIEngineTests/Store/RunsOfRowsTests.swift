import Testing
@testable import KPIEngine

/// A file's contribution takes runs of plain rows without an id as one summed row
/// (``RecordSink/takesRunsOfRows``); it must hold exactly what it holds when given the same
/// rows one by one, whole and in pieces of any size.
@Suite struct RunsOfRowsTests {
    /// Hands every row to a contribution one at a time (a sink that does not take runs).
    private struct RowByRow: RecordSink {
        var contribution: FileContribution
        mutating func metrics(_ row: MetricsRow) { contribution.metrics(row) }
        mutating func service(_ row: ServiceRow) { contribution.service(row) }
        mutating func rejected(line: Int, reason: String) { contribution.rejected(line: line, reason: reason) }
        mutating func note(_ text: String) { contribution.note(text) }
    }

    /// Runs of rows of one day and of one instant, times with hours on the days that keep
    /// hourly sums, money in a currency, and rows the one-pass reader leaves to the general path
    /// (signs, placeholders, quoted times, a `Total` row, a bad date) inside and between runs.
    /// Counts the rows each delivery stands for.
    private struct RunCounting: RecordSink {
        static var takesRunsOfRows: Bool { true }
        var rowsPerDelivery: [Int] = []
        mutating func metrics(_ row: MetricsRow) { rowsPerDelivery.append(1) }
        mutating func metrics(_ row: MetricsRow, rows: Int) { rowsPerDelivery.append(rows) }
        mutating func service(_ row: ServiceRow) {}
        mutating func rejected(line: Int, reason: String) {}
        mutating func note(_ text: String) {}
    }

    private static let rows = [
        "2026-11-01,100,5,12.5", "2026-11-01,0,0,0", "2026-11-01,7,1,0.25",
        "2026-11-02,1,1,1", "2026-11-02,-3,1,1", "2026-11-02,2,2,2", "2026-11-02,N/A,1,1", "2026-11-02,3,3,3",
        "2026-11-03,5,5,5", "\"2026-11-03\",6,6,6", "2026-11-03,7,7,7",
        "2026-11-20T10:15:00Z,1,1,1", "2026-11-20T10:15:00Z,2,2,2", "2026-11-20T10:45:00Z,3,3,3",
        "2026-11-20T11:00:00Z,4,4,4", "2026-11-20,5,5,5", "2026-11-20,6,6,6",
        "Total,100,100,100", "2026-11-21,1,1,1", "2026-13-40,1,1,1", "2026-11-21,2,2,2",
        "2026-11-22,123456789012,1,99.9999", "2026-11-22,999999999999,1,0.0001", "2026-11-22,1,1,1",
    ]

    private static func text(_ rows: [String], header: String = "date,impressions,likes,revenue (EUR)") -> [UInt8] {
        Array(([header] + rows).joined(separator: "\n").utf8) + [0x0A]
    }

    private static let context = IngestContext(clock: DayClock(identifier: "UTC")!, hourlyFrom: Day(iso: "2026-11-20")!)

    /// `bytes` read into `sink` in pieces of `chunkSize`.
    private static func read<S: RecordSink>(_ bytes: [UInt8], chunkSize: Int, into sink: inout S) {
        var parser = FileParser(relativePath: "instagram/data.csv", context: context)
        bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + chunkSize)
                parser.consume(UnsafeRawBufferPointer(rebasing: all[offset..<end]), into: &sink)
                offset = end
            }
        }
        parser.finish(into: &sink)
    }

    /// The file read into a contribution with runs, and one by one, in pieces of `chunkSize`.
    private static func readBothWays(_ bytes: [UInt8], chunkSize: Int) -> (runs: FileContribution, rows: FileContribution) {
        var runs = FileContribution(path: "instagram/data.csv", interning: context.interning, hourlyRule: context.hourlyRule)
        var rows = RowByRow(contribution: runs)
        read(bytes, chunkSize: chunkSize, into: &runs)
        read(bytes, chunkSize: chunkSize, into: &rows.contribution)
        return (runs, rows.contribution)
    }

    /// Everything a contribution of rows without ids holds, hourly sums and currencies too.
    private static func describe(_ c: FileContribution) -> String {
        var lines = [SegmentedReadTests.describe(c)]
        lines += c.hours.sorted { ($0.key.platform, $0.key.day, $0.key.hour) < ($1.key.platform, $1.key.day, $1.key.hour) }
            .map { "hour \($0.key) \($0.value)" }
        lines += c.currencies.map { "currency \($0)" }.sorted()
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [1, 5, 64, 4_096])
    func runsAddUpAsRowsOneByOne(chunkSize: Int) {
        let (runs, rows) = Self.readBothWays(Self.text(Self.rows), chunkSize: chunkSize)
        #expect(runs.rowCount > 15 && runs.rejectedCount > 0)
        #expect(runs.hours.count == 2)
        #expect(Self.describe(runs) == Self.describe(rows))
        let whole = Self.readBothWays(Self.text(Self.rows), chunkSize: .max).runs
        #expect(Self.describe(runs) == Self.describe(whole))
        // Whole (pieces shorter than a record are read the general way, row by row).
        var counting = RunCounting()
        Self.read(Self.text(Self.rows), chunkSize: .max, into: &counting)
        #expect(counting.rowsPerDelivery.contains { $0 > 1 }, "no run was summed")
        #expect(counting.rowsPerDelivery.reduce(0, +) == runs.rowCount, "every row delivered once")
    }

    /// Whole numbers first (the decimal convention undecided), a decimal comma decided by a row
    /// the general path reads, inside a run of one day.
    @Test(arguments: [3, 4_096])
    func runsAcrossADecimalCommaDecidedLate(chunkSize: Int) {
        let rows = ["2026-11-01;10;2", "2026-11-01;11;3", "2026-11-01;12;2,5", "2026-11-01;13;4", "2026-11-02;1.234;5",
                    "2026-11-02;2;6"]
        let (runs, byRow) = Self.readBothWays(Self.text(rows, header: "date;impressions;revenue"), chunkSize: chunkSize)
        #expect(runs.notes.contains { $0.contains("decimal comma") })
        #expect(Self.describe(runs) == Self.describe(byRow))
    }

    /// A table with post ids is read row by row (each row is upserted).
    @Test func rowsWithIdsAreNotSummed() {
        let rows = ["2026-11-01,p1,10", "2026-11-01,p2,11", "2026-11-01,p1,12"]
        let (runs, byRow) = Self.readBothWays(Self.text(rows, header: "date,post_id,impressions"), chunkSize: 4_096)
        #expect(runs.posts.count == 2)
        #expect(Self.describe(runs) == Self.describe(byRow))
    }
}
