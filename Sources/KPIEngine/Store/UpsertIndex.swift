/// A row of a file in the store: the file's number and the row's slot in that file.
struct RowRef: Hashable, Sendable {
    var file: UInt32
    var slot: Int32
}

/// Which file's row wins each upsert key. Most keys are held by one file; a key held by
/// several keeps all of its holders in upsert order (the last one wins), so that the next
/// one takes over when the winner's file goes away.
struct UpsertIndex: Sendable {
    /// The winning row of every key (by ``RowKey/raw``).
    private(set) var winners = KeyTable<RowRef>(filler: RowRef(file: 0, slot: 0))
    /// Holders of the keys more than one file has, in upsert order.
    private(set) var contested: [RowKey: [RowRef]] = [:]
    /// The rows the index stands for while `winners` is not made yet (see ``init(deferring:)``).
    private(set) var deferred: DeferredRows?

    /// The rows of one file an index stands for before its table is made: the file's rows among
    /// its first `keyCount` keys whose keys are of the index's platform (each its own key, held
    /// by no other file, so each row wins).
    struct DeferredRows: Equatable {
        let file: UInt32
        let keyCount: Int
    }

    /// An empty index.
    init() {}

    /// An index of `rows` whose table is made only when it is first changed or asked (by the
    /// owner, from the file's keys): a cold `report` never asks, and a new platform's inquiries
    /// of one file need no table to be counted.
    init(deferring rows: DeferredRows) { deferred = rows }

    /// A change of winner: the row that won before (nil: none) and the one that wins now (nil: none).
    struct Change {
        var before: RowRef?
        var after: RowRef?
        var isChange: Bool { before != after }
    }

    /// Adds `ref` as a holder of `key`; `precedes` orders files for upserts.
    mutating func add(_ key: RowKey, _ ref: RowRef, precedes: (UInt32, UInt32) -> Bool) -> Change {
        precondition(deferred == nil, "the index's table is not made")
        return addNew(key, ref) ?? addHolder(key, ref, precedes: precedes)
    }

    /// Makes `ref` the winner of `key` when no file holds the key (one probe of the table: the
    /// key is inserted where the search ended); nil when some file does.
    @inline(__always)
    private mutating func addNew(_ key: RowKey, _ ref: RowRef) -> Change? {
        var isNew = false
        winners.modify(key.raw, default: { isNew = true; return ref }()) { _ in }
        return isNew ? Change(before: nil, after: ref) : nil
    }

    /// Adds `ref` as one more holder of a key some file holds.
    private mutating func addHolder(_ key: RowKey, _ ref: RowRef, precedes: (UInt32, UInt32) -> Bool) -> Change {
        let current = winners[key.raw]!
        var holders = contested[key] ?? [current]
        let index = holders.firstIndex { precedes(ref.file, $0.file) } ?? holders.endIndex
        holders.insert(ref, at: index)
        contested[key] = holders
        winners[key.raw] = holders.last!
        return Change(before: current, after: holders.last!)
    }

    /// Adds the rows of `slots` of a file (`keys` by slot; each key once) as holders of their
    /// keys, as ``add(_:_:precedes:)`` does one by one, but in the order of the table's buckets
    /// (a key's change does not depend on the others'). The changes, in the order of `slots`.
    mutating func add(_ slots: [Int32], keys: [RowKey], file: UInt32,
                      precedes: (UInt32, UInt32) -> Bool) -> Changes {
        precondition(deferred == nil, "the index's table is not made")
        var changes = Changes(file: file, slots: slots)
        // A batch at a time: the ordered copy of the rows (16 bytes each) stays small, while a
        // batch still touches enough of the table to read it in passing.
        for start in stride(from: 0, to: slots.count, by: Self.batch) {
            let end = min(slots.count, start + Self.batch)
            let rows = KeyTable<RowRef>.inBucketOrder((start..<end).map { index in
                Row(key: keys[Int(slots[index])], slot: slots[index], index: Int32(index))
            }) { $0.key.raw }
            for row in rows {
                let ref = RowRef(file: file, slot: row.slot)
                if addNew(row.key, ref) != nil {
                    changes.isNew[Int(row.index)] = true
                    continue
                }
                let change = addHolder(row.key, ref, precedes: precedes)
                if change.isChange { changes.others.append((Int(row.index), change)) }
            }
        }
        changes.others.sort { $0.index < $1.index }
        return changes
    }

