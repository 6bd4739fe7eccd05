/// The rows of a file's website-traffic tables, held until the file ends.
///
/// A Google Analytics "report overview" stacks several tables that break the same sessions
/// down again (by channel group, by source, by campaign...), and a source table often has
/// several sources of one platform (`facebook.com`, `m.facebook.com`, `l.facebook.com`). So
/// each table's rows are summed by (platform, campaign, day) as they come, and when the file
/// ends only the tables of the most detailed breakdown with any rows are booked, the first of
/// them (a later one of the same kind would count the sessions twice); the others are left
/// out with a note. Whether the file is read at once or in pieces, the same rows come out in
/// the same order.
struct HeldTraffic: Sendable {
    private struct Table: Sendable {
        let breakdown: TrafficColumns.Breakdown
        /// The header's line.
        let line: Int
        var rows: [MetricsRow] = []
        /// Row position by platform, campaign and day.
        var index: [Key: Int] = [:]
        /// Rows of the file (a period total counts once) and the days they cover.
        var summary = FileSummary()
    }

    private struct Key: Hashable, Sendable {
        let platform: String
        let id: String?
        let day: Day
    }

    private var tables: [Table] = []

    var isEmpty: Bool { tables.isEmpty }

    /// Starts holding the rows of a new table.
    mutating func beginTable(_ breakdown: TrafficColumns.Breakdown, line: Int) {
        tables.append(Table(breakdown: breakdown, line: line))
    }

    /// Counts one source row of the current table covering `first...last`.
    mutating func countRow(from first: Day, to last: Day) {
        guard !tables.isEmpty else { return }
        tables[tables.count - 1].summary.count(from: first, to: last)
    }

    /// Adds a row (one day's) to the current table, summed with its platform, campaign and day.
    mutating func add(_ row: MetricsRow) {
        guard !tables.isEmpty else { return }
        let key = Key(platform: row.platform, id: row.id, day: row.day)
        let t = tables.count - 1
        if let position = tables[t].index[key] {
            tables[t].rows[position].values.add(row.values)
            if tables[t].rows[position].currency == nil { tables[t].rows[position].currency = row.currency }
        } else {
            tables[t].index[key] = tables[t].rows.count
            tables[t].rows.append(row)
        }
    }

    /// Books the chosen tables' rows into `sink`, counts them in `summary`, notes the tables
    /// left out, and holds nothing more.
    mutating func release<S: RecordSink>(into sink: inout S, summary: inout FileSummary) {
        defer { tables = [] }
        guard let best = tables.filter({ !$0.rows.isEmpty }).min(by: { $0.breakdown < $1.breakdown }) else { return }
        for table in tables where !table.rows.isEmpty && table.line != best.line {
            sink.note("table at line \(table.line) (by \(table.breakdown.name)) left out: the table at line \(best.line) "
                + "breaks the same sessions down by \(best.breakdown.name)")
        }
        for row in best.rows { sink.metrics(row) }
        summary.rows += best.summary.rows
        if let first = best.summary.firstDay, let last = best.summary.lastDay {
            summary.firstDay = min(summary.firstDay ?? first, first)
            summary.lastDay = max(summary.lastDay ?? last, last)
        }
    }
}
