/// Receives what a ``FileParser`` finds in a file, in line order.
///
/// The store implements this to build a file's contribution; tests implement it to collect rows.
public protocol RecordSink {
    mutating func metrics(_ row: MetricsRow)
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
    /// Gives each record of the batch to ``service(_:)``.
    public mutating func services(_ batch: ServiceRecordBatch) {
        for record in batch.records { service(batch.row(record)) }
    }
}
