/// A file's sums per (platform, day): a dictionary while the file is being read, packed once
/// it is read to its end (``pack()``) into one array of words: the days in order with only the
/// fields present, some 80 bytes a day instead of about 440 (a ``DayTotals`` holds all 32
/// fields). With 20,000 small files this was the largest part of the memory each file kept
/// (docs/PERFORMANCE.md). A change unpacks it again.
struct DaySums: Sendable, Sequence {
    /// The days while the file is read, out of line; nil when packed or empty.
    private var open: CopyOnWriteBox<OpenDays>?
    /// The packed days (one allocation a file), empty while ``open`` is in use: the number of
    /// days, then ``PackedHeader/words`` words a day in key order, then each day's follower
    /// observation (two words, when it has one) and its stored lanes (see ``PackedHeader``).
    private var packed: [Int64] = []

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

    /// What a packed day says of itself, in four words of ``packed``.
    private struct PackedHeader {
        static let words = 4
        private static let hasFollowers: Int64 = 1 << 62

        var key: PlatformDay
        var present: UInt32
        /// The lanes kept: the present ones and any other not zero.
        var stored: UInt32
        /// Where the day's follower observation (if any) and lanes start in ``packed``.
        var start: Int
        var hasFollowers: Bool
        var newestTime: Int64

        init(key: PlatformDay, present: UInt32, stored: UInt32, start: Int, hasFollowers: Bool, newestTime: Int64) {
            self.key = key
            self.present = present
            self.stored = stored
            self.start = start
            self.hasFollowers = hasFollowers
            self.newestTime = newestTime
        }

        /// The header of day `index` in `packed`.
        init(_ packed: [Int64], day index: Int) {
            let base = 1 + index * Self.words
            key = Self.key(packed[base])
            let lanes = UInt64(bitPattern: packed[base + 1])
            present = UInt32(truncatingIfNeeded: lanes >> 32)
            stored = UInt32(truncatingIfNeeded: lanes)
            start = Int(packed[base + 2] & ~Self.hasFollowers)
            hasFollowers = packed[base + 2] & Self.hasFollowers != 0
            newestTime = packed[base + 3]
        }

        static func key(_ word: Int64) -> PlatformDay {
            PlatformDay(platform: UInt16(truncatingIfNeeded: word >> 32), day: Day(number: Int32(truncatingIfNeeded: word)))
        }

        /// The key of day `index` in `packed`, alone.
        static func key(_ packed: [Int64], day index: Int) -> PlatformDay { key(packed[1 + index * words]) }

        func append(to packed: inout [Int64]) {
            packed.append(Int64(key.platform) << 32 | Int64(UInt32(bitPattern: key.day.number)))
            packed.append(Int64(bitPattern: UInt64(present) << 32 | UInt64(stored)))
            packed.append(Int64(start) | (hasFollowers ? Self.hasFollowers : 0))
            packed.append(newestTime)
        }
    }

    var isEmpty: Bool { (open?.value.totals.isEmpty ?? true) && packed.isEmpty }

    /// The number of packed days.
    private var packedCount: Int { packed.isEmpty ? 0 : Int(packed[0]) }

    var keys: [PlatformDay] {
        if let open { return Array(open.value.totals.keys) }
        return (0..<packedCount).map { PackedHeader.key(packed, day: $0) }
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
            let header = PackedHeader(packed, day: index)
            return (followers(of: header), header.newestTime)
        }
    }

    /// The place of `key` among the packed days, by binary search.
    private func packedIndex(of key: PlatformDay) -> Int? {
        var low = 0, high = packedCount
        while low < high {
            let mid = (low + high) / 2
            if PackedHeader.key(packed, day: mid) < key { low = mid + 1 } else { high = mid }
        }
        return low < packedCount && PackedHeader.key(packed, day: low) == key ? low : nil
    }

    /// Changes the totals of `key` (made empty first when new).
    @inline(__always)
    mutating func modify(_ key: PlatformDay, _ change: (inout DayTotals) -> Void) {
        if open == nil { unpackAll() }
        open!.value.modify(key, change)
    }

    /// Packs the days (the file was read to its end); nothing to do when already packed.
    mutating func pack() {
        guard let days = open?.value.totals else { return }
        open = nil
        guard !days.isEmpty else { return }
        let keys = days.keys.sorted()
        let stored = keys.map { days[$0]!.values.storedLanes }
        let valueWords = keys.indices.reduce(0) { words, index in
            words + (days[keys[index]]!.followers == nil ? 0 : 2) + stored[index].nonzeroBitCount
        }
        var words: [Int64] = []
        words.reserveCapacity(1 + keys.count * PackedHeader.words + valueWords)
        words.append(Int64(keys.count))
        var start = 1 + keys.count * PackedHeader.words
        for (index, key) in keys.enumerated() {
            let totals = days[key]!
            PackedHeader(key: key, present: totals.values.present, stored: stored[index], start: start,
                         hasFollowers: totals.followers != nil, newestTime: totals.newestTime).append(to: &words)
            start += (totals.followers == nil ? 0 : 2) + stored[index].nonzeroBitCount
        }
        for (index, key) in keys.enumerated() {
            let totals = days[key]!
            if let followers = totals.followers {
                words.append(followers.time)
                words.append(Int64(bitPattern: followers.value.bitPattern))
            }
            totals.values.appendUnits(of: stored[index], to: &words)
        }
        packed = words
    }

    private func followers(of header: PackedHeader) -> FollowerObservation? {
        guard header.hasFollowers else { return nil }
        return FollowerObservation(time: packed[header.start], value: Double(bitPattern: UInt64(bitPattern: packed[header.start + 1])))
    }

    private func unpack(_ index: Int) -> DayTotals {
        let header = PackedHeader(packed, day: index)
        var totals = DayTotals()
        totals.values = MetricValues(lanes: header.stored, present: header.present, packed: packed,
                                     from: header.start + (header.hasFollowers ? 2 : 0))
        totals.followers = followers(of: header)
        totals.newestTime = header.newestTime
        return totals
    }

    private mutating func unpackAll() {
        var days = OpenDays()
        for index in 0..<packedCount { days.totals[PackedHeader.key(packed, day: index)] = unpack(index) }
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
            return (PackedHeader.key(sums.packed, day: index), sums.unpack(index))
        }
    }
}
