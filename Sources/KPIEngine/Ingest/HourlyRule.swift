/// Which rows keep hourly sums (for "today so far"): those of days from ``from`` on, their hour
/// taken in ``clock``'s zone. One rule is shared by every file read with an ``IngestContext``
/// (a file holds a reference, not a clock of its own: with 20,000 files that was 1.3 MB).
final class HourlyRule: Sendable {
    let from: Day
    let clock: DayClock

    init(from: Day, clock: DayClock) {
        self.from = from
        self.clock = clock
    }

    /// The row's hour of the day, for rows of days from ``from`` on that have a time of day (a
    /// time at the very start of the day is taken for a bare date).
    func hour(of row: MetricsRow) -> UInt8? {
        guard row.day >= from else { return nil }
        let start = clock.startOfDay(row.day)
        guard row.time != start else { return nil }
        return UInt8(clamping: max(0, min(23, clock.hour(ofEpochMilliseconds: row.time))))
    }
}
