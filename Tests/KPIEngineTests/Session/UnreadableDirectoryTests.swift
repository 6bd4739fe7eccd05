import Foundation
import Testing
@testable import KPIEngine

/// A data directory that cannot be read reaches the dashboard as an ``EngineProblem`` (never
/// as a rejected row), and the session loads it by itself once it appears.
@Suite struct UnreadableDirectoryTests {
    private func status(_ session: EngineSession, until condition: (EngineStatus, KPISnapshot?) -> Bool)
        -> (EngineStatus, KPISnapshot?) {
        let deadline = Date().addingTimeInterval(5)
        var latest = session.latest()
        while Date() < deadline, !condition(latest.status, latest.snapshot) {
            Thread.sleep(forTimeInterval: 0.02)
            latest = session.latest()
        }
        return (latest.status, latest.snapshot)
    }

    @Test(arguments: [false, true])
    func aMissingDirectoryIsAProblemUntilItAppears(polling: Bool) throws {
        let parent = try ScratchDirectory()
        defer { parent.remove() }
        let root = parent.absolute("exports")
        let session = try EngineSession(
            root: root, context: IngestContext(clock: DayClock(identifier: "UTC")!),
            status: EngineStatus(dataDirectory: "~/exports"),
            request: SnapshotRequest(window: .days(7), asOf: Day(iso: "2026-11-20")!, now: 0),
            options: .init(watcher: .init(forcePolling: polling, pollInterval: .milliseconds(50)),
                           retryUnreadableAfter: .milliseconds(50)), now: { 0 })
        session.start()
        defer { session.stop() }

        let (missing, nothing) = status(session) { status, _ in !status.problems.isEmpty }
        #expect(missing.problems == [.unreadableDirectory(path: "~/exports", reason: "no such directory")])
        #expect(missing.unreadableDirectory?.reason == "no such directory")
        #expect(nothing == nil, "a snapshot of nothing (or a fake rejected row) was published")

        parent.makeDirectory("exports")
        parent.append("exports/x.csv", "date,impressions\n2026-11-20,5\n")
        let (found, snapshot) = status(session) { status, snapshot in
            status.problems.isEmpty && snapshot?.value(.impressions).value == 5
        }
        #expect(found.problems.isEmpty)
        #expect(snapshot?.value(.impressions).value == 5)
        #expect(snapshot?.rejectedRows == 0)

        // Followed from then on.
        parent.append("exports/x.csv", "2026-11-20,7\n")
        let (_, later) = status(session) { _, snapshot in snapshot?.value(.impressions).value == 12 }
        #expect(later?.value(.impressions).value == 12)
    }

    @Test func aFileWhereTheDirectoryShouldBeIsNotADirectory() throws {
        let parent = try ScratchDirectory()
        defer { parent.remove() }
        parent.append("exports", "not a folder\n")
        #expect(DataDirectoryAccess.problem(parent.absolute("exports")) == "not a directory")
        #expect(DataDirectoryAccess.problem(parent.path) == nil)
    }
}
