import KPIEngine
import Foundation

/// A wall-clock time in the dashboard's time zone, to the second. Demo rows are written with
/// such times and no offset, which the data contract reads in the dashboard's time zone.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00 on the local wall clock.
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public init(day: Day, secondOfDay: Int) {
        secondsSinceEpoch = Int64(day.number) * 86_400 + Int64(secondOfDay)
    }

    /// The wall-clock time now in `timeZone`.
    public static func now(in timeZone: TimeZone = .current) -> LocalTime {
        let date = Date()
        let utcSeconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return LocalTime(secondsSinceEpoch: utcSeconds + Int64(timeZone.secondsFromGMT(for: date)))
    }

    public var day: Day { Day(number: Int32(floorDivide(secondsSinceEpoch, 86_400))) }

    /// 0 ..< 86,400.
    public var secondOfDay: Int { Int(secondsSinceEpoch - Int64(day.number) * 86_400) }

    public func adding(seconds: Int64) -> LocalTime { LocalTime(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        let second = secondOfDay
        return "\(day)T\(twoDigits(second / 3600)):\(twoDigits(second / 60 % 60)):\(twoDigits(second % 60))"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    private func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
