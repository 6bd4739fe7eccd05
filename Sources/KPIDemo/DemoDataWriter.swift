import KPIEngine
import Foundation

/// Writes realistic demo data for `kpitop demo`: 90 days of history for six platforms (weekly
/// rhythm, slow trends, per-platform scale and ratios), posts with titles, follower counts,
/// conversions and spend, customer-service tickets and two goals; then keeps appending a few
/// rows per call so the dashboard moves.
///
/// Files, relative to the data directory: `instagram/posts.csv`, `facebook/posts.csv` (Meta
/// Business Suite column names), `x/tweets.csv`, `youtube/videos.csv`, `tiktok/overview.csv`,
/// `linkedin/page.csv`, `daily.csv` (followers, mentions and conversions per platform and day),
/// `service/tickets.jsonl` and `goals.toml`. Times have no offset: they are read in the
/// dashboard's time zone. The same seed and times give the same bytes.
public final class DemoDataWriter {
    /// Days of history, today included.
    public static let historyDays = 90
    /// Seconds of platform activity each ``appendLive(at:)`` call adds: called a few times a
    /// second, the demo runs about forty times faster than real life.
    static let liveSecondsPerCall = 12.0

    /// The data directory.
    public let root: String
    private let startedAt: LocalTime
    private let platforms = DemoPlatformProfile.all
    private var random: SplitMix64
    private var followers: [String: Double]
    /// Posts published today, which keep gaining views.
    private var todaysPosts: [DemoPost] = []
    /// Tickets still to be answered or resolved.
    private var openTickets: [DemoTicket] = []
    private var postCount = 0
    private var ticketCount = 0
    private var lastAppend: LocalTime

    private static let accountFile = "daily.csv"
    private static let ticketFile = "service/tickets.jsonl"
    private static let goalFile = "goals.toml"
    private static let accountHeader = [
        "date", "platform", "followers", "mentions", "competitor_mentions", "website_visits", "leads",
        "conversions", "revenue", "spend",
    ]

    /// - Parameters:
    ///   - root: the data directory (created when missing).
    ///   - now: the current wall-clock time in the dashboard's time zone; history ends here.
    ///   - seed: the same seed gives the same data.
    public init(root: String, now: LocalTime, seed: UInt64) {
        self.root = root
        startedAt = now
        lastAppend = now
        random = SplitMix64(seed: seed)
        followers = Dictionary(uniqueKeysWithValues: platforms.map { ($0.name, $0.followersAtStart) })
    }

    /// A new, empty directory under the system's temporary directory, for the demo data.
    public static func makeTemporaryRoot() throws(DemoWriteError) -> String {
        let template = NSTemporaryDirectory() + "/kpitop-demo-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let created = mkdtemp(&bytes) else { throw DemoWriteError(path: template, code: errno) }
        return String(cString: created)
    }

    /// Deletes the data directory and everything in it.
    public func removeAll() throws {
        try FileManager.default.removeItem(atPath: root)
    }

    /// Writes the history files, ending at the time given to `init`.
    public func writeHistory() throws(DemoWriteError) {
        let directories = Set(([Self.ticketFile] + platforms.map(\.contentFile)).map { path in
            root + "/" + path.split(separator: "/").dropLast().joined(separator: "/")
        })
        for directory in directories.sorted() { try AppendWriter.makeDirectory(directory) }

        var writes = PendingWrites()
        for platform in platforms { writes.add(DemoCSV.line(platform.contentHeader), to: platform.contentFile) }
        writes.add(DemoCSV.line(Self.accountHeader), to: Self.accountFile)
        let today = startedAt.day
        let firstDay = today.adding(days: 1 - Self.historyDays)
        for index in 0..<Self.historyDays {
            let day = firstDay.adding(days: index)
            let shareOfDay = day == today ? Double(startedAt.secondOfDay) / 86_400 : 1
            for platform in platforms {
                let activity = platform.seasonality(of: day, dayIndex: index) * random.logNormal(median: 1, sigma: 0.12)
                growFollowers(of: platform, by: activity * shareOfDay * random.logNormal(median: 1, sigma: 0.3))
                if case .daily = platform.layout {
                    writes.add(dailyLine(platform, time: "\(day)", activity: activity * shareOfDay),
                               to: platform.contentFile)
                } else {
                    writePosts(of: platform, on: day, activity: activity, into: &writes)
                }
                writes.add(accountLine(platform, time: "\(day)", activity: activity * shareOfDay), to: Self.accountFile)
            }
            writeTickets(on: day, into: &writes)
        }
        writes.add(goals(today: today), to: Self.goalFile)
        try writes.flush(under: root)
    }

