/// Everything one data file adds to the store, kept apart so that the file can be taken back
/// (truncated, replaced, deleted) without re-reading any other file.
///
/// Rows without an id are summed per (platform, day) as they arrive; rows with an id are kept
/// (the later line of the file replacing the earlier one) so that upserts across files can be
/// decided when files are combined.
public struct FileContribution: RecordSink, Sendable {
    /// At most this many rejections are kept per file (all are counted).
    public static let keptRejectionLimit = 1_000

    /// Path relative to the data directory.
    public let path: String
    /// Modification time in nanoseconds since the epoch; orders upserts across files.
    public var modificationTime: Int64

    public private(set) var dayTotals: [PlatformDay: DayTotals] = [:]
    public private(set) var postRows: [PostDayKey: MetricsRow] = [:]
    public private(set) var inquiries: [InquiryKey: ServiceRow] = [:]
    public private(set) var anonymousInquiries: [ServiceRow] = []
    public private(set) var rejections: [Rejection] = []
    public private(set) var rejectedCount = 0
    public private(set) var notes: [String] = []
    /// Valid rows read (metrics and service).
    public private(set) var rowCount = 0
    /// What the file turned out to be (export, platforms, rows, days), for `kpitop check`;
    /// kept up to date by ``TrackedFile`` from its parser.
    public var summary = FileSummary()

    private var lastKey: PlatformDay?
    private var lastIndex: Dictionary<PlatformDay, DayTotals>.Index?

    /// The platforms this file has rows for (rejected rows aside).
    public var platforms: Set<String> {
        var names = Set(dayTotals.keys.lazy.map(\.platform))
        names.formUnion(postRows.keys.lazy.map(\.platform))
        names.formUnion(inquiries.keys.lazy.map(\.platform))
        names.formUnion(anonymousInquiries.lazy.map(\.platform))
        return names
    }

    public init(path: String, modificationTime: Int64 = 0) {
        self.path = path
        self.modificationTime = modificationTime
    }

    @inline(__always)
    public mutating func metrics(_ row: MetricsRow) {
        rowCount += 1
        if let id = row.id {
            postRows[PostDayKey(platform: row.platform, id: id, day: row.day)] = row
            return
        }
        // Rows of a file usually share (platform, day) with the previous row: skip the hash.
        if let key = lastKey, let index = lastIndex, key.day == row.day, key.platform == row.platform {
            dayTotals.values[index].add(row)
            return
        }
        let key = PlatformDay(platform: row.platform, day: row.day)
        var index = dayTotals.index(forKey: key)
        if index == nil {
            dayTotals[key] = DayTotals()
            index = dayTotals.index(forKey: key)
        }
        dayTotals.values[index!].add(row)
        lastKey = key
        lastIndex = index
    }

    public mutating func service(_ row: ServiceRow) {
        rowCount += 1
        if let id = row.id {
            inquiries[InquiryKey(platform: row.platform, id: id)] = row
        } else {
            anonymousInquiries.append(row)
        }
    }

    public mutating func rejected(line: Int, reason: String) {
        rejectedCount += 1
        if rejections.count < Self.keptRejectionLimit {
            rejections.append(Rejection(file: path, line: line, reason: reason))
        }
    }

    public mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    /// Adds the segment of this file that follows what was read so far, exactly as reading its
    /// rows here would: days new to this file take the segment's sums, days this file already
    /// has take its rows one by one. Returns false, changing nothing, when that cannot be done
    /// (an unusable segment, or a day already here that has rows past the segment's first ones).
    mutating func append(_ segment: SegmentContribution) -> Bool {
        guard segment.isUsable else { return false }
        let shared = segment.sums.dayTotals.keys.filter { dayTotals[$0] != nil }
        guard !shared.contains(where: segment.laterKeys.contains) else { return false }
        let sharedKeys = Set(shared)
        for (key, totals) in segment.firstRows where sharedKeys.contains(key) {
            dayTotals[key]!.add(totals)
        }
        for (key, totals) in segment.sums.dayTotals where !sharedKeys.contains(key) {
            dayTotals[key] = totals
        }
        rowCount += segment.sums.rowCount
        lastKey = nil
        lastIndex = nil
        return true
    }
}
