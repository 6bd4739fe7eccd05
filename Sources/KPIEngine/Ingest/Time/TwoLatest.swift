/// The two entries noted last, the latest first: a reader of many values in order keeps what
/// it worked out for the last two (a ticket's times mostly fall on the dates of the row
/// before's, its resolution on a later one than its opening).
struct TwoLatest<Entry> {
    private var latest: Entry?
    private var earlier: Entry?

    /// The latest entry that `matches`; one found second becomes the latest.
    @inline(__always)
    mutating func first(where matches: (Entry) -> Bool) -> Entry? {
        if let latest, matches(latest) { return latest }
        guard let earlier, matches(earlier) else { return nil }
        self.earlier = latest
        latest = earlier
        return earlier
    }

    /// Notes `entry` as the latest; the one before becomes the earlier, the earlier goes.
    @inline(__always)
    mutating func note(_ entry: Entry) {
        earlier = latest
        latest = entry
    }
}
