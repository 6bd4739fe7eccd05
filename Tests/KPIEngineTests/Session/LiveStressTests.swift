import Foundation
import Testing
@testable import KPIEngine

/// A writer appends chunks that split lines, renames temp files in, truncates and rewrites,
/// deletes and creates subdirectories while a session follows the directory; once the writer
/// stops and the session settles, every KPI equals a fresh read of the final files, exactly.
@Suite(.serialized) struct LiveStressTests {
    static let asOf = Day(iso: "2026-11-20")!
    static let request = SnapshotRequest(window: .days(28), asOf: asOf, now: 0)

    @Test(arguments: [false, true])
    func liveSnapshotEqualsAFreshReadAfterTheWriterStops(polling: Bool) throws {
        let root = try TemporaryDirectory()
        let context = IngestContext(clock: DayClock(identifier: "UTC")!)
        let options = EngineSession.Options(
            watcher: .init(forcePolling: polling, pollInterval: .milliseconds(50)),
            completeLinesAfter: .milliseconds(300))
        let session = try EngineSession(
            root: root.path, context: context, status: EngineStatus(dataDirectory: root.path),
            request: Self.request, options: options, now: { 0 })
        session.start()
        defer { session.stop() }

        var writer = StressWriter(root: root.path, seed: polling ? 7 : 3)
        writer.run(steps: 60)

        var freshStore = try DataLoader(root: root.path, context: context).load()
        let fresh = freshStore.snapshot(Self.request)
        #expect(fresh.platforms.count >= 3)
        #expect(fresh.rejectedRows > 0)          // the writer adds a few bad rows on purpose
        let deadline = Date().addingTimeInterval(15)
        var live = session.latest().snapshot
        while Date() < deadline, live.map({ !Self.same($0, fresh) }) ?? true {
            Thread.sleep(forTimeInterval: 0.05)
            live = session.latest().snapshot
        }
        let settled = try #require(live)
        #expect(settled.platforms == fresh.platforms)
        #expect(settled.rejectedRows == fresh.rejectedRows)
        for name in [KPISnapshot.allPlatforms] + fresh.platforms {
            for kpi in KPI.allCases {
                #expect(settled.value(kpi, platform: name) == fresh.value(kpi, platform: name),
                        "\(name) \(kpi.id)")
            }
        }
    }

    static func same(_ a: KPISnapshot, _ b: KPISnapshot) -> Bool {
        a.platforms == b.platforms && a.kpis == b.kpis && a.rejectedRows == b.rejectedRows
    }
}

/// A directory under /tmp, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "kpitop-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Writes, appends, renames, truncates and deletes data files in random order (seeded).
struct StressWriter {
    let root: String
    private var random: UInt64
    private var lines = 0

    init(root: String, seed: UInt64) {
        self.root = root
        random = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    private mutating func next(_ bound: Int) -> Int {
        random ^= random << 13
        random ^= random >> 7
        random ^= random << 17
        return Int(random % UInt64(bound))
    }

    private mutating func metricsRow(id: Bool) -> String {
        lines += 1
        let day = 1 + next(28)
        let prefix = id ? "p\(next(5))" : ""
        let bad = next(40) == 0 ? "-" : ""
        return "2026-11-\(day < 10 ? "0" : "")\(day),\(prefix),\(bad)\(100 + next(900)),\(50 + next(400)),"
            + "\(next(30)),\(next(9)),\(next(5)),\(next(40)),\(next(4)).\(next(100))\n"
    }

    private mutating func ticket() -> String {
        lines += 1
        let opened = 1_763_600_000 + next(1_000_000)
        return "{\"id\": \"t\(next(30))\", \"platform\": \"x\", \"opened_at\": \(opened), "
            + "\"first_response_at\": \(opened + next(7200)), \"csat\": \(1 + next(5))}\n"
    }

    static let header = "date,id,impressions,reach,likes,comments,clicks,conversions,revenue\n"

    private func url(_ relative: String) -> URL { URL(fileURLWithPath: root + "/" + relative) }

    private func append(_ relative: String, _ text: String) {
        let path = root + "/" + relative
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = FileHandle(forWritingAtPath: path)!
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try? handle.close()
    }

    /// Appends `text` in pieces that split lines, with short pauses in between.
    private mutating func appendInPieces(_ relative: String, _ text: String) {
        var rest = Substring(text)
        while !rest.isEmpty {
            let n = min(rest.count, 1 + next(60))
            append(relative, String(rest.prefix(n)))
            rest = rest.dropFirst(n)
            if next(3) == 0 { Thread.sleep(forTimeInterval: 0.002) }
        }
    }

    mutating func run(steps: Int) {
        let fm = FileManager.default
        for dir in ["instagram", "x", "linkedin"] {
            try? fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        append("instagram/posts.csv", Self.header)
        append("x/tickets.jsonl", "")
        append("x/bad.csv", Self.header + "2026-11-05,,-5,1,1,1,1,1,1\nsoon,,1,1,1,1,1,1,1\n")
        for step in 0..<steps {
            switch next(8) {
            case 0, 1, 2:
                var text = ""
                for _ in 0..<(1 + next(20)) { text += metricsRow(id: next(2) == 0) }
                appendInPieces("instagram/posts.csv", text)
            case 3:
                var text = ""
                for _ in 0..<(1 + next(5)) { text += ticket() }
                appendInPieces("x/tickets.jsonl", text)
            case 4:
                // A complete file written under an ignored name, then renamed into place.
                var text = Self.header
                for _ in 0..<(1 + next(10)) { text += metricsRow(id: true) }
                let name = "linkedin/export-\(next(3)).csv"
                try? text.write(toFile: root + "/" + name + ".tmp", atomically: false, encoding: .utf8)
                _ = rename(root + "/" + name + ".tmp", root + "/" + name)
            case 5:
                // Truncate and rewrite.
                var text = Self.header
                for _ in 0..<(1 + next(10)) { text += metricsRow(id: false) }
                try? text.write(toFile: root + "/instagram/posts.csv", atomically: false, encoding: .utf8)
            case 6:
                // A new subdirectory with a file in it right away.
                let dir = "tiktok/batch-\(step)"
                try? fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
                var text = Self.header
                for _ in 0..<(1 + next(5)) { text += metricsRow(id: false) }
                append(dir + "/day.csv", text)
            default:
                // Delete one of the renamed-in exports, if there is one.
                try? fm.removeItem(atPath: root + "/linkedin/export-\(next(3)).csv")
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }
}
