import Foundation

/// A data directory with 28 days of metrics for instagram, x and linkedin (one folder each,
/// as exports are usually filed), ending today, and a `goals.toml` with one goal already met
/// and one far off track; and the built `kpitop` executable.
struct DashboardFixture {
    let dataDirectory: URL

    /// `kpitop` from the same build as the test bundle (`swift test` builds every product).
    static var executable: URL {
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("kpitop")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/kpitop")
    }

    /// The header of every file the fixture writes.
    static let header = "date,impressions,reach,likes,comments,shares,saves,clicks,followers\n"

    /// Today as `YYYY-MM-DD`, the last day of the fixture's data.
    static var today: String { day(offset: 0) }

    /// Yesterday as `YYYY-MM-DD`, the last day of the default window.
    static var yesterday: String { day(offset: -1) }

    /// The day `offset` days from today, as `YYYY-MM-DD`.
    static func day(offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date().addingTimeInterval(TimeInterval(offset * 86_400)))
    }

    init() throws {
        dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kpitop-e2e-\(UUID().uuidString)")
        for (platformIndex, platform) in ["instagram", "x", "linkedin"].enumerated() {
            var csv = Self.header
            for day in 0..<28 {
                let scale = (platformIndex + 1) * 1_000 + day * 37
                csv += "\(Self.day(offset: day - 27)),\(scale * 10),\(scale * 7),\(scale / 5),\(scale / 40),"
                csv += "\(scale / 60),\(scale / 80),\(scale / 25),\(20_000 * (platformIndex + 1) + day * 15)\n"
            }
            try write(csv, to: "\(platform)/daily.csv")
        }
        let deadline = Self.day(offset: 60)
        try write("""
            [[goal]]
            name = "Instagram reach"
            kpi = "reach"
            platform = "instagram"
            target = 1000
            deadline = \(deadline)

            [[goal]]
            name = "X engagement"
            kpi = "engagement_rate"
            platform = "x"
            target = "50%"
            deadline = \(deadline)

            """, to: "goals.toml")
    }

    /// The goals `goals.toml` names, with the status each one has.
    static let goals = [(name: "Instagram reach", status: "met"), (name: "X engagement", status: "off track")]

    /// Titles of the posts `writePosts` adds to instagram, the first with the most interactions.
    static let postTitles = ["Autumn sale reel: the whole collection in thirty seconds, with the studio team and the bakery next door",
                             "Behind the scenes", "Poll: which colour next?"]

    /// Adds `instagram/posts.csv`: three posts over the last three days (ids p1...p3).
    func writePosts() throws {
        var csv = "date,post_id,title,post_type,permalink,publish_time,impressions,reach,likes,comments,clicks\n"
        for (index, title) in Self.postTitles.enumerated() {
            let scale = 3 - index
            // The first post's export says when it was published, its type and link; the others' do not.
            let facts = index == 0 ? "Reels,https://instagram.example/p/1,\(Self.day(offset: -3)) 14:05" : ",,"
            for day in 0..<3 where day >= index {
                csv += "\(Self.day(offset: day - 3)),p\(index + 1),\"\(title)\",\(facts),\(scale * 1000),\(scale * 800),"
                csv += "\(scale * 50),\(scale * 5),\(scale * 20)\n"
            }
        }
        try write(csv, to: "instagram/posts.csv")
    }

    /// Writes a file (and its folder) under the data directory.
    func write(_ text: String, to relative: String) throws {
        let file = dataDirectory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Appends `text` to a file of the data directory in one write, as an exporter would.
    func append(_ text: String, to relative: String) throws {
        let handle = try FileHandle(forWritingTo: dataDirectory.appendingPathComponent(relative))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// The shell command that opens the dashboard on the data directory, with an empty
    /// config file unless `config` names one (so the user's own never changes a test).
    func dashboardCommand(_ extraArguments: String = "", config: String = "/dev/null") -> String {
        "'\(Self.executable.path)' --data '\(dataDirectory.path)' --config '\(config)' \(extraArguments)"
    }

    func remove() {
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}
