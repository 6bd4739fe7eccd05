/// A file's sums per (platform, day): a dictionary while the file is being read, packed once
/// it is read to its end (``pack()``) into one array of bytes: the days in order with only the
/// fields present, as variable-length integers, about 30 bytes a day instead of about 440 (a
/// ``DayTotals`` holds all 32 fields). With 20,000 small files this was the largest part of the
/// memory each file kept (docs/PERFORMANCE.md). A change unpacks it again.
struct DaySums: Sendable, Sequence {
    /// The days while the file is read, out of line; nil when packed or empty.
    private var open: CopyOnWriteBox<OpenDays>?
    /// The packed days (one allocation a file), empty while ``open`` is in use: the number of
    /// days (4 bytes), a fixed-width entry a day in key order (platform, day and where its
    /// values start: ``entryBytes``), then each day's values (see ``pack()``).
    private var packed: [UInt8] = []

    private static let countBytes = 4
    private static let entryBytes = 10
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// The days being read, and the last one changed, whose place needs no hashing (rows of a
    /// file usually share the previous row's day).
    private struct OpenDays {
        var totals: [PlatformDay: DayTotals] = [:]
        var last: (key: PlatformDay, index: Dictionary<PlatformDay, DayTotals>.Index)?

        @inline(__always)
        mutating func modify(_ key: PlatformDay, _ change: (inout DayTotals) -> Void) {
            if let last, last.key == key {
                change(&totals.values[last.index])
                return
            }
            var index = totals.index(forKey: key)
            if index == nil {
                totals[key] = DayTotals()
                index = totals.index(forKey: key)
            }
            change(&totals.values[index!])
            last = (key, index!)
        }
    }

    var isEmpty: Bool { (open?.value.totals.isEmpty ?? true) && packed.isEmpty }

    /// The number of packed days.
    private var packedCount: Int { packed.isEmpty ? 0 : Int(PackedBytes.fixed(UInt32.self, in: packed, at: 0)) }

    private func packedKey(_ index: Int) -> PlatformDay {
        let entry = Self.countBytes + index * Self.entryBytes
        return PlatformDay(platform: PackedBytes.fixed(UInt16.self, in: packed, at: entry),
                           day: Day(number: PackedBytes.fixed(Int32.self, in: packed, at: entry + 2)))
    }

    private func packedStart(_ index: Int) -> Int {
        Int(PackedBytes.fixed(UInt32.self, in: packed, at: Self.countBytes + index * Self.entryBytes + 6))
    }

    var keys: [PlatformDay] {
        if let open { return Array(open.value.totals.keys) }
        return (0..<packedCount).map(packedKey)
    }

    subscript(key: PlatformDay) -> DayTotals? {
        if let open { return open.value.totals[key] }
        return packedIndex(of: key).map(unpack)
    }

    /// The follower observation and newest instant of a day (what the store compares across
    /// files), without unpacking its sums; nil when the file has no such day.
    func observation(of key: PlatformDay) -> (followers: FollowerObservation?, newestTime: Int64)? {
        if let open { return open.value.totals[key].map { ($0.followers, $0.newestTime) } }
        return packedIndex(of: key).map { index in
            var reader = DayReader(packed: packed, key: key, offset: packedStart(index))
            _ = reader.lanes()
            return reader.observation()
        }
    }

    /// The place of `key` among the packed days, by binary search.
    private func packedIndex(of key: PlatformDay) -> Int? {
        var low = 0, high = packedCount
        while low < high {
            let mid = (low + high) / 2
            if packedKey(mid) < key { low = mid + 1 } else { high = mid }
        }
        return low < packedCount && packedKey(low) == key ? low : nil
    }

    /// Changes the totals of `key` (made empty first when new).
    @inline(__always)
    mutating func modify(_ key: PlatformDay, _ change: (inout DayTotals) -> Void) {
        if open == nil { unpackAll() }
        open!.value.modify(key, change)
    }

