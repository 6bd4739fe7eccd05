import KPIEngine

/// The window on screen and what it is compared with, in forms from the longest to the
/// shortest, each exact: `28d 2026-10-27..2026-11-23` with `compared with the previous 28 days
/// (2026-09-29..2026-10-26)`, down to `10-27..11-23` with `vs 09-29..10-26`.
enum WindowText {
    /// (window, comparison) pairs, longest first.
    static func forms(_ snapshot: KPISnapshot) -> [(window: String, comparison: String)] {
        let window = snapshot.window
        let year = window.end.civil.year
        let length = window.isAll ? "all" : "\(window.days)d"
        let full = "\(length) \(range(window, year: nil))"
        let short = "\(length) \(range(window, year: year))"
        let shortest = range(window, year: year)
        guard let earlier = snapshot.comparisonWindow, !window.isAll else {
            return [(full, "no comparison"), (short, "no comparison"), (shortest, "")]
        }
        let phrase = "compared with " + ComparisonText.phrase(snapshot)
        let versus = "vs " + range(earlier, year: nil)
        let versusShort = "vs " + range(earlier, year: year)
        switch snapshot.comparison {
        case .previousWindow:
            return [(full, phrase), (full, "compared with " + range(earlier, year: nil)), (full, versus),
                    (short, versusShort), (shortest, versusShort)]
        case .yearBefore:
            return [(full, phrase), (full, versus + " (a year earlier)"), (full, versus),
                    (short, "vs a year earlier"), (shortest, "vs a year earlier")]
        }
    }

    /// `2026-10-27..2026-11-23` (one day: `2026-11-23`); days of `year` without it (`10-27`).
    static func range(_ window: ReportWindow, year: Int?) -> String {
        let start = day(window.start, year: year), end = day(window.end, year: year)
        return window.start == window.end ? end : "\(start)..\(end)"
    }

    private static func day(_ day: Day, year: Int?) -> String {
        guard let year, day.civil.year == year else { return day.description }
        return String(day.description.dropFirst(5))
    }
}
