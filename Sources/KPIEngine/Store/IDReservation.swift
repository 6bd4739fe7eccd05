import Synchronization

/// The ids the files being read at the same time are expected to number, summed, so that the
/// shared ``IDTable`` is sized for all of them at once (``IDTable/reserve(expectedCount:)``)
/// rather than grown step by step: each growth puts every id of a shard in new buckets under
/// the shard's lock. Each file adds its own expectation once its first chunk is read (see
/// ``FileContribution/reserveRoom(since:bytesRead:bytesLeft:ids:)``); a table reserved from one
/// file's expectation alone would be too small for the others read beside it.
final class IDReservation: Sendable {
    private let ids: IDTable
    /// The ids the table held when the reads began.
    private let before: Int
    private let expected = Mutex(0)

    init(ids: IDTable) {
        self.ids = ids
        before = ids.count
    }

    /// The ids the table is expected to hold once the reads are done (as many as it held before
    /// they began, and all they expect so far).
    var expectedCount: Int { before + expected.withLock { $0 } }

    /// Adds `count` ids a file is expected to number (those of its first chunk included) and
    /// makes room in the table for all expected so far.
    func expect(_ count: Int) {
        guard count > 0 else { return }
        let total = expected.withLock { total in
            total += count
            return total
        }
        ids.reserve(expectedCount: before + total)
    }
}
