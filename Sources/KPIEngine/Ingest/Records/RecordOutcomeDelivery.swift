/// Hands a record's outcome to a sink, with the notes a file earns once.
struct RecordOutcomeDelivery {
    private var notedSummary = false

    mutating func deliver<S: RecordSink>(_ outcome: RecordBuilder.Outcome, line: Int, into sink: inout S) {
        switch outcome {
        case .metrics(let row): sink.metrics(row)
        case .service(let row): sink.service(row)
        case .rejected(let reason): sink.rejected(line: line, reason: reason)
        case .summary:
            guard !notedSummary else { return }
            notedSummary = true
            sink.note("skipped summary rows ('Total'), first at line \(line)")
        }
    }
}
