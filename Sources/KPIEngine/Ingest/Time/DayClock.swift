import Foundation

/// Converts instants to days and civil local times to instants in one IANA time zone, fast.
///
/// The zone's UTC-offset periods from 1900 to 2100 are computed once (with
/// `TimeZone.nextDaylightSavingTimeTransition`); a conversion is then a binary search over
/// them, with no Foundation call per row. Instants outside that span ask `TimeZone` directly.
public struct DayClock: Sendable {
    /// The IANA name of the zone ("Europe/Berlin", "UTC").
    public var identifier: String

    private let zone: TimeZone
    /// Instants (ms) where the UTC offset changes, ascending.
    private let transitions: [Int64]
    /// UTC offsets in ms: `offsets[i]` holds before `transitions[i]` and from `transitions[i - 1]`.
    private let offsets: [Int64]
    private let tableStart: Int64
    private let tableEnd: Int64

    static let millisecondsPerDay: Int64 = 86_400_000

    /// The clock of an IANA zone; nil for an unknown zone.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(zone: zone, identifier: identifier)
    }

    private init(zone: TimeZone, identifier: String) {
        self.identifier = identifier
        self.zone = zone
        let start = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let end = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
        var transitions: [Int64] = []
        var offsets: [Int64] = [Int64(zone.secondsFromGMT(for: start)) * 1000]
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = Int64(zone.secondsFromGMT(for: next)) * 1000
            if offset != offsets[offsets.count - 1] {
                transitions.append(Int64((next.timeIntervalSince1970 * 1000).rounded()))
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        tableStart = Int64(start.timeIntervalSince1970) * 1000
        tableEnd = Int64(end.timeIntervalSince1970) * 1000
    }

    /// The zone named by the `TZ` environment variable, else `/etc/localtime`, else UTC.
    public static var system: DayClock {
        if let tz = ProcessInfo.processInfo.environment["TZ"], !tz.isEmpty {
            let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            if let clock = DayClock(identifier: name) { return clock }
        }
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime"),
           let range = target.range(of: "zoneinfo/"),
           let clock = DayClock(identifier: String(target[range.upperBound...])) {
            return clock
        }
        return DayClock(zone: TimeZone(identifier: "UTC")!, identifier: "UTC")
    }

    /// The day (in this zone) of an instant.
    public func day(ofEpochMilliseconds ms: Int64) -> Day {
        let local = ms + offset(atEpochMilliseconds: ms)
        return Day(number: Int32(Self.floorDivide(local, Self.millisecondsPerDay)))
    }

    /// The day (in this zone) of an instant, and the instants around it that have the same day
    /// and the same UTC offset: a reader of many instants in order (``TimeText``) keeps the span
    /// and finds the day of the next instant in it without a search.
    func daySpan(ofEpochMilliseconds ms: Int64) -> (day: Day, instants: Range<Int64>) {
        let (offset, period) = offsetPeriod(containing: ms)
        let dayNumber = Self.floorDivide(ms + offset, Self.millisecondsPerDay)
        let dayFrom = dayNumber * Self.millisecondsPerDay - offset
        return (Day(number: Int32(dayNumber)),
                max(period.lowerBound, dayFrom)..<min(period.upperBound, dayFrom + Self.millisecondsPerDay))
    }

    /// The UTC offset (ms) in force at an instant, and the instants around it that have the
    /// same offset: a reader of many instants in order (``TimeText``) keeps the period and
    /// finds the day of the next instant in it by a division.
    func offsetPeriod(containing ms: Int64) -> (offset: Int64, instants: Range<Int64>) {
        guard ms >= tableStart, ms < tableEnd else { return (offset(atEpochMilliseconds: ms), ms..<ms + 1) }
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= ms { low = mid + 1 } else { high = mid }
        }
        let from = low > 0 ? transitions[low - 1] : tableStart
        let until = low < transitions.count ? transitions[low] : tableEnd
        return (offsets[low], from..<until)
    }

    /// The local hour (0...23) of an instant.
    public func hour(ofEpochMilliseconds ms: Int64) -> Int {
        let local = ms + offset(atEpochMilliseconds: ms)
        return Int(Self.floorDivide(local, 3_600_000) - Self.floorDivide(local, Self.millisecondsPerDay) * 24)
    }

    /// The local time of day of an instant, in milliseconds since local midnight.
    public func millisecondOfDay(_ ms: Int64) -> Int64 {
        let local = ms + offset(atEpochMilliseconds: ms)
        return local - Self.floorDivide(local, Self.millisecondsPerDay) * Self.millisecondsPerDay
    }

    /// Instant of a local civil time (for the dashboard zone); ms precision.
    ///
    /// A time skipped by a DST change counts with the offset before the change (02:30 on a
    /// spring-forward day is 03:30); a time that happens twice is its first occurrence.
    public func epochMilliseconds(localDay: Day, secondOfDay: Int, milliseconds: Int) -> Int64 {
        let local = Int64(localDay.number) * Self.millisecondsPerDay + Int64(secondOfDay) * 1000 + Int64(milliseconds)
        let before = offset(atEpochMilliseconds: local - Self.millisecondsPerDay)
        let after = offset(atEpochMilliseconds: local + Self.millisecondsPerDay)
        let withBefore = local - before
        if before == after { return withBefore }
        let withAfter = local - after
        let beforeHolds = offset(atEpochMilliseconds: withBefore) == before
        let afterHolds = offset(atEpochMilliseconds: withAfter) == after
        switch (beforeHolds, afterHolds) {
        case (true, true): return min(withBefore, withAfter)
        case (false, true): return withAfter
        default: return withBefore
        }
    }

    /// Start of a local day as an instant (ms) — used for window bounds.
    public func startOfDay(_ day: Day) -> Int64 {
        epochMilliseconds(localDay: day, secondOfDay: 0, milliseconds: 0)
    }

    /// The UTC offset (ms) in force at an instant.
    func offset(atEpochMilliseconds ms: Int64) -> Int64 {
        guard ms >= tableStart, ms < tableEnd else {
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            return Int64(zone.secondsFromGMT(for: date)) * 1000
        }
        // The number of transitions at or before `ms` indexes its offset.
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= ms { low = mid + 1 } else { high = mid }
        }
        return offsets[low]
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
