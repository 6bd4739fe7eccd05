/// Receives what a ``FileParser`` finds in a file, in line order.
///
/// The store implements this to build a file's contribution; tests implement it to collect rows.
public protocol RecordSink {
    mutating func metrics(_ row: MetricsRow)
    /// True when the sink only adds up the values of rows without an id, whatever the order of
    /// its rows and notes: a run of such rows read in one pass may then come as one
    /// (``metrics(_:rows:)``). False unless the sink says so.
    static var takesRunsOfRows: Bool { get }
    /// `rows` rows without an id that follow each other in the file on lines from `row.line` on,
    /// the same in everything but their values: `row` with the sum of their values (integer
    /// units: what adding them one by one adds up to). Only given to a sink that
    /// ``takesRunsOfRows``.
    mutating func metrics(_ row: MetricsRow, rows: Int)
    mutating func service(_ row: ServiceRow)
    /// Service records read straight from the file's bytes, their ids as bytes (see
    /// ``ServiceRecordBatch``): the records ``service(_:)`` would get one by one.
    mutating func services(_ batch: ServiceRecordBatch)
    /// A row that was refused; `line` is 1-based, 0 for the whole file.
    mutating func rejected(line: Int, reason: String)
    /// Something worth saying once about the file that rejects no row
    /// (a duplicated header name, a skipped `Total` row, a description row).
    mutating func note(_ text: String)
}

extension RecordSink {
    public static var takesRunsOfRows: Bool { false }

    /// A sink that does not take runs of rows is given one row at a time.
    public mutating func metrics(_ row: MetricsRow, rows: Int) {
        precondition(rows == 1, "a run of rows given to a sink that keeps rows apart")
        metrics(row)
    }

    /// Gives each record of the batch to ``service(_:)``.
    public mutating func services(_ batch: ServiceRecordBatch) {
        for record in batch.records { service(batch.row(record)) }
    }
}
