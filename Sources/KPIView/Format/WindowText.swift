import KPIEngine
import KPIReport

/// The window on screen and what it is compared with, in forms from the longest to the
/// shortest, each exact: `28d 2026-10-27..2026-11-23` with `compared with the previous 28 days
/// (2026-09-29..2026-10-26)`, then `28d 2026-10-27..11-23` with `compared with 09-29..10-26`,
/// down to `10-27..11-23` with `vs 09-29..10-26`.
enum WindowText {
    /// (window, comparison) pairs, longest first.
    static func forms(_ snapshot: KPISnapshot) -> [(window: String, comparison: String)] {
        let window = snapshot.window
        let year = window.end.civil.year
        let length = window.isAll ? "all" : window.period.map { $0 == .month ? "mtd" : "qtd" } ?? "\(window.days)d"
        let full = "\(length) \(range(window, year: nil))"
        let medium = "\(length) \(range(window, year: year, keepingStartYear: true))"
        let shortest = range(window, year: year)
        guard let earlier = snapshot.comparisonWindow, !window.isAll else {
            return [(full, "no comparison"), (medium, "no comparison"), (medium, "")]
        }
        let phrase = "compared with " + ComparisonText.phrase(snapshot)
        let earlierFull = range(earlier, year: nil), earlierShort = range(earlier, year: year)
        switch snapshot.comparison {
        case .previousWindow:
            return [(full, phrase), (full, "compared with " + earlierFull), (medium, "compared with " + earlierShort),
                    (medium, "vs " + earlierShort), (shortest, "vs " + earlierShort)]
        case .yearBefore:
            return [(full, phrase), (full, "compared with \(earlierFull) (a year earlier)"),
                    (medium, "compared with a year earlier"), (medium, "vs a year earlier"), (shortest, "vs a year earlier")]
        }
    }

    /// `2026-10-27..2026-11-23` (one day: `2026-11-23`); days of `year` without it (`10-27`),
    /// but for the first when `keepingStartYear` (`2026-10-27..11-23`).
    static func range(_ window: ReportWindow, year: Int?, keepingStartYear: Bool = false) -> String {
        let start = day(window.start, year: keepingStartYear ? nil : year), end = day(window.end, year: year)
        return window.start == window.end ? (keepingStartYear ? window.end.description : end) : "\(start)..\(end)"
    }

    private static func day(_ day: Day, year: Int?) -> String {
        guard let year, day.civil.year == year else { return day.description }
        return String(day.description.dropFirst(5))
    }
}
