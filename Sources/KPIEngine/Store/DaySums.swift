/// A file's sums per (platform, day): a dictionary while the file is being read, packed once
/// it is read to its end (``pack()``): the days in order with only the fields present, some
/// 90 bytes a day instead of about 440 (a ``DayTotals`` holds all 32 fields). With 20,000
/// small files this was the largest part of the memory each file kept (docs/PERFORMANCE.md).
/// A change unpacks it again.
struct DaySums: Sendable, Sequence {
    private var open: [PlatformDay: DayTotals] = [:]
    /// Packed days, in key order; empty while ``open`` is in use.
    private var packed: [PackedDay] = []
    /// The present values of the packed days, day after day, in field order.
    private var packedValues: [Int64] = []
    /// The last day changed, whose place in ``open`` needs no hashing (rows of a file usually
    /// share the previous row's day).
    private var last: (key: PlatformDay, index: Dictionary<PlatformDay, DayTotals>.Index)?

    private struct PackedDay: Sendable {
        var key: PlatformDay
        var present: UInt32
        /// The lanes kept in ``packedValues``: the present ones and any other not zero.
        var stored: UInt32
        var start: UInt32
        var followers: FollowerObservation?
        var newestTime: Int64
    }

    var isEmpty: Bool { open.isEmpty && packed.isEmpty }

    var keys: [PlatformDay] { packed.isEmpty ? Array(open.keys) : packed.map(\.key) }

    subscript(key: PlatformDay) -> DayTotals? {
        guard !packed.isEmpty else { return open[key] }
        return packedIndex(of: key).map(unpack)
    }

    /// The follower observation and newest instant of a day (what the store compares across
    /// files), without unpacking its sums; nil when the file has no such day.
    func observation(of key: PlatformDay) -> (followers: FollowerObservation?, newestTime: Int64)? {
        guard !packed.isEmpty else { return open[key].map { ($0.followers, $0.newestTime) } }
        return packedIndex(of: key).map { (packed[$0].followers, packed[$0].newestTime) }
    }

    /// The place of `key` among the packed days, by binary search.
    private func packedIndex(of key: PlatformDay) -> Int? {
        var low = 0, high = packed.count
        while low < high {
            let mid = (low + high) / 2
            if packed[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low < packed.count && packed[low].key == key ? low : nil
    }

    /// Changes the totals of `key` (made empty first when new).
    @inline(__always)
    mutating func modify(_ key: PlatformDay, _ change: (inout DayTotals) -> Void) {
        if let last, last.key == key {
            change(&open.values[last.index])
            return
        }
        if !packed.isEmpty { unpackAll() }
        var index = open.index(forKey: key)
        if index == nil {
            open[key] = DayTotals()
            index = open.index(forKey: key)
        }
        change(&open.values[index!])
        last = (key, index!)
    }

    /// Packs the days (the file was read to its end); nothing to do when already packed.
    mutating func pack() {
        guard !open.isEmpty else { return }
        let keys = open.keys.sorted()
        var days: [PackedDay] = []
        days.reserveCapacity(keys.count)
        var values: [Int64] = []
        for key in keys {
            let totals = open[key]!
            let stored = totals.values.storedLanes
            days.append(PackedDay(key: key, present: totals.values.present, stored: stored, start: UInt32(values.count),
                                  followers: totals.followers, newestTime: totals.newestTime))
            totals.values.appendUnits(of: stored, to: &values)
        }
        values.shrinkToFit()
        packed = days
        packedValues = values
        open = [:]
        last = nil
    }

    private func unpack(_ index: Int) -> DayTotals {
        let day = packed[index]
        var totals = DayTotals()
        totals.values = MetricValues(lanes: day.stored, present: day.present, packed: packedValues, from: Int(day.start))
        totals.followers = day.followers
        totals.newestTime = day.newestTime
        return totals
    }

    private mutating func unpackAll() {
        for index in packed.indices { open[packed[index].key] = unpack(index) }
        packed = []
        packedValues = []
        last = nil
    }

    func makeIterator() -> Iterator { Iterator(sums: self) }

    /// The days with their totals, in no particular order.
    struct Iterator: IteratorProtocol {
        fileprivate let sums: DaySums
        private var openDays: Dictionary<PlatformDay, DayTotals>.Iterator
        private var index = 0

        fileprivate init(sums: DaySums) {
            self.sums = sums
            openDays = sums.open.makeIterator()
        }

        mutating func next() -> (key: PlatformDay, value: DayTotals)? {
            if let pair = openDays.next() { return pair }
            guard index < sums.packed.count else { return nil }
            defer { index += 1 }
            return (sums.packed[index].key, sums.unpack(index))
        }
    }
}
