/// Reports what a ``RecordBuilder`` did not deliver itself: rejections, and summary rows
/// with a note the file earns once.
struct RecordOutcomeDelivery {
    private var notedSummary = false

    mutating func deliver<S: RecordSink>(_ outcome: RecordBuilder.Outcome, line: Int, into sink: inout S) {
        switch outcome {
        case .delivered: return
        case .rejected(let reason): sink.rejected(line: line, reason: reason)
        case .summary:
            guard !notedSummary else { return }
            notedSummary = true
            sink.note("skipped summary rows ('Total'), first at line \(line)")
        }
    }
}
