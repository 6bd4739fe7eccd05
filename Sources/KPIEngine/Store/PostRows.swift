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
/// few parallel arrays, and the present values of each row packed one after another.
struct PostRows: Sendable {
    private(set) var slotOf: [RowKey: Int32] = [:]
    private(set) var keys: [RowKey] = []
    private var present: [UInt32] = []
    private var valueStart: [UInt32] = []
    private var days: [Int32] = []
    private var titleNumbers: [UInt32] = []
    private var currencies: [UInt32] = []
    private var hours: [UInt8] = []
    /// The present values of every row, in field order, row after row.
    private var values: [Int64] = []
    /// Values no row points at any more (left behind by replaced rows).
    private var unused = 0
    private(set) var titles = StringTable()

    private static let noHour: UInt8 = .max

    var count: Int { keys.count }

    /// The row in `slot`.
    subscript(slot: Int32) -> StoredPost {
        let i = Int(slot)
        var unpacked = MetricValues(present: present[i])
        var next = Int(valueStart[i])
        var bits = present[i]
        while bits != 0 {
            let lane = bits.trailingZeroBitCount
            unpacked.set(MetricField(rawValue: lane)!, units: values[next])
            next += 1
            bits &= bits - 1
        }
        return StoredPost(values: unpacked, day: Day(number: days[i]),
                          hour: hours[i] == Self.noHour ? nil : hours[i],
                          currency: currencies[i] == 0 ? nil : Currency(packed: currencies[i]),
                          title: titleNumbers[i])
    }

    /// One field's value in `slot`, in units; nil when the row lacks it. Cheaper than the
    /// whole row when ranking posts by one field.
    func units(of field: MetricField, in slot: Int32) -> Int64? {
        let i = Int(slot)
        let bits = present[i]
        guard bits & field.bit != 0 else { return nil }
        let before = (bits & (field.bit - 1)).nonzeroBitCount
        return values[Int(valueStart[i]) + before]
    }

    /// Stores a row under `key` (a later one replaces an earlier one); returns its slot and the
    /// row it replaced.
    mutating func upsert(_ key: RowKey, _ row: StoredPost, title: String?) -> (slot: Int32, replaced: StoredPost?) {
        var stored = row
        stored.title = title.map { titles.number(for: $0) } ?? 0
        if let slot = slotOf[key] {
            let replaced = self[slot]
            write(stored, into: Int(slot), reusing: replaced.values.present.nonzeroBitCount)
            return (slot, replaced)
        }
        let slot = Int32(keys.count)
        slotOf[key] = slot
        keys.append(key)
        present.append(0)
        valueStart.append(0)
        days.append(0)
        titleNumbers.append(0)
        currencies.append(0)
        hours.append(0)
        write(stored, into: Int(slot), reusing: 0)
        return (slot, nil)
    }

    private mutating func write(_ row: StoredPost, into i: Int, reusing oldCount: Int) {
        let count = row.values.present.nonzeroBitCount
        if count > oldCount {
            unused += oldCount
            valueStart[i] = UInt32(values.count)
            values.append(contentsOf: repeatElement(0, count: count))
        } else {
            unused += oldCount - count
        }
        var next = Int(valueStart[i])
        var bits = row.values.present
        while bits != 0 {
            values[next] = row.values.units[bits.trailingZeroBitCount]
            next += 1
            bits &= bits - 1
        }
        present[i] = row.values.present
        days[i] = row.day.number
        titleNumbers[i] = row.title
        currencies[i] = row.currency?.packed ?? 0
        hours[i] = row.hour ?? Self.noHour
        if unused > 4096, unused > values.count / 2 { compact() }
    }

    /// Packs the values again without the unused ones.
    private mutating func compact() {
        var packed: [Int64] = []
        packed.reserveCapacity(values.count - unused)
        for i in keys.indices {
            let start = Int(valueStart[i])
            valueStart[i] = UInt32(packed.count)
            packed.append(contentsOf: values[start..<(start + present[i].nonzeroBitCount)])
        }
        values = packed
        unused = 0
    }
}