    /// Packs the days (the file was read to its end); nothing to do when already packed. A
    /// day's values are its present fields and stored lanes (the present ones and any other not
    /// zero), a flag saying whether it has a follower observation, its newest instant and the
    /// observation's instant (as offsets from the day's start in UTC), the observation's value
    /// (8 bytes), then each stored lane's units, a whole number by itself (see ``appendUnits``).
    mutating func pack() {
        guard let days = open?.value.totals else { return }
        open = nil
        guard !days.isEmpty else { return }
        let keys = days.keys.sorted()
        var values: [UInt8] = []
        var starts: [Int] = []
        let valuesStart = Self.countBytes + keys.count * Self.entryBytes
        for key in keys {
            let totals = days[key]!
            starts.append(valuesStart + values.count)
            let stored = totals.values.storedLanes
            let dayStart = Int64(key.day.number) * Self.millisecondsPerDay
            PackedBytes.appendUnsigned(UInt64(totals.values.present), to: &values)
            PackedBytes.appendUnsigned(UInt64(stored), to: &values)
            values.append(totals.followers == nil ? 0 : 1)
            PackedBytes.appendSigned(totals.newestTime &- dayStart, to: &values)
            if let followers = totals.followers {
                PackedBytes.appendSigned(followers.time &- dayStart, to: &values)
                PackedBytes.appendFixed(followers.value.bitPattern, to: &values)
            }
            var lanes = stored
            while lanes != 0 {
                Self.appendUnits(totals.values.units[lanes.trailingZeroBitCount], to: &values)
                lanes &= lanes - 1
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(valuesStart + values.count)
        PackedBytes.appendFixed(UInt32(keys.count), to: &bytes)
        for (key, start) in zip(keys, starts) {
            PackedBytes.appendFixed(key.platform, to: &bytes)
            PackedBytes.appendFixed(key.day.number, to: &bytes)
            PackedBytes.appendFixed(UInt32(start), to: &bytes)
        }
        bytes += values
        packed = bytes
    }

    /// Appends a lane's units: most values are whole numbers, written without their four
    /// decimals (`5531` in 2 bytes, not 4), the lowest bit saying which it is.
    private static func appendUnits(_ units: Int64, to bytes: inout [UInt8]) {
        let whole = units % MetricValues.unitsPerOne == 0
        let zigzag = UInt64(bitPattern: ((whole ? units / MetricValues.unitsPerOne : units) << 1) ^ (units >> 63))
        if zigzag >> 63 == 0 {
            PackedBytes.appendUnsigned(zigzag << 1 | (whole ? 1 : 0), to: &bytes)
        } else {
            // Too large to take the flag: written as the units themselves, after a 0 (which
            // no other value gives: zero is whole, written as 1).
            PackedBytes.appendUnsigned(0, to: &bytes)
            PackedBytes.appendSigned(units, to: &bytes)
        }
    }

    /// Reads one packed day's values, in the order ``pack()`` wrote them.
    private struct DayReader {
        let packed: [UInt8]
        let dayStart: Int64
        var offset: Int

        init(packed: [UInt8], key: PlatformDay, offset: Int) {
            self.packed = packed
            dayStart = Int64(key.day.number) * DaySums.millisecondsPerDay
            self.offset = offset
        }

        /// The present fields and stored lanes.
        mutating func lanes() -> (present: UInt32, stored: UInt32) {
            let present = UInt32(truncatingIfNeeded: PackedBytes.unsigned(in: packed, at: &offset))
            let stored = UInt32(truncatingIfNeeded: PackedBytes.unsigned(in: packed, at: &offset))
            return (present, stored)
        }

        /// The follower observation and newest instant (after ``lanes()``).
        mutating func observation() -> (followers: FollowerObservation?, newestTime: Int64) {
            let hasFollowers = packed[offset] != 0
            offset += 1
            let newestTime = PackedBytes.signed(in: packed, at: &offset) &+ dayStart
            guard hasFollowers else { return (nil, newestTime) }
            let time = PackedBytes.signed(in: packed, at: &offset) &+ dayStart
            let value = Double(bitPattern: PackedBytes.fixed(UInt64.self, in: packed, at: offset))
            offset += 8
            return (FollowerObservation(time: time, value: value), newestTime)
        }

        /// The next lane's units (after ``observation()``).
        mutating func units() -> Int64 {
            let raw = PackedBytes.unsigned(in: packed, at: &offset)
            if raw == 0 { return PackedBytes.signed(in: packed, at: &offset) }
            let zigzag = raw >> 1
            let value = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
            return raw & 1 == 1 ? value * MetricValues.unitsPerOne : value
        }
    }

    private func unpack(_ index: Int) -> DayTotals {
        var reader = DayReader(packed: packed, key: packedKey(index), offset: packedStart(index))
        let (present, stored) = reader.lanes()
        var totals = DayTotals()
        (totals.followers, totals.newestTime) = reader.observation()
        var lanes = stored
        while lanes != 0 {
            totals.values.set(MetricField(rawValue: lanes.trailingZeroBitCount)!, units: reader.units())
            lanes &= lanes - 1
        }
        totals.values.present = present
        return totals
    }

    private mutating func unpackAll() {
        var days = OpenDays()
        for index in 0..<packedCount { days.totals[packedKey(index)] = unpack(index) }
        packed = []
        open = CopyOnWriteBox(days)
    }

    func makeIterator() -> Iterator { Iterator(sums: self) }

    /// The days with their totals, in no particular order.
    struct Iterator: IteratorProtocol {
        fileprivate let sums: DaySums
        private var openDays: Dictionary<PlatformDay, DayTotals>.Iterator?
        private var index = 0

        fileprivate init(sums: DaySums) {
            self.sums = sums
            openDays = sums.open?.value.totals.makeIterator()
        }

        mutating func next() -> (key: PlatformDay, value: DayTotals)? {
            if openDays != nil { return openDays!.next() }
            guard index < sums.packedCount else { return nil }
            defer { index += 1 }
            return (sums.packedKey(index), sums.unpack(index))
        }
    }
}