    /// Appends a few rows as of `now`: account and daily rows carrying a little more activity,
    /// a growing post, now and then a new post or ticket, and tickets answered or resolved since
    /// the last call. Each file gets its rows in one write.
    public func appendLive(at now: LocalTime) throws(DemoWriteError) {
        var writes = PendingWrites()
        let today = now.day
        let dayIndex = startedAt.day.distance(to: today) + Self.historyDays - 1
        let shareOfDay = Self.liveSecondsPerCall / 86_400
        todaysPosts.removeAll { $0.published.day != today }
        for platform in platforms {
            let activity = platform.seasonality(of: today, dayIndex: dayIndex) * shareOfDay
            growFollowers(of: platform, by: activity)
            // Each row is written with probability p and carries 1/p of the activity.
            if case .daily = platform.layout, random.chance(0.5) {
                writes.add(dailyLine(platform, time: "\(now)", activity: activity * 2), to: platform.contentFile)
            }
            if random.chance(0.25) {
                writes.add(accountLine(platform, time: "\(now)", activity: activity * 4), to: Self.accountFile)
            }
        }
        // A new post now and then; otherwise one of today's posts shows its latest figures.
        if random.chance(0.02) {
            let platform = random.pick(platforms.filter { $0.postsPerDay > 0 })
            let activity = platform.seasonality(of: today, dayIndex: dayIndex)
            todaysPosts.append(makePost(on: platform, publishedAt: now, activity: activity))
            writes.add(postLine(todaysPosts[todaysPosts.count - 1], of: platform, at: now), to: platform.contentFile)
        } else if !todaysPosts.isEmpty {
            let post = random.pick(todaysPosts)
            if let platform = platforms.first(where: { $0.name == post.platform }) {
                writes.add(postLine(post, of: platform, at: now), to: platform.contentFile)
            }
        }
        if random.chance(0.06) { openTicket(at: now, into: &writes) }
        for ticket in openTickets {
            if let change = ticket.nextChange(after: lastAppend), change <= now {
                writes.add(ticket.jsonLine(asOf: now), to: Self.ticketFile)
            }
        }
        openTickets.removeAll { $0.nextChange(after: now) == nil }
        lastAppend = now
        try writes.flush(under: root)
    }

    // MARK: - Content

    private func writePosts(of platform: DemoPlatformProfile, on day: Day, activity: Double,
                            into writes: inout PendingWrites) {
        let count = random.roundStochastically(platform.postsPerDay)
        let times = (0..<count).map { _ in
            LocalTime(day: day, secondOfDay: Int(random.uniform(8 * 3600...21 * 3600)))
        }
        for time in times.sorted() where time <= startedAt {
            let post = makePost(on: platform, publishedAt: time, activity: activity)
            writes.add(postLine(post, of: platform, at: startedAt), to: platform.contentFile)
            if time.day == startedAt.day { todaysPosts.append(post) }
        }
    }

    private func makePost(on platform: DemoPlatformProfile, publishedAt time: LocalTime,
                          activity: Double) -> DemoPost {
        postCount += 1
        let impressions = platform.impressionsPerDay * activity / platform.postsPerDay
            * random.logNormal(median: 1, sigma: 0.35)
        return DemoPost(platform: platform.name, id: "\(platform.name)-\(10_000 + postCount)",
                        title: DemoTitles.make(random: &random), published: time,
                        lifetime: DemoContentMetrics(impressions: impressions, on: platform, random: &random))
    }

    private func postLine(_ post: DemoPost, of platform: DemoPlatformProfile, at now: LocalTime) -> String {
        let m = post.metrics(at: now)
        let count = DemoCSV.count
        if case .metaPosts = platform.layout {
            return DemoCSV.line([
                post.id, "Northwind Coffee", post.title, Self.metaTime(post.published), count(m.impressions),
                count(m.reach), count(m.likes), count(m.comments), count(m.shares), count(m.clicks),
            ])
        }
        // A platform without saves leaves the column empty: missing, not zero.
        let saves = platform.interactionMix.saves > 0 ? count(m.saves) : ""
        return DemoCSV.line([
            "\(post.published)", post.id, post.title, count(m.impressions), count(m.reach), count(m.videoViews),
            count(m.likes), count(m.comments), count(m.shares), saves, count(m.clicks),
        ])
    }

