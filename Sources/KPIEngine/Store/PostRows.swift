/// A metrics row with an id as a file keeps it: only what windows, upserts and post lists need.
struct StoredPost: Sendable, Equatable {
    var values: MetricValues
    /// The row's day (for a lifetime snapshot, the file's export day).
    var day: Day
    /// Hour of the day (0...23) when the row has a time of day and a recent day, else nil.
    var hour: UInt8?
    var currency: Currency?
    /// The title's number in the file's ``PostRows/titles`` (0 = none).
    var title: UInt32
}

/// A file's rows with an id, upserted by ``RowKey`` (the later line wins), stored compactly: a
/// few parallel arrays, and the present values of each row packed one after another (in 32
/// bits each when they all fit, else in 64). Arrays most files do not need (a day apart from
/// the key's, a currency, an hour) stay empty until a row needs them.
struct PostRows: Sendable {
    /// Slots by ``RowKey/raw``: given up once the file is read (``shrinkToFit()``) and made
    /// again when the file grows, since a file read to its end upserts nothing.
    private var slotOf = KeyTable<Int32>(filler: 0)
    private(set) var keys: [RowKey] = []
    /// The row's fields; bit 31 set when its values take 64 bits each.
    private var present: [UInt32] = []
    private var valueStart: [UInt32] = []
    /// Days by slot; empty while every row's day is its key's.
    private var days: [Int32] = []
    private var titleNumbers: [UInt32] = []
    /// Packed currencies by slot (0 = none); empty while no row has one.
    private var currencies: [UInt32] = []
    /// Hours by slot (``noHour`` = none); empty while no row has one.
    private var hours: [UInt8] = []
    /// The present values of every row, in field order, row after row.
    private var values: [Int32] = []
    /// Values no row points at any more (left behind by replaced rows).
    private var unused = 0
    private(set) var titles = StringTable()
    /// What the file says about its posts (publish time, type, link), by the post's
    /// ``RowKey`` without a day; empty for files without such columns.
    private var facts: [UInt64: StoredPostFacts] = [:]
    private var types = StringTable()
    private var links = StringTable()

    private static let noHour: UInt8 = .max
    private static let wide: UInt32 = 1 << 31

    var count: Int { keys.count }

    /// The row in `slot`.
    subscript(slot: Int32) -> StoredPost {
        let i = Int(slot)
        var unpacked = MetricValues(present: present[i] & ~Self.wide)
        var next = Int(valueStart[i])
        let isWide = present[i] & Self.wide != 0
        var bits = present[i] & ~Self.wide
        while bits != 0 {
            let lane = bits.trailingZeroBitCount
            unpacked.units[lane] = isWide ? Self.load64(values, next) : Int64(values[next])
            next += isWide ? 2 : 1
            bits &= bits - 1
        }
        return StoredPost(values: unpacked, day: days.isEmpty ? keys[i].day! : Day(number: days[i]),
                          hour: hours.isEmpty || hours[i] == Self.noHour ? nil : hours[i],
                          currency: currencies.isEmpty || currencies[i] == 0 ? nil : Currency(packed: currencies[i]),
                          title: titleNumbers[i])
    }

    /// One field's value in `slot`, in units; nil when the row lacks it.
    func units(of field: MetricField, in slot: Int32) -> Int64? {
        let i = Int(slot)
        let bits = present[i]
        guard bits & field.bit != 0 else { return nil }
        let before = (bits & ~Self.wide & (field.bit - 1)).nonzeroBitCount
        return bits & Self.wide != 0 ? Self.load64(values, Int(valueStart[i]) + 2 * before)
            : Int64(values[Int(valueStart[i]) + before])
    }

    /// Stores a row under `key` (a later one replaces an earlier one); returns its slot and the
    /// row it replaced.
    mutating func upsert(_ key: RowKey, _ row: StoredPost, title: String?) -> (slot: Int32, replaced: StoredPost?) {
        var stored = row
        stored.title = title.map { titles.number(for: $0) } ?? 0
        if slotOf.count < keys.count { slotOf = .slots(of: keys) }
        if let slot = slotOf[key.raw] {
            let replaced = self[slot]
            write(stored, into: Int(slot), reusing: Self.length(present[Int(slot)]))
            return (slot, replaced)
        }
        let slot = Int32(keys.count)
        slotOf[key.raw] = slot
        keys.append(key)
        present.append(0)
        valueStart.append(0)
        if !days.isEmpty { days.append(0) }
        titleNumbers.append(0)
        if !currencies.isEmpty { currencies.append(0) }
        if !hours.isEmpty { hours.append(Self.noHour) }
        write(stored, into: Int(slot), reusing: 0)
        return (slot, nil)
    }


    /// Notes what a row of `post` (a key without a day) says about it; a later row's word wins.
    mutating func note(_ given: PostFacts, of post: RowKey) {
        var stored = facts[post.raw] ?? StoredPostFacts()
        if let instant = given.publishedAt { stored.publishedAt = instant }
        if let type = given.type { stored.type = types.number(for: type) }
        if let link = given.permalink { stored.permalink = links.number(for: link) }
        facts[post.raw] = stored
    }

    /// What the file says about `post` (a key without a day); nil when nothing.
    func facts(of post: RowKey) -> PostFacts? {
        facts[post.raw].map(unpack)
    }

