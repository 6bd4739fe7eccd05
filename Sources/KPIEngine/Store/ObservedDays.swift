/// The newest instant a file's day sums (``DaySums``) hold for recent (platform, day)s, as
/// seen by its rows with an id, so that such a row need not look its day up: one without a
/// follower count and not newer changes nothing there. Rows with ids come post after post,
/// each post over many days, so the previous row's day (which ``DaySums`` keeps at hand)
/// is seldom the next row's.
///
/// Direct-mapped by day: a (platform, day) may be forgotten (another took its place), and is
/// then looked up again. An instant kept here is never newer than the day sums' (they only
/// grow), which is all a skipped look-up needs.
struct ObservedDays: Sendable {
    private struct Entry: Sendable {
        var day: Int32
        var platform: UInt16
        var newest: Int64
    }

    /// Days apart by less than this never take each other's place.
    private static let capacity = 512
    /// Made on the first note, so that a file without rows with ids keeps none.
    private var entries: [Entry] = []

    /// True when the day sums hold an instant of `key` at or after `time`.
    func holds(_ key: PlatformDay, atOrAfter time: Int64) -> Bool {
        guard !entries.isEmpty else { return false }
        let entry = entries[Int(key.day.number) & (Self.capacity - 1)]
        return entry.day == key.day.number && entry.platform == key.platform && entry.newest >= time
    }

    /// Notes that the day sums hold `newest` as the newest instant of `key`.
    mutating func note(_ key: PlatformDay, newest: Int64) {
        if entries.isEmpty {
            entries = Array(repeating: Entry(day: 0, platform: 0, newest: .min), count: Self.capacity)
        }
        entries[Int(key.day.number) & (Self.capacity - 1)] = Entry(day: key.day.number, platform: key.platform, newest: newest)
    }
}