    /// Meta Business Suite's `MM/DD/YYYY HH:MM`.
    private static func metaTime(_ time: LocalTime) -> String {
        let (year, month, day) = time.day.civil
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let second = time.secondOfDay
        return "\(twoDigits(month))/\(twoDigits(day))/\(year) \(twoDigits(second / 3600)):\(twoDigits(second / 60 % 60))"
    }

    /// A daily-layout row with `activity` days' worth of content.
    private func dailyLine(_ platform: DemoPlatformProfile, time: String, activity: Double) -> String {
        guard case .daily(_, let fields) = platform.layout else { return "" }
        let metrics = DemoContentMetrics(impressions: platform.impressionsPerDay * activity, on: platform,
                                         random: &random).roundedStochastically(using: &random)
        let followerCount = DemoCSV.count(followers[platform.name] ?? 0)
        return DemoCSV.line([time] + fields.map { DemoCSV.count(metrics[$0]) } + [followerCount])
    }

    // MARK: - Audience and conversions

    private func growFollowers(of platform: DemoPlatformProfile, by days: Double) {
        followers[platform.name, default: platform.followersAtStart] += platform.followerGrowthPerDay * days
    }

    /// An account row with `activity` days' worth of mentions, visits, conversions and money.
    private func accountLine(_ platform: DemoPlatformProfile, time: String, activity: Double) -> String {
        func noise() -> Double { random.logNormal(median: 1, sigma: 0.15) }
        let clicks = platform.impressionsPerDay * activity * platform.clickThroughRate
        let conversions = clicks * platform.conversionRate * noise()
        let spend = conversions * platform.costPerAcquisition * noise()
        let mentions = platform.mentionsPerDay * activity * noise()
        let followerCount = platform.followersInAccountFile ? DemoCSV.count(followers[platform.name] ?? 0) : ""
        return DemoCSV.line([
            time, platform.name, followerCount,
            String(random.roundStochastically(mentions)),
            String(random.roundStochastically(mentions * platform.competitorMentionRatio * noise())),
            String(random.roundStochastically(clicks * 0.85 * noise())),
            String(random.roundStochastically(clicks * platform.leadRate * noise())),
            String(random.roundStochastically(conversions)),
            DemoCSV.money(spend * platform.returnOnAdSpend * noise()),
            DemoCSV.money(spend),
        ])
    }

    // MARK: - Customer service

    private func writeTickets(on day: Day, into writes: inout PendingWrites) {
        let expected = 22 * (day.weekday >= 5 ? 0.7 : 1) * random.logNormal(median: 1, sigma: 0.2)
        let times = (0..<random.roundStochastically(expected)).map { _ in
            LocalTime(day: day, secondOfDay: Int(random.uniform(7 * 3600...23 * 3600)))
        }
        for time in times.sorted() where time <= startedAt { openTicket(at: time, into: &writes) }
    }

    /// A new ticket opened at `time`, written as known at the later of `time` and the start.
    private func openTicket(at time: LocalTime, into writes: inout PendingWrites) {
        ticketCount += 1
        let ticket = DemoTicket(number: ticketCount, platform: inquiryPlatform(), openedAt: time, random: &random)
        let asOf = max(time, startedAt)
        writes.add(ticket.jsonLine(asOf: asOf), to: Self.ticketFile)
        if ticket.nextChange(after: asOf) != nil { openTickets.append(ticket) }
    }

    /// A platform drawn by each one's share of inquiries.
    private func inquiryPlatform() -> String {
        var draw = random.unit() * platforms.reduce(0) { $0 + $1.inquiryShare }
        for platform in platforms {
            draw -= platform.inquiryShare
            if draw < 0 { return platform.name }
        }
        return platforms[platforms.count - 1].name
    }

    // MARK: - Goals

    private func goals(today: Day) -> String {
        let deadline = today.adding(days: 45)
        return """
            # Demo goals (docs/DATA.md section 9).
            [[goal]]
            name = "Instagram engagement"
            kpi = "engagement_rate"
            platform = "instagram"
            target = "4.5%"
            deadline = \(deadline)

            [[goal]]
            name = "Cost per acquisition"
            kpi = "cpa"
            target = "$30"
            direction = "at_most"
            deadline = \(deadline)

            [[goal]]
            name = "TikTok followers"
            kpi = "followers"
            platform = "tiktok"
            target = 90000
            deadline = \(deadline)

            """
    }
}
