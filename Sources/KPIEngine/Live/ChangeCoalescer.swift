/// Collects change events into one ``ChangeBatch`` and says when it is due: after a quiet
/// period without new events, and never later than a maximum delay after the first one.
///
/// Pure state: the caller passes the current instant, so a burst of appends becomes one or a
/// few batches while a single append is still delivered within the maximum delay.
struct ChangeCoalescer {
    typealias Instant = ContinuousClock.Instant

    /// How long events must stop before the batch is delivered.
    let quietPeriod: Duration
    /// The longest a batch waits after its first event.
    let maxDelay: Duration

    private(set) var pending = ChangeBatch()
    private var firstEventAt: Instant?
    private var lastEventAt: Instant?

    init(quietPeriod: Duration, maxDelay: Duration) {
        self.quietPeriod = quietPeriod
        self.maxDelay = maxDelay
    }

    /// Records events seen at `now`. An empty batch changes nothing.
    mutating func add(_ batch: ChangeBatch, at now: Instant) {
        guard !batch.isEmpty else { return }
        pending.merge(batch)
        if firstEventAt == nil { firstEventAt = now }
        lastEventAt = now
    }

    /// When the pending batch becomes due; nil when nothing is pending.
    var deadline: Instant? {
        guard let first = firstEventAt, let last = lastEventAt else { return nil }
        return min(last + quietPeriod, first + maxDelay)
    }

    /// The pending batch if it is due at `now`, which also empties the coalescer.
    mutating func takeIfDue(at now: Instant) -> ChangeBatch? {
        guard let due = deadline, now >= due else { return nil }
        let batch = pending
        pending = ChangeBatch()
        firstEventAt = nil
        lastEventAt = nil
        return batch
    }
}
