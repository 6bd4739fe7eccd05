import KPIEngine

/// A sink that builds a file's contribution, as the store does, and also keeps every record,
/// rejection and note in the order the parser gave them, so that two reads can be compared
/// exactly, days outside the snapshot's window included.
struct RecordingSink: RecordSink {
    enum Event: Equatable {
        case metrics(MetricsRow)
        case service(ServiceRow)
        case rejected(line: Int, reason: String)
        case note(String)
    }

    var contribution: FileContribution
    private(set) var events: [Event] = []

    init(path: String, context: IngestContext) {
        contribution = FileContribution(path: path, interning: context.interning, hourlyFrom: context.hourlyFrom,
                                        clock: context.clock)
    }

    mutating func metrics(_ row: MetricsRow) {
        events.append(.metrics(row))
        contribution.metrics(row)
    }

    mutating func service(_ row: ServiceRow) {
        events.append(.service(row))
        contribution.service(row)
    }

    /// Keeps each record, and gives the contribution the batch, as the store's reading does.
    mutating func services(_ batch: ServiceRecordBatch) {
        for record in batch.records { events.append(.service(batch.row(record))) }
        contribution.services(batch)
    }

    mutating func rejected(line: Int, reason: String) {
        events.append(.rejected(line: line, reason: reason))
        contribution.rejected(line: line, reason: reason)
    }

    mutating func note(_ text: String) {
        events.append(.note(text))
        contribution.note(text)
    }
}
