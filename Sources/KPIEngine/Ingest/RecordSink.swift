/// Receives what a ``FileParser`` finds in a file, in line order.
///
/// The store implements this to build a file's contribution; tests implement it to collect rows.
public protocol RecordSink {
    mutating func metrics(_ row: MetricsRow)
    mutating func service(_ row: ServiceRow)
    /// A service record read straight from the file's bytes: its id given as its UTF-8 bytes
    /// (valid only during the call; nil for a record without an id), so that no `String` is
    /// made for it. The same record as ``service(_:)`` would get.
    mutating func service(platform: String, id: UnsafeRawBufferPointer?, values: ServiceValues, line: Int)
    /// A row that was refused; `line` is 1-based, 0 for the whole file.
    mutating func rejected(line: Int, reason: String)
    /// Something worth saying once about the file that rejects no row
    /// (a duplicated header name, a skipped `Total` row, a description row).
    mutating func note(_ text: String)
}

extension RecordSink {
    /// Makes a ``ServiceRow`` of the record for ``service(_:)``.
    public mutating func service(platform: String, id: UnsafeRawBufferPointer?, values: ServiceValues, line: Int) {
        service(ServiceRow(platform: platform, id: id.map { String(decoding: $0, as: UTF8.self) }, values: values,
                           line: line))
    }
}
