/// A customer-service record as a file keeps it: the instants and what the KPIs need of csat
/// and sentiment.
struct StoredTicket: Sendable, Equatable {
    /// Milliseconds since the epoch.
    var openedAt: Int64
    var firstResponseAt: Int64?
    var resolvedAt: Int64?
    /// nil when not rated; true when csat ≥ 4.
    var satisfied: Bool?
    var sentiment: Sentiment?

    init(openedAt: Int64, firstResponseAt: Int64?, resolvedAt: Int64?, satisfied: Bool?, sentiment: Sentiment?) {
        self.openedAt = openedAt
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.satisfied = satisfied
        self.sentiment = sentiment
    }
}

/// A file's service records with an id, upserted by (platform, id): the later line wins.
/// Stored in parallel arrays (about 30 bytes a record).
///
/// A record whose id the ``IDTable`` numbered for it (``insertNew(_:_:)``) cannot replace one,
/// so it is stored without a look-up; the slot index catches up on such keys only when a record
/// with a known id comes. A million tickets with ids of their own then build no index at all.
struct TicketRows: Sendable {
    /// Slots by ``RowKey/raw`` of `keys[0..<slotOf.count]`, the keys indexed so far (``upsert``
    /// indexes the rest first). Given up once the file is read (``shrinkToFit()``).
    private var slotOf = KeyTable<Int32>(filler: 0)
    private(set) var keys: [RowKey] = []
    private var openedAt: [Int64] = []
    private var firstResponseAt: [Int64] = []
    private var resolvedAt: [Int64] = []
    /// Bits 0-1: csat (0 unrated, 1 rated, 2 satisfied); bits 2-3: sentiment (0 none, 1
    /// negative, 2 neutral, 3 positive).
    private var flags: [UInt8] = []
    /// True while every key was stored by ``insertNew(_:_:)``: its id had no number before, so
    /// no other ``TicketRows`` of the same ``Interning`` had the key when this one stored it.
    private var everyIdWasNew = true

    /// What ``Columns`` hold for an instant a record does not have.
    static let none = Int64.min

    var count: Int { keys.count }

    /// The records' values by slot, one array each, for reading many records at once
    /// (``ServiceDays/add(_:slots:clock:)``): instants in milliseconds since the epoch
    /// (``none`` when missing), and the flags of csat and sentiment (see ``addRatings(_:to:)``).
    struct Columns {
        let openedAt: UnsafeBufferPointer<Int64>
        let firstResponseAt: UnsafeBufferPointer<Int64>
        let resolvedAt: UnsafeBufferPointer<Int64>
        let flags: UnsafeBufferPointer<UInt8>
    }

    /// Runs `body` with the records' ``Columns``.
    func withColumns<R>(_ body: (Columns) -> R) -> R {
        openedAt.withUnsafeBufferPointer { openedAt in
            firstResponseAt.withUnsafeBufferPointer { firstResponseAt in
                resolvedAt.withUnsafeBufferPointer { resolvedAt in
                    flags.withUnsafeBufferPointer { flags in
                        body(Columns(openedAt: openedAt, firstResponseAt: firstResponseAt, resolvedAt: resolvedAt,
                                     flags: flags))
                    }
                }
            }
        }
    }

    /// Distinct values of the flags: a count of records by flags has this many entries.
    static let flagValues = 16

    /// Adds to `counters` the ratings and sentiments of records counted by their flags
    /// (`counts[f]`: the records with flags `f`), as ``ServiceCounters/add(_:_:)`` adds them
    /// one by one.
    static func addRatings(_ counts: UnsafeBufferPointer<Int>, to counters: inout ServiceCounters) {
        for f in 0..<flagValues where counts[f] > 0 {
            let n = counts[f]
            if f & 3 != 0 { counters.rated += n }
            if f & 3 == 2 { counters.satisfied += n }
            if f >> 2 != 0 { counters.withSentiment += n }
            if f >> 2 == 3 { counters.positive += n }
            if f >> 2 == 1 { counters.negative += n }
        }
    }

