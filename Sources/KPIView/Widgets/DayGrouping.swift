/// How a daily series is laid out in `slots` cells: one day per cell when they fit, else
/// `daysPerGroup` days per cell, grouped back from the last day (so the last cell is always
/// whole and only the first may hold fewer days).
struct DayGrouping: Equatable {
    let daysPerGroup: Int
    /// Index ranges into the series, oldest first.
    let ranges: [Range<Int>]

    init(days: Int, slots: Int) {
        let slots = max(1, slots)
        let perGroup = max(1, (days + slots - 1) / slots)
        let count = (days + perGroup - 1) / perGroup
        daysPerGroup = perGroup
        ranges = (0..<count).map { group in
            let end = days - (count - 1 - group) * perGroup
            return max(0, end - perGroup)..<end
        }
    }

    var isGrouped: Bool { daysPerGroup > 1 }

    /// Each group's value: the mean of its days with data (a day's value, ungrouped); nil for a
    /// group without any.
    func values(_ series: [Double?]) -> [Double?] {
        ranges.map { range in
            let known = range.compactMap { $0 < series.count ? series[$0] : nil }.filter(\.isFinite)
            return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
        }
    }

    /// How the grouping is said under a chart or over a sparkline, longest first:
    /// `2 days per column`, `2d per column`, `2d/col`; `daily` when ungrouped.
    func words(per cell: String, short: String) -> [String] {
        isGrouped ? ["\(daysPerGroup) days per \(cell)", "\(daysPerGroup)d per \(cell)", "\(daysPerGroup)d/\(short)"] : ["daily"]
    }
}
