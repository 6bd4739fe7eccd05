/// The days a snapshot covers: L whole days ending with the anchor day (docs/DATA.md section 5),
/// or the month or quarter to date.
public struct ReportWindow: Sendable, Equatable, Codable {
    /// First day, inclusive.
    public var start: Day
    /// Last day (the anchor day), inclusive.
    public var end: Day
    /// True for the `all` window, which spans all the data and has no previous window.
    public var isAll: Bool
    /// For a month or quarter to date: the calendar period (the previous window is then the
    /// same days of the period before).
    public var period: CalendarPeriod?

    public init(start: Day, end: Day, isAll: Bool = false, period: CalendarPeriod? = nil) {
        self.start = start
        self.end = end
        self.isAll = isAll
        self.period = period
    }

    /// The month or quarter to date: from the first day of `anchor`'s period to `anchor`.
    public init(toDate period: CalendarPeriod, endingOn anchor: Day) {
        self.init(start: period.firstDay(of: anchor), end: anchor, period: period)
    }

    /// L days ending with `anchor`.
    public init(days: Int, endingOn anchor: Day) {
        self.init(start: anchor.adding(days: -(days - 1)), end: anchor)
    }

    /// L, the number of days in the window.
    public var days: Int { start.distance(to: end) + 1 }

    /// `[start - L, end - L]`, or nil for the `all` window; for a month or quarter to date, the
    /// same number of days from the start of the period before (cut at its end).
    public var previous: ReportWindow? {
        if isAll { return nil }
        if let period {
            let earlier = period.firstDay(of: start.adding(days: -1))
            let last = min(earlier.adding(days: days - 1), start.adding(days: -1))
            return ReportWindow(start: earlier, end: last)
        }
        return ReportWindow(start: start.adding(days: -days), end: end.adding(days: -days))
    }

    /// The same days a year earlier (29 February becomes the 28th), or nil for the `all` window.
    public var yearBefore: ReportWindow? {
        isAll ? nil : ReportWindow(start: start.sameDayYearBefore, end: end.sameDayYearBefore)
    }

    /// The window each KPI is compared with.
    public func comparisonWindow(_ comparison: Comparison) -> ReportWindow? {
        comparison == .previousWindow ? previous : yearBefore
    }

    public func contains(_ day: Day) -> Bool { day >= start && day <= end }

    /// Every day of the window, in order.
    public var allDays: [Day] { (0..<days).map { start.adding(days: $0) } }
}

/// A calendar month or quarter.
public enum CalendarPeriod: String, Sendable, Equatable, Codable {
    case month, quarter

    /// The first day of the period `day` is in.
    public func firstDay(of day: Day) -> Day {
        let (y, m, _) = day.civil
        return Day(year: y, month: self == .month ? m : (m - 1) / 3 * 3 + 1, day: 1)!
    }
}

/// A window length as people type it: `1d`, `7d`, `28d`, `90d`, any `Nd`, `all`, or the month
/// or quarter to date (`mtd`, `qtd`).
public enum WindowLength: Sendable, Equatable, CustomStringConvertible, Codable {
    case days(Int)
    case all
    case toDate(CalendarPeriod)

    /// The lengths the dashboard's `w` key cycles through.
    public static let cycle: [WindowLength] = [.days(1), .days(7), .days(28), .days(90), .all]

    /// Parses `28d`, `28`, `all`, `mtd` or `qtd`; nil for anything else (zero and negative
    /// included).
    public init?(_ text: String) {
        let t = text.lowercased()
        if t == "all" { self = .all; return }
        if t == "mtd" { self = .toDate(.month); return }
        if t == "qtd" { self = .toDate(.quarter); return }
        let digits = t.hasSuffix("d") ? String(t.dropLast()) : t
        guard let n = Int(digits), n > 0, n <= 36_600 else { return nil }
        self = .days(n)
    }

    public var description: String {
        switch self {
        case .days(let n): "\(n)d"
        case .all: "all"
        case .toDate(.month): "mtd"
        case .toDate(.quarter): "qtd"
        }
    }
}
