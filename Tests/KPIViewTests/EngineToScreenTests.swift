import Foundation
import KPIEngine
import Testing
@testable import KPIView

/// Files read by the real engine, drawn by the real view: what issue 8 saw go wrong, from
/// data on disk to the cells of the screen.
@Suite struct EngineToScreenTests {
    static let asOf = Day(year: 2026, month: 11, day: 23)!
    /// 2026-11-24 12:00 UTC.
    static let now: Int64 = 1_795_521_600_000

    /// facebook and instagram report reach, x and tiktok do not; x's export starts on
    /// 2026-11-10, inside the window. Constant daily rows, so every figure is known.
    static func snapshot() throws -> KPISnapshot {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-view-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let platforms: [(String, reach: Int?, likes: Int, first: Day)] = [
            ("facebook", 1000, 50, Day(year: 2026, month: 9, day: 1)!),
            ("instagram", 1000, 30, Day(year: 2026, month: 9, day: 1)!),
            ("x", nil, 500, Day(year: 2026, month: 11, day: 10)!),
            ("tiktok", nil, 700, Day(year: 2026, month: 9, day: 1)!),
        ]
        for (name, reach, likes, first) in platforms {
            let folder = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var lines = ["date,impressions," + (reach == nil ? "" : "reach,") + "likes"]
            var day = first
            while day <= asOf {
                lines.append("\(day),2000," + (reach.map { "\($0)," } ?? "") + "\(likes)")
                day = day.adding(days: 1)
            }
            try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("daily.csv"),
                                                            atomically: true, encoding: .utf8)
        }
        let clock = try #require(DayClock(identifier: "UTC"))
        let store = try DataLoader(root: root.path, context: IngestContext(clock: clock)).load()
        return KPICalculator(store: store).snapshot(SnapshotRequest(asOf: asOf, now: now))
    }

    func screen(_ keys: [Key] = []) throws -> Buffer {
        var model = DashboardModel(themes: [ThemeLoader.builtInDefault], options: RenderOptions(), dataDirectory: "data")
        model.update(snapshot: try Self.snapshot(), status: EngineStatus(dataDirectory: "data", updatedAt: Self.now))
        _ = model.handle(.resize(width: 120, height: 40))
        for key in keys { _ = model.handle(key) }
        return model.render(width: 120, height: 40, now: Self.now)
    }

    @Test func theAllEngagementRateIsPairedAndSaysFromWhichPlatforms() throws {
        let buffer = try screen()
        // (50 + 30) / (1000 + 1000), not the likes of all four platforms over two reaches.
        let row = try #require(buffer.find("4.00%", inRowWith: "Engagement rate"), "\(buffer.text)")
        #expect(buffer.find("2 of 4", rows: row.y..<row.y + 1) != nil, "\(buffer.row(row.y))")
        #expect(!buffer.text.contains("64.0%"))
        let selected = try screen([.character("2"), .down])
        #expect(selected.text.contains("Engagement rate = interactions / reach · facebook, instagram (2 of 4 platforms)"))
    }

    @Test func anExportStartingInTheWindowIsNewAndItsDaysBeforeAreHatched() throws {
        let buffer = try screen([.character("5"), .end, .enter])
        #expect(buffer.find("new", inRowWith: "Impressions") != nil, "\(buffer.text)")
        let title = try #require(buffer.find("Impressions daily for x"))
        let hatched = (0..<buffer.width).filter { buffer[$0, title.y + 1].symbol == "░" }
        #expect(!hatched.isEmpty, "\(buffer.text)")
        #expect(buffer.text.contains("░ no data"))
        // The days before x's first row are hatched; its own days are not.
        let columnsWithBars = (0..<buffer.width).filter { buffer[$0, title.y + 1].symbol == "█" }
        #expect(hatched.max()! < columnsWithBars.min()!)
    }
}
