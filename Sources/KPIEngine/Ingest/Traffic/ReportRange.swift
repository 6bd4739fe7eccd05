/// The reporting range a Google Analytics export writes in its `#` comment lines: `# Start
/// date: 20260510` and `# End date: 20260516` (in any language: a line's label is not read,
/// only its `YYYYMMDD` date), or an exploration's `# 20250428-20260428`. A report overview
/// repeats the lines before each of its tables, so each table takes the range of the comment
/// lines just above it, else the file's last one.
struct ReportRange: Equatable, Sendable {
    /// Dates found since the last table's header.
    private var pending: [Day] = []
    /// The range of the last table.
    private(set) var current: ClosedRange<Day>?

    /// Reads one comment line (its text after `#`).
    mutating func read(comment text: some StringProtocol) {
        for day in Self.dates(in: text) { pending.append(day) }
    }

    /// The range of the table whose header comes now: the comment lines' dates above it (their
    /// first to their last), else the previous table's.
    mutating func takeForTable() -> ClosedRange<Day>? {
        if let first = pending.first, let last = pending.last {
            current = min(first, last)...max(first, last)
        }
        pending = []
        return current
    }

    /// The `YYYYMMDD` dates of a text: runs of exactly eight digits that are dates.
    static func dates(in text: some StringProtocol) -> [Day] {
        var days: [Day] = []
        var digits = ""
        for character in text.unicodeScalars + [" "] {
            if ("0"..."9").contains(character) {
                digits.unicodeScalars.append(character)
                continue
            }
            if digits.count == 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
               let day = Int(digits.suffix(2)), (1900...2099).contains(year), let date = Day(year: year, month: month, day: day) {
                days.append(date)
            }
            digits = ""
        }
        return days
    }
}
