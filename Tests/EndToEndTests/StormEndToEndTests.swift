import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The dashboard as the follower of a storm of appends from several writers at once, with
/// inotify and with polling (`--poll`, as on a network file system): it keeps answering keys
/// while the storm lasts, afterwards it shows exactly what a cold `report` reads, and `q`
/// still quits. (`Scripts/bench_storm.py` measures memory and key latency in a bigger storm.)
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct StormEndToEndTests {
    static let platforms = ["instagram", "x", "linkedin", "tiktok"]
    /// Rows with 1 like each writer appends to its own file, and to the file all writers
    /// share; between them, rows with no like (impressions only), three for each.
    static let ownRows = 2_000
    static let sharedRows = 400
    static let fillerRowsPerRow = 3
    /// Every this many rows of its own file, a writer appends a row that is rejected too.
    static let badRowEvery = 500

    /// A data directory with an empty export per platform and one file all writers share.
    struct StormDirectory {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-storm-\(UUID().uuidString)").path

        init() throws {
            for platform in StormEndToEndTests.platforms {
                try FileManager.default.createDirectory(atPath: root + "/" + platform, withIntermediateDirectories: true)
                try "date,likes,impressions\n".write(toFile: root + "/\(platform)/storm.csv", atomically: true, encoding: .utf8)
            }
            try "date,platform,likes,impressions\n".write(toFile: root + "/shared.csv", atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// One writer, for 2 to 4 seconds: its platform's rows in bursts of 1 to 40 rows with a
    /// like (and three without for each), each burst written in two `write(2)` calls cut at a
    /// random byte (so that lines arrive in pieces); now and then a bad row; and complete rows
    /// in the shared file.
    static func write(platform: String, into root: String, seed: UInt64) {
        var random = seed
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        let own = open(root + "/\(platform)/storm.csv", O_WRONLY | O_APPEND)
        let shared = open(root + "/shared.csv", O_WRONLY | O_APPEND)
        defer { close(own); close(shared) }
        let day = DashboardFixture.yesterday  // the last complete day: the default window ends on it
        var written = 0, sharedWritten = 0
        while written < ownRows {
            var burst = ""
            for _ in 0..<min(ownRows - written, 1 + next(40)) {
                written += 1
                burst += "\(day),1,\(written)\n"
                for filler in 0..<fillerRowsPerRow { burst += "\(day),0,\(filler)\n" }
                if written % badRowEvery == 0 { burst += "\(day),not-a-number,1\n" }
            }
            let bytes = Array(burst.utf8)
            let cut = next(bytes.count + 1)
            bytes.withUnsafeBytes { all in
                _ = Glibc.write(own, all.baseAddress, cut)
                if next(4) == 0 { usleep(UInt32(next(3000))) }
                _ = Glibc.write(own, all.baseAddress! + cut, bytes.count - cut)
            }
            while sharedWritten * ownRows < sharedRows * written {
                sharedWritten += 1
                let line = Array("\(day),\(platform),1,\(sharedWritten)\n".utf8)
                _ = Glibc.write(shared, line, line.count)
            }
            usleep(UInt32(10_000 + next(30_000)))
        }
    }

    /// The value after `label` on the overview (`│  Likes   9,600   ▲ 2.0%  │`), if shown.
    static func value(after label: String, in screen: String) -> String? {
        for line in screen.split(separator: "\n") {
            guard let range = line.range(of: "  \(label)  ") else { continue }
            return line[range.upperBound...].split(separator: " ").first.map(String.init)
        }
        return nil
    }

    @Test(arguments: [false, true])
    func theDashboardFollowsAStormExactlyAndKeepsAnsweringKeys(polling: Bool) throws {
        let directory = try StormDirectory()
        defer { directory.remove() }
        let command = "'\(DashboardFixture.executable.path)' --data '\(directory.root)' --config /dev/null"
            + (polling ? " --poll" : "") + "; echo \"kpitop exited with $?\"; exec cat"
        let session = try TmuxSession(command: command)
        let opened = try session.waitForScreen { Self.value(after: "Likes", in: $0) != nil }
        try #require(Self.value(after: "Likes", in: opened) != nil, "dashboard did not open:\n\(opened)")

        let writers = DispatchGroup()
        for (index, platform) in Self.platforms.enumerated() {
            DispatchQueue.global().async(group: writers) {
                Self.write(platform: platform, into: directory.root, seed: UInt64(index + 1) * 7919)
            }
        }
        // While the storm lasts, the keys keep working: help opens and closes, again and again.
        var answeredDuringTheStorm = 0
        while writers.wait(timeout: .now()) == .timedOut {
            try session.press("?")
            let help = try session.waitForScreen { $0.contains("choose a platform") }
            try #require(help.contains("choose a platform"), "no help during the storm:\n\(help)")
            try session.press("Escape")
            let closed = try session.waitForScreen { !$0.contains("choose a platform") && Self.value(after: "Likes", in: $0) != nil }
            try #require(!closed.contains("choose a platform"), "help did not close during the storm:\n\(closed)")
            if writers.wait(timeout: .now()) == .timedOut { answeredDuringTheStorm += 1 }
        }
        #expect(answeredDuringTheStorm > 0, "the storm was over before a key was answered")

        let rows = Self.platforms.count * (Self.ownRows + Self.sharedRows)
        let rejected = Self.platforms.count * (Self.ownRows / Self.badRowEvery)
        let cold = try CommandRun(["report", "--data", directory.root, "--config", "/dev/null", "--format", "json"],
                                  environment: ["TZ": ProcessInfo.processInfo.environment["TZ"] ?? "", "LANG": "C.UTF-8"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(cold.stdout.utf8)) as? [String: Any])
        let platforms = try #require(report["platforms"] as? [String: [String: [String: Any]]])
        let coldLikes = try #require(platforms["all"]?["likes"]?["value"] as? Int)
        #expect(coldLikes == rows)
        #expect(report["rejected_rows"] as? Int == rejected)
        for platform in Self.platforms {
            #expect(platforms[platform]?["likes"]?["value"] as? Int == Self.ownRows + Self.sharedRows, "\(platform)")
        }

        // The dashboard settles on the same figures: likes (below 10,000, shown exactly) and
        // the count of rejected rows in the status bar.
        let shownLikes = coldLikes.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        let settled = try session.waitForScreen(timeout: 30) {
            Self.value(after: "Likes", in: $0) == shownLikes && $0.contains(" \(rejected) rejected rows")
        }
        #expect(Self.value(after: "Likes", in: settled) == shownLikes, "likes differ from a cold report:\n\(settled)")
        #expect(settled.contains(" \(rejected) rejected rows"), "rejected rows differ from a cold report:\n\(settled)")

        try session.press("q")
        let after = try session.waitForScreen { $0.contains("kpitop exited with") }
        #expect(after.contains("kpitop exited with 0"), "after q:\n\(after)")
    }
}