    /// Rows put in bucket order at once by ``add(_:keys:file:precedes:)``.
    private static let batch = 1 << 16

    /// A row to add: its key, its slot and its place among the slots added.
    private struct Row {
        var key: RowKey
        var slot: Int32
        var index: Int32
    }

    /// The changes of winner of many rows of a file (see ``add(_:keys:file:precedes:)``).
    struct Changes {
        let file: UInt32
        let slots: [Int32]
        /// By the place in `slots`: the key was held by no file before (the row wins).
        fileprivate(set) var isNew: [Bool]
        /// The other changes, by the place in `slots`.
        fileprivate(set) var others: [(index: Int, change: Change)] = []

        fileprivate init(file: UInt32, slots: [Int32]) {
            self.file = file
            self.slots = slots
            isNew = Array(repeating: false, count: slots.count)
        }

        /// The changes of rows of `slots` of a file whose keys no file held: each row wins.
        init(allNew slots: [Int32], file: UInt32) {
            self.file = file
            self.slots = slots
            isNew = Array(repeating: true, count: slots.count)
        }

        /// Calls `body` with each row's slot and change (none when its file's row lost), in
        /// the order of `slots`.
        func forEach(_ body: (_ slot: Int32, _ change: Change) -> Void) {
            var next = others.startIndex
            for (index, slot) in slots.enumerated() {
                if isNew[index] {
                    body(slot, Change(before: nil, after: RowRef(file: file, slot: slot)))
                } else if next < others.endIndex, others[next].index == index {
                    body(slot, others[next].change)
                    next += 1
                }
            }
        }
    }

    /// Takes `file`'s holding of `key` back.
    mutating func remove(_ key: RowKey, file: UInt32) -> Change {
        precondition(deferred == nil, "the index's table is not made")
        guard let current = winners[key.raw] else { return Change(before: nil, after: nil) }
        guard var holders = contested[key] else {
            guard current.file == file else { return Change(before: current, after: current) }
            winners[key.raw] = nil
            return Change(before: current, after: nil)
        }
        holders.removeAll { $0.file == file }
        if holders.count == 1 { contested[key] = nil } else { contested[key] = holders }
        winners[key.raw] = holders.last
        return Change(before: current, after: holders.last)
    }

    /// Makes room for `count` keys at once when the index is empty (a load), so that the
    /// table is not grown and moved step by step.
    mutating func reserveCapacity(_ count: Int) {
        guard winners.isEmpty, deferred == nil, count > 0 else { return }
        winners = KeyTable(filler: RowRef(file: 0, slot: 0), minimumCapacity: count)
    }

    /// Gives back the room the table holds beyond its keys (once a load is done).
    mutating func shrinkToFit() { winners.shrinkToFit() }

    /// True when some key is held by more than one file (never while the table is deferred).
    var hasContestedKeys: Bool { !contested.isEmpty }

    /// The winning row of `key`.
    func winner(_ key: RowKey) -> RowRef? {
        precondition(deferred == nil, "the index's table is not made")
        return winners[key.raw]
    }

    /// Orders the holders of the contested keys `file` holds again (its modification time
    /// moved); returns the keys whose winner changed.
    mutating func reorder(file: UInt32, precedes: (UInt32, UInt32) -> Bool) -> [(key: RowKey, change: Change)] {
        var changes: [(RowKey, Change)] = []
        for (key, holders) in contested where holders.contains(where: { $0.file == file }) {
            let sorted = holders.sorted { precedes($0.file, $1.file) }
            contested[key] = sorted
            let before = winners[key.raw]
            winners[key.raw] = sorted.last
            if before != sorted.last { changes.append((key, Change(before: before, after: sorted.last))) }
        }
        return changes
    }
}
