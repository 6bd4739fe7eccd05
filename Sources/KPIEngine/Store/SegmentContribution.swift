/// What a segment of a large file, read in parallel with the rest of it, adds: the sums of its
/// metrics rows without an id, and its first rows one by one.
///
/// A sequential read sums a (platform, day) in file order; floating-point addition is not
/// associative, so a day that the earlier part of the file also has can only be added row by
/// row, in order, onto the earlier sum (see ``FileContribution/append(_:)``). Its first rows are
/// kept for that (a file sorted by day shares at most the day at the cut). Anything whose line
/// number or order matters (a row with an id, a service row, a rejection, a note) makes the
/// segment unusable: the file is then read on from the earlier part instead.
struct SegmentContribution: RecordSink {
    /// Rows kept one by one at the start of a segment.
    static let keptRowLimit = 2048

    /// Sums of the segment's rows, as a file of its own.
    private(set) var sums: FileContribution
    /// The first rows (up to ``keptRowLimit``), each as the totals of its own day.
    private(set) var firstRows: [(key: PlatformDay, totals: DayTotals)] = []
    /// The (platform, day) pairs of the rows after the first ones.
    private(set) var laterKeys: Set<PlatformDay> = []
    /// False once the segment saw something it cannot stand for.
    private(set) var isUsable = true
    private var lastLaterKey: PlatformDay?

    init(path: String) {
        sums = FileContribution(path: path)
    }

    mutating func metrics(_ row: MetricsRow) {
        guard isUsable else { return }
        guard row.id == nil else { return isUsable = false }
        if firstRows.count < Self.keptRowLimit {
            var totals = DayTotals()
            totals.add(row)
            firstRows.append((PlatformDay(platform: row.platform, day: row.day), totals))
        } else if lastLaterKey.map({ $0.day != row.day || $0.platform != row.platform }) ?? true {
            let key = PlatformDay(platform: row.platform, day: row.day)
            laterKeys.insert(key)
            lastLaterKey = key
        }
        sums.metrics(row)
    }

    mutating func service(_ row: ServiceRow) { isUsable = false }
    mutating func rejected(line: Int, reason: String) { isUsable = false }
    mutating func note(_ text: String) { isUsable = false }
}
