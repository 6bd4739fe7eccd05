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

    init(_ row: ServiceRow) {
        self.init(openedAt: row.openedAt, firstResponseAt: row.firstResponseAt, resolvedAt: row.resolvedAt,
                  satisfied: row.csat.map { $0 >= 4 }, sentiment: row.sentiment)
    }
}

/// A file's service records with an id, upserted by (platform, id): the later line wins.
/// Stored in parallel arrays (about 30 bytes a record).
struct TicketRows: Sendable {
    /// Slots by ``RowKey/raw``: given up once the file is read (``shrinkToFit()``) and made
    /// again when the file grows, since a file read to its end upserts nothing.
    private var slotOf = KeyTable<Int32>(filler: 0)
    private(set) var keys: [RowKey] = []
    private var openedAt: [Int64] = []
    private var firstResponseAt: [Int64] = []
    private var resolvedAt: [Int64] = []
    /// Bits 0-1: csat (0 unrated, 1 rated, 2 satisfied); bits 2-3: sentiment (0 none, 1
    /// negative, 2 neutral, 3 positive).
    private var flags: [UInt8] = []

    private static let none = Int64.min

    var count: Int { keys.count }

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

    /// Stores a record under `key`; returns its slot and the record it replaced.
    mutating func upsert(_ key: RowKey, _ ticket: StoredTicket) -> (slot: Int32, replaced: StoredTicket?) {
        let f = UInt8(ticket.satisfied.map { $0 ? 2 : 1 } ?? 0) | UInt8(ticket.sentiment.map { $0.rawValue + 2 } ?? 0) << 2
        if slotOf.count < keys.count { slotOf = .slots(of: keys) }
        if let slot = slotOf[key.raw] {
            let i = Int(slot)
            let replaced = self[slot]
            openedAt[i] = ticket.openedAt
            firstResponseAt[i] = ticket.firstResponseAt ?? Self.none
            resolvedAt[i] = ticket.resolvedAt ?? Self.none
            flags[i] = f
            return (slot, replaced)
        }
        let slot = Int32(keys.count)
        slotOf[key.raw] = slot
        keys.append(key)
        openedAt.append(ticket.openedAt)
        firstResponseAt.append(ticket.firstResponseAt ?? Self.none)
        resolvedAt.append(ticket.resolvedAt ?? Self.none)
        flags.append(f)
        return (slot, nil)
    }
}
