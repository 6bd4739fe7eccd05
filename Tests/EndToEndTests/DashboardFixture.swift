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

    init() throws {
        dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kpitop-e2e-\(UUID().uuidString)")
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let today = Date()
        for (platformIndex, platform) in ["instagram", "x", "linkedin"].enumerated() {
            let folder = dataDirectory.appendingPathComponent(platform)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var csv = "date,impressions,reach,likes,comments,shares,saves,clicks,followers\n"
            for day in 0..<28 {
                let date = formatter.string(from: today.addingTimeInterval(TimeInterval((day - 27) * 86_400)))
                let scale = (platformIndex + 1) * 1_000 + day * 37
                csv += "\(date),\(scale * 10),\(scale * 7),\(scale / 5),\(scale / 40),\(scale / 60),"
                csv += "\(scale / 80),\(scale / 25),\(20_000 * (platformIndex + 1) + day * 15)\n"
            }
            try csv.write(to: folder.appendingPathComponent("daily.csv"), atomically: true, encoding: .utf8)
        }
        let deadline = formatter.string(from: today.addingTimeInterval(60 * 86_400))
        try """
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

            """.write(to: dataDirectory.appendingPathComponent("goals.toml"), atomically: true, encoding: .utf8)
    }

    /// The goals `goals.toml` names, with the status each one has.
    static let goals = [(name: "Instagram reach", status: "met"), (name: "X engagement", status: "off track")]

    /// The shell command that opens the dashboard on the data directory, with an empty
    /// config file unless `config` names one (so the user's own never changes a test).
    func dashboardCommand(_ extraArguments: String = "", config: String = "/dev/null") -> String {
        "'\(Self.executable.path)' --data '\(dataDirectory.path)' --config '\(config)' \(extraArguments)"
    }

    func remove() {
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}
