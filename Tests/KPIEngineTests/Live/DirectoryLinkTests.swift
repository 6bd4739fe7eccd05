import Foundation
import Glibc
import Testing
@testable import KPIEngine

/// Symbolic links to directories: one rule for the cold read and the live one (inotify and
/// polling). Skipped by default and listed; with `followLinks`, read and watched, never into
/// /proc, /sys or /dev, never twice into one directory, and a real directory keeps its own
/// path over a link to it.
@Suite(.serialized) struct DirectoryLinkTests {
    static let request = SnapshotRequest(window: .days(7), asOf: Day(iso: "2026-11-20")!, now: 0)

    /// `data/` with instagram/a.csv (100 impressions) and links: `xlink` to `outside/x`
    /// (b.csv, 7, and a link `deeper` to `outside/y` with c.csv, 3), `alias` to `instagram`,
    /// `instagram/up` to `data` (a loop), and links into /proc, /sys and /dev.
    struct Tree {
        let scratch: ScratchDirectory
        var data: String { scratch.absolute("data") }

        init() throws {
            scratch = try ScratchDirectory()
            for directory in ["data", "data/instagram", "outside", "outside/x", "outside/y"] {
                scratch.makeDirectory(directory)
            }
            scratch.append("data/instagram/a.csv", "date,impressions\n2026-11-20,100\n")
            scratch.append("outside/x/b.csv", "date,impressions\n2026-11-20,7\n")
            scratch.append("outside/y/c.csv", "date,impressions\n2026-11-20,3\n")
            try link("data/xlink", to: "../outside/x")
            try link("outside/x/deeper", to: "../y")
            try link("data/alias", to: "instagram")
            try link("data/instagram/up", to: "..")
            try link("data/proc", to: "/proc")
            try link("data/sys", to: "/sys/kernel")
            try link("data/dev", to: "/dev")
        }

        func link(_ relative: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: scratch.absolute(relative), withDestinationPath: target)
        }

        func remove() { scratch.remove() }
    }

    @Test func byDefaultDirectoryLinksAreSkippedAndListed() throws {
        let tree = try Tree()
        defer { tree.remove() }
        let listing = DataFiles.scan(root: tree.data)
        #expect(listing.files == ["instagram/a.csv"])
        #expect(Set(listing.skippedLinks.map(\.path)) == ["alias", "dev", "proc", "sys", "xlink", "instagram/up"])
        #expect(listing.skippedLinks.allSatisfy { $0.reason == .notFollowed })
        #expect(listing.skippedLinks.contains { $0.description == "xlink -> ../outside/x: not followed (--follow-links follows directory links)" })
    }

    @Test func followedLinksAreReadOnceAndNeverIntoPseudoFileSystems() throws {
        let tree = try Tree()
        defer { tree.remove() }
        let listing = DataFiles.scan(root: tree.data, followLinks: true)
        #expect(listing.files == ["instagram/a.csv", "xlink/b.csv", "xlink/deeper/c.csv"])
        let reasons = Dictionary(uniqueKeysWithValues: listing.skippedLinks.map { ($0.path, $0.reason) })
        #expect(reasons == ["alias": .alreadyWalked, "instagram/up": .alreadyWalked,
                            "proc": .pseudoFileSystem, "sys": .pseudoFileSystem, "dev": .pseudoFileSystem])
    }

    @Test func aLinkToTheDataDirectoryItselfIsALoop() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        scratch.append("a.csv", "date,impressions\n2026-11-20,1\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.absolute("self"), withDestinationPath: ".")
        let listing = DataFiles.scan(root: scratch.path, followLinks: true)
        #expect(listing.files == ["a.csv"])
        #expect(listing.skippedLinks == [SkippedLink(path: "self", target: ".", reason: .alreadyWalked)])
    }

    /// A session following `root`, started.
    private func follow(_ root: String, polling: Bool, followLinks: Bool) throws -> EngineSession {
        let session = try EngineSession(
            root: root, context: IngestContext(clock: DayClock(identifier: "UTC")!, followLinks: followLinks),
            status: EngineStatus(dataDirectory: root), request: Self.request,
            options: .init(watcher: .init(forcePolling: polling, pollInterval: .milliseconds(50))), now: { 0 })
        session.start()
        return session
    }

    /// Waits until the session's impressions equal a cold read of `root` (and have the
    /// expected value); returns the last value seen.
    private func settled(_ session: EngineSession, root: String, followLinks: Bool, expected: Double) throws -> Double? {
        let context = IngestContext(clock: DayClock(identifier: "UTC")!, followLinks: followLinks)
        var cold = try DataLoader(root: root, context: context).load()
        let coldValue = cold.snapshot(Self.request).value(.impressions).value
        #expect(coldValue == expected, "cold read")
        let deadline = Date().addingTimeInterval(10)
        var live = session.latest().snapshot?.value(.impressions).value
        while Date() < deadline, live != coldValue {
            Thread.sleep(forTimeInterval: 0.02)
            live = session.latest().snapshot?.value(.impressions).value
        }
        return live
    }

    @Test(arguments: [false, true])
    func followedLinksAreWatchedLiveAsTheColdReadSeesThem(polling: Bool) throws {
        let tree = try Tree()
        defer { tree.remove() }
        let session = try follow(tree.data, polling: polling, followLinks: true)
        defer { session.stop() }
        #expect(try settled(session, root: tree.data, followLinks: true, expected: 110) == 110)

        // Appended through the real path, outside the data directory.
        tree.scratch.append("outside/x/b.csv", "2026-11-20,1000\n")
        tree.scratch.append("outside/y/c.csv", "2026-11-20,20000\n")
        #expect(try settled(session, root: tree.data, followLinks: true, expected: 21110) == 21110)

        // A link made while running is followed; removing it takes its rows back.
        tree.scratch.makeDirectory("outside/z")
        tree.scratch.append("outside/z/d.csv", "date,impressions\n2026-11-20,300000\n")
        try tree.link("data/zlink", to: "../outside/z")
        #expect(try settled(session, root: tree.data, followLinks: true, expected: 321110) == 321110)
        tree.scratch.append("outside/z/d.csv", "2026-11-20,4000000\n")
        #expect(try settled(session, root: tree.data, followLinks: true, expected: 4321110) == 4321110)
        tree.scratch.delete("data/zlink")
        #expect(try settled(session, root: tree.data, followLinks: true, expected: 21110) == 21110)
    }

    @Test(arguments: [false, true])
    func unfollowedLinksStayUnreadLiveToo(polling: Bool) throws {
        let tree = try Tree()
        defer { tree.remove() }
        let session = try follow(tree.data, polling: polling, followLinks: false)
        defer { session.stop() }
        #expect(try settled(session, root: tree.data, followLinks: false, expected: 100) == 100)
        tree.scratch.append("outside/x/b.csv", "2026-11-20,1000\n")
        tree.scratch.append("data/instagram/a.csv", "2026-11-20,1\n")
        #expect(try settled(session, root: tree.data, followLinks: false, expected: 101) == 101)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(session.latest().snapshot?.value(.impressions).value == 101)
        #expect(session.latest().snapshot?.fileCount == 1)
    }
}
