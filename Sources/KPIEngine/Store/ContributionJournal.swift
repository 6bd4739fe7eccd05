/// What a followed file's contribution gained since the store last took its changes: the
/// sums added per (platform, day) and hour, the days whose followers or newest instant may
/// have moved, and the rows with an id that were added or replaced (with the row each first
/// replaced, which the store may have counted).
struct ContributionJournal: Sendable {
    var sums: [PlatformDay: MetricValues] = [:]
    var hours: [PlatformHour: MetricValues] = [:]
    /// Days whose followers or newest instant may have changed.
    var observedDays: Set<PlatformDay> = []
    /// Post slots changed: the row each held before its first change here (nil = new slot).
    var posts: [Int32: StoredPost?] = [:]
    var tickets: [Int32: StoredTicket?] = [:]
    /// Anonymous service records from this index on are new.
    var anonymousTicketsBefore: Int

    init(anonymousTicketsBefore: Int) {
        self.anonymousTicketsBefore = anonymousTicketsBefore
    }

    mutating func recordSums(_ values: MetricValues, day: PlatformDay, hour: UInt8?) {
        sums[day, default: .zero].add(values)
        observedDays.insert(day)
        if let hour { hours[PlatformHour(platform: day.platform, day: day.day, hour: hour), default: .zero].add(values) }
    }

    mutating func recordPost(_ slot: Int32, replaced: StoredPost?, day: PlatformDay) {
        if posts.index(forKey: slot) == nil { posts[slot] = .some(replaced) }
        observedDays.insert(day)
    }

    mutating func recordTicket(_ slot: Int32, replaced: StoredTicket?) {
        if tickets.index(forKey: slot) == nil { tickets[slot] = .some(replaced) }
    }
}
