import Foundation
import Testing
@testable import KPIEngine

/// Single changes a session must show on their own, with inotify and with polling.
@Suite struct EngineSessionTests {
    private static let request = SnapshotRequest(window: .days(7), asOf: Day(iso: "2026-11-20")!, now: 0)

    /// A session following `root`, started.
    private func follow(_ root: ScratchDirectory, polling: Bool) throws -> EngineSession {
        let session = try EngineSession(
            root: root.path, context: IngestContext(clock: DayClock(identifier: "UTC")!),
            status: EngineStatus(dataDirectory: root.path), request: Self.request,
            options: .init(watcher: .init(forcePolling: polling, pollInterval: .milliseconds(50))), now: { 0 })
        session.start()
        return session
    }

    /// The first snapshot for which `condition` holds, or the last one seen after 5 s.
    private func waitForSnapshot(_ session: EngineSession, _ condition: (KPISnapshot) -> Bool) -> KPISnapshot? {
        let deadline = Date().addingTimeInterval(5)
        var latest = session.latest().snapshot
        while Date() < deadline, !(latest.map(condition) ?? false) {
            Thread.sleep(forTimeInterval: 0.02)
            latest = session.latest().snapshot
        }
        return latest
    }

    private func impressions(_ snapshot: KPISnapshot?) -> Double? {
        snapshot?.value(.impressions).value
    }

    @Test(arguments: [false, true])
    func deletingAFileTakesItsRowsBack(polling: Bool) throws {
        let root = try ScratchDirectory()
        defer { root.remove() }
        root.makeDirectory("instagram")
        root.makeDirectory("x")
        root.append("instagram/posts.csv", "date,impressions\n2026-11-20,100\n")
        root.append("x/posts.csv", "date,impressions\n2026-11-20,5\n")
        let session = try follow(root, polling: polling)
        defer { session.stop() }
        #expect(impressions(waitForSnapshot(session) { impressions($0) == 105 }) == 105)

        root.delete("x/posts.csv")
        let after = waitForSnapshot(session) { impressions($0) == 100 }
        #expect(impressions(after) == 100)
        #expect(after?.platforms == ["instagram"])
    }

    @Test(arguments: [false, true])
    func aTempFileRenamedIntoPlaceCountsOnce(polling: Bool) throws {
        let root = try ScratchDirectory()
        defer { root.remove() }
        root.append("x.csv", "date,impressions\n2026-11-20,5\n")
        let session = try follow(root, polling: polling)
        defer { session.stop() }
        #expect(impressions(waitForSnapshot(session) { impressions($0) == 5 }) == 5)

        root.append("export.csv.tmp", "date,impressions\n2026-11-20,40\n")
        root.append("export.csv.tmp", "2026-11-20,60\n")
        root.rename("export.csv.tmp", to: "export.csv")
        #expect(impressions(waitForSnapshot(session) { impressions($0) == 105 }) == 105)
        // Settled: later batches (the rename's events, a poll) must not count it again.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(impressions(session.latest().snapshot) == 105)
        #expect(session.latest().snapshot?.fileCount == 2)
    }
}
