/// Rows whose dates have no year (TikTok Studio writes `February 28`), held until the file
/// ends so that their years can be chosen together from the file's export day.
///
/// Rows that run in order, a day or a few weeks apart (a daily series, oldest or newest
/// first), get consecutive years: the newest row takes the latest year that puts it on or
/// before the export day, and the others count back from it, a year earlier at each New Year
/// they cross. Rows in no such order (a list of videos sorted by views) each take the latest
/// year that puts them on or before the export day. Dated rows that come after the first
/// year-less one wait with them, so that rows still reach the sink in file order.
struct YearlessDates {
    private struct Held {
        var row: MetricsRow
        /// Month and day of a year-less row; nil for a dated row held to keep the file's order.
        var monthDay: (month: Int, day: Int)?
        var secondOfDay: Int
    }

    /// What releasing the held rows gives, in file order.
    enum Released {
        case row(MetricsRow)
        case rejected(line: Int, reason: String)
    }

    private var held: [Held] = []

    /// True when no row is held.
    var isEmpty: Bool { held.isEmpty }

    /// Holds a row whose date is `month`/`day` of an unknown year.
    mutating func hold(_ row: MetricsRow, month: Int, day: Int, secondOfDay: Int) {
        held.append(Held(row: row, monthDay: (month, day), secondOfDay: secondOfDay))
    }

    /// Holds a dated row behind the year-less ones before it.
    mutating func holdDated(_ row: MetricsRow) {
        held.append(Held(row: row, monthDay: nil, secondOfDay: 0))
    }

    /// Gives every held row a year (see the type's description) and empties the store; also
    /// returns the span of the dates that had no year.
    mutating func release(exportDay: Day, clock: DayClock) -> (rows: [Released], span: ClosedRange<Day>?) {
        defer { held = [] }
        let yearless = held.indices.filter { held[$0].monthDay != nil }
        let years = Self.years(for: yearless.map { held[$0].monthDay! }, exportDay: exportDay)
        var yearOf: [Int: Int] = [:]
        for (position, index) in yearless.enumerated() { yearOf[index] = years[position] }
        var released: [Released] = []
        var first: Day?
        var last: Day?
        for (index, entry) in held.enumerated() {
            guard let (month, dayNumber) = entry.monthDay, let year = yearOf[index] else {
                released.append(.row(entry.row))
                continue
            }
            guard let day = Day(year: year, month: month, day: dayNumber) else {
                released.append(.rejected(line: entry.row.line, reason: "no \(Self.monthName(month)) \(dayNumber) in \(year)"))
                continue
            }
            var row = entry.row
            row.day = day
            row.time = clock.epochMilliseconds(localDay: day, secondOfDay: entry.secondOfDay, milliseconds: 0)
            released.append(.row(row))
            first = min(first ?? day, day)
            last = max(last ?? day, day)
        }
        return (released, first.flatMap { first in last.map { first...$0 } })
    }

    /// The year of each month-day, in order.
    static func years(for dates: [(month: Int, day: Int)], exportDay: Day) -> [Int] {
        guard !dates.isEmpty else { return [] }
        let ordinals = dates.map { dayOfYear(month: $0.month, day: $0.day) }
        let steps = zip(ordinals, ordinals.dropFirst())
        let ascending = steps.allSatisfy { ($1 - $0 + 366) % 366 <= maximumStep }
        let descending = steps.allSatisfy { ($0 - $1 + 366) % 366 <= maximumStep }
        var years = [Int](repeating: 0, count: dates.count)
        if ascending {
            let lastIndex = dates.count - 1
            years[lastIndex] = latestYear(dates[lastIndex], onOrBefore: exportDay)
            for index in stride(from: lastIndex - 1, through: 0, by: -1) {
                years[index] = years[index + 1] - (ordinals[index] > ordinals[index + 1] ? 1 : 0)
            }
        } else if descending {
            years[0] = latestYear(dates[0], onOrBefore: exportDay)
            for index in 1..<dates.count {
                years[index] = years[index - 1] - (ordinals[index] > ordinals[index - 1] ? 1 : 0)
            }
        } else {
            for index in dates.indices { years[index] = latestYear(dates[index], onOrBefore: exportDay) }
        }
        return years
    }

    /// Rows further apart than this many days are not "in order" (a daily, weekly or monthly
    /// series is; a list sorted by something else is not).
    private static let maximumStep = 62

    /// The latest year in which `date` exists and falls on or before `exportDay`.
    static func latestYear(_ date: (month: Int, day: Int), onOrBefore exportDay: Day) -> Int {
        var year = exportDay.civil.year
        for _ in 0..<8 {
            if let day = Day(year: year, month: date.month, day: date.day), day <= exportDay { return year }
            year -= 1
        }
        return exportDay.civil.year - 1
    }

    /// The day of a leap year (1...366) of a month and day.
    private static func dayOfYear(month: Int, day: Int) -> Int {
        let starts = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335]
        return starts[max(0, min(11, month - 1))] + day
    }

    private static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"][max(0, min(11, month - 1))]
    }
}