    /// Every post the file says something about, with what it says.
    var allFacts: [(post: RowKey, facts: PostFacts)] {
        facts.map { (RowKey(raw: $0.key), unpack($0.value)) }
    }

    /// True when the file says something about some post.
    var hasFacts: Bool { !facts.isEmpty }

    private func unpack(_ stored: StoredPostFacts) -> PostFacts {
        PostFacts(publishedAt: stored.publishedAt == StoredPostFacts.none ? nil : stored.publishedAt,
                  type: types[stored.type], permalink: links[stored.permalink])
    }

    /// Values a row's present bits take in `values`.
    private static func length(_ present: UInt32) -> Int {
        (present & ~wide).nonzeroBitCount * (present & wide != 0 ? 2 : 1)
    }

    private static func load64(_ values: [Int32], _ at: Int) -> Int64 {
        Int64(values[at]) << 32 | Int64(UInt32(bitPattern: values[at + 1]))
    }

    private mutating func write(_ row: StoredPost, into i: Int, reusing oldLength: Int) {
        var bits = row.values.present
        var isWide = false
        while bits != 0 {
            let v = row.values.units[bits.trailingZeroBitCount]
            if v < Int64(Int32.min) || v > Int64(Int32.max) { isWide = true }
            bits &= bits - 1
        }
        let mask = row.values.present | (isWide ? Self.wide : 0)
        let length = Self.length(mask)
        if length > oldLength {
            unused += oldLength
            valueStart[i] = UInt32(values.count)
            values.append(contentsOf: repeatElement(0, count: length))
        } else {
            unused += oldLength - length
        }
        var next = Int(valueStart[i])
        bits = row.values.present
        while bits != 0 {
            let v = row.values.units[bits.trailingZeroBitCount]
            if isWide {
                values[next] = Int32(truncatingIfNeeded: v >> 32)
                values[next + 1] = Int32(bitPattern: UInt32(truncatingIfNeeded: v))
                next += 2
            } else {
                values[next] = Int32(v)
                next += 1
            }
            bits &= bits - 1
        }
        present[i] = mask
        if days.isEmpty, keys[i].day != row.day { days = keys.map { $0.day?.number ?? 0 } }
        if !days.isEmpty { days[i] = row.day.number }
        titleNumbers[i] = row.title
        if currencies.isEmpty, row.currency != nil { currencies = Array(repeating: 0, count: keys.count) }
        if !currencies.isEmpty { currencies[i] = row.currency?.packed ?? 0 }
        if hours.isEmpty, row.hour != nil { hours = Array(repeating: Self.noHour, count: keys.count) }
        if !hours.isEmpty { hours[i] = row.hour ?? Self.noHour }
        if unused > 4096, unused > values.count / 2 { compact() }
    }

    /// Gives back the slot index and the room the arrays hold beyond their rows (once a file
    /// is read).
    mutating func shrinkToFit() {
        slotOf = KeyTable(filler: 0)
        keys.shrinkToFit()
        present.shrinkToFit()
        valueStart.shrinkToFit()
        days.shrinkToFit()
        titleNumbers.shrinkToFit()
        currencies.shrinkToFit()
        hours.shrinkToFit()
        if unused > 0 { compact() } else { values.shrinkToFit() }
    }

    /// Packs the values again without the unused ones.
    private mutating func compact() {
        var packed: [Int32] = []
        packed.reserveCapacity(values.count - unused)
        for i in keys.indices {
            let start = Int(valueStart[i])
            valueStart[i] = UInt32(packed.count)
            packed.append(contentsOf: values[start..<(start + Self.length(present[i]))])
        }
        values = packed
        unused = 0
    }
}

/// A post's facts as a file keeps them: the publish instant and the numbers of its type and
/// link in the file's tables (0 = none).
private struct StoredPostFacts: Sendable {
    static let none = Int64.min
    var publishedAt = none
    var type: UInt32 = 0
    var permalink: UInt32 = 0
}

// MARK: Read by the store's rollups

extension PostRows {
    /// Adds the values of the row in `slot` into `sums` (its present fields too) without
    /// unpacking the row, and returns what else the store's rollups count it by, so that the
    /// rows of a day can be added up in one place (``PlatformRollup/addPosts(_:of:)``).
    func addValues(of slot: Int32, into sums: inout MetricValues)
        -> (day: Day, hour: UInt8?, currency: Currency?, present: UInt32) {
        let i = Int(slot)
        let fields = present[i] & ~Self.wide
        let isWide = present[i] & Self.wide != 0
        var next = Int(valueStart[i])
        withUnsafeMutableBytes(of: &sums.units) { units in
            var bits = fields
            while bits != 0 {
                let offset = bits.trailingZeroBitCount &* 8
                let value = isWide ? Self.load64(values, next) : Int64(values[next])
                units.storeBytes(of: units.load(fromByteOffset: offset, as: Int64.self) &+ value,
                                 toByteOffset: offset, as: Int64.self)
                next += isWide ? 2 : 1
                bits &= bits - 1
            }
        }
        sums.present |= fields
        return (day: days.isEmpty ? keys[i].day! : Day(number: days[i]),
                hour: hours.isEmpty || hours[i] == Self.noHour ? nil : hours[i],
                currency: currencies.isEmpty || currencies[i] == 0 ? nil : Currency(packed: currencies[i]),
                present: fields)
    }
}