    subscript(slot: Int32) -> StoredTicket {
        let i = Int(slot)
        let f = flags[i]
        return StoredTicket(
            openedAt: openedAt[i],
            firstResponseAt: firstResponseAt[i] == Self.none ? nil : firstResponseAt[i],
            resolvedAt: resolvedAt[i] == Self.none ? nil : resolvedAt[i],
            satisfied: f & 3 == 0 ? nil : f & 3 == 2,
            sentiment: f >> 2 == 0 ? nil : Sentiment(rawValue: Int8(f >> 2) - 2))
    }

    /// Gives back the slot index and the room the arrays hold beyond their records (once a
    /// file is read).
    mutating func shrinkToFit() {
        slotOf = KeyTable(filler: 0)
        keys.shrinkToFit()
        openedAt.shrinkToFit()
        firstResponseAt.shrinkToFit()
        resolvedAt.shrinkToFit()
        flags.shrinkToFit()
    }

    /// Makes room for `count` records in all (about as many as a file is expected to hold), so
    /// that the arrays are not moved as they grow, and the parts of a file read apart are
    /// joined in place (``append(_:)``).
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        openedAt.reserveCapacity(count)
        firstResponseAt.reserveCapacity(count)
        resolvedAt.reserveCapacity(count)
        flags.reserveCapacity(count)
    }

    /// Stores a record under `key`; returns its slot and the record it replaced.
    mutating func upsert(_ key: RowKey, _ ticket: StoredTicket) -> (slot: Int32, replaced: StoredTicket?) {
        everyIdWasNew = false
        indexAllSlots()
        let slot = slotOf.modify(key.raw, default: Int32(keys.count)) { $0 }
        guard Int(slot) == keys.count else {
            let replaced = self[slot]
            store(ticket, at: Int(slot))
            return (slot, replaced)
        }
        append(key, ticket)
        return (slot, nil)
    }

    /// Stores a record whose id the ``IDTable`` has just numbered (``IDTable/numbering(_:)``
    /// said it is new): no record can have its key yet. Returns its slot.
    mutating func insertNew(_ key: RowKey, _ ticket: StoredTicket) -> Int32 {
        append(key, ticket)
        return Int32(keys.count - 1)
    }

    /// Adds the records of the part of the same file that follows this one (read in parallel
    /// with the same ``Interning``), each replacing the record of its key here. When both
    /// stored every record with a new id, their keys differ (a key in both would have been
    /// stored by one of them with a known id): the arrays are joined without look-ups.
    mutating func append(_ later: TicketRows) {
        guard everyIdWasNew && later.everyIdWasNew else {
            for slot in 0..<Int32(later.count) { _ = upsert(later.keys[Int(slot)], later[slot]) }
            return
        }
        keys += later.keys
        openedAt += later.openedAt
        firstResponseAt += later.firstResponseAt
        resolvedAt += later.resolvedAt
        flags += later.flags
    }

    /// Indexes the keys stored without a look-up (and every key after ``shrinkToFit()``).
    private mutating func indexAllSlots() {
        guard slotOf.count < keys.count else { return }
        if slotOf.isEmpty {
            slotOf = .slots(of: keys)
        } else {
            for slot in slotOf.count..<keys.count { slotOf[keys[slot].raw] = Int32(slot) }
        }
    }

    private mutating func append(_ key: RowKey, _ ticket: StoredTicket) {
        keys.append(key)
        openedAt.append(ticket.openedAt)
        firstResponseAt.append(ticket.firstResponseAt ?? Self.none)
        resolvedAt.append(ticket.resolvedAt ?? Self.none)
        flags.append(Self.flags(of: ticket))
    }

    private mutating func store(_ ticket: StoredTicket, at i: Int) {
        openedAt[i] = ticket.openedAt
        firstResponseAt[i] = ticket.firstResponseAt ?? Self.none
        resolvedAt[i] = ticket.resolvedAt ?? Self.none
        flags[i] = Self.flags(of: ticket)
    }

    private static func flags(of ticket: StoredTicket) -> UInt8 {
        UInt8(ticket.satisfied.map { $0 ? 2 : 1 } ?? 0) | UInt8(ticket.sentiment.map { $0.rawValue + 2 } ?? 0) << 2
    }
}
