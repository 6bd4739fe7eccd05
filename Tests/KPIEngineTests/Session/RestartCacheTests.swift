import Foundation
import Testing
@testable import KPIEngine
import KPIReport

/// The restart cache shows the last run's numbers at once, but only when nothing they came
/// from has changed; anything else, and it is ignored.
@Suite struct RestartCacheTests {
    static let clock = DayClock(identifier: "UTC")!
    static let request = SnapshotRequest(window: .days(7), now: 1_795_435_200_000)  // 2026-11-23 12:00 UTC
    static let today = Day(iso: "2026-11-23")!

    static func directory() throws -> ScratchDirectory {
        let root = try ScratchDirectory()
        root.append("instagram.csv", "date,impressions,reach,likes\n2026-11-20,1000,700,30\n2026-11-21,1200,800,41\n")
        root.append("x.csv", "date,impressions\n2026-11-21,5\n")
        return root
    }

    /// A cache in its own folder, and the snapshot and stamps of a load of `root`.
    static func cached(_ root: ScratchDirectory) throws -> (RestartCache, KPISnapshot, [RestartCache.FileStamp]) {
        let cache = try #require(RestartCache(dataDirectory: root.path, environment: ["XDG_CACHE_HOME": root.path + "/.cache"]))
        let context = IngestContext(clock: clock)
        let files = try DataLoader(root: root.path, context: context).readAll()
        var store = MetricsStore(clock: clock, interning: context.interning)
        store.set(files.map(\.contribution))
        let stamps = files.map { RestartCache.FileStamp(path: $0.file.path, identity: $0.file.identity!) }
        return (cache, store.snapshot(request), stamps)
    }

    static func paths(_ root: ScratchDirectory) -> [String] { DataFiles.list(root: root.path) }

    @Test func unchangedFilesGiveTheSameNumbersBack() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let (cache, snapshot, stamps) = try Self.cached(root)
        #expect(cache.path.hasPrefix(root.path + "/.cache/kpitop/data-"))
        cache.store(snapshot, for: Self.request, today: Self.today, files: stamps)
        var later = Self.request
        later.now += 3_600_000  // an hour later, the same day
        let back = try #require(cache.snapshot(for: later, today: Self.today, root: root.path, paths: Self.paths(root)))
        #expect(JSONReport.render(back) == JSONReport.render(snapshot))
        #expect(back.value(.impressions).value == 2205)
    }

    @Test func anyChangeAndTheCacheIsIgnored() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let (cache, snapshot, stamps) = try Self.cached(root)
        cache.store(snapshot, for: Self.request, today: Self.today, files: stamps)
        let paths = Self.paths(root)
        // Another day, window or goal: another request.
        #expect(cache.snapshot(for: Self.request, today: Self.today.adding(days: 1), root: root.path, paths: paths) == nil)
        var window = Self.request
        window.window = .days(28)
        #expect(cache.snapshot(for: window, today: Self.today, root: root.path, paths: paths) == nil)
        // A file appended to, a new file, a file gone.
        root.append("x.csv", "2026-11-22,7\n")
        #expect(cache.snapshot(for: Self.request, today: Self.today, root: root.path, paths: paths) == nil)
        // Another data directory with the same cache folder.
        let other = try #require(RestartCache(dataDirectory: root.path + "/x", environment: ["XDG_CACHE_HOME": root.path + "/.cache"]))
        #expect(other.path != cache.path)
    }

    @Test func aCacheThatCannotBeReadIsIgnored() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let (cache, snapshot, stamps) = try Self.cached(root)
        cache.store(snapshot, for: Self.request, today: Self.today, files: stamps)
        let paths = Self.paths(root)
        #expect(cache.snapshot(for: Self.request, today: Self.today, root: root.path, paths: paths) != nil)
        for garbage in ["", "{", "{\"version\": 1}", String(repeating: "\u{0}", count: 100)] {
            try garbage.write(toFile: cache.path, atomically: true, encoding: .utf8)
            #expect(cache.snapshot(for: Self.request, today: Self.today, root: root.path, paths: paths) == nil)
        }
    }

    @Test func aSessionKeepsItsNumbersForTheNextStart() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let cache = try #require(RestartCache(dataDirectory: root.path, environment: ["XDG_CACHE_HOME": root.path + "/.cache"]))
        func run() throws -> KPISnapshot? {
            let session = try EngineSession(
                root: root.path, context: IngestContext(clock: Self.clock), status: EngineStatus(dataDirectory: root.path,
                loading: LoadProgress(filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0)),
                request: Self.request, options: .init(restartCache: cache), now: { Self.request.now })
            session.start()
            defer { session.stop() }
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, session.latest().status.loading != nil || !FileManager.default.fileExists(atPath: cache.path) {
                Thread.sleep(forTimeInterval: 0.01)
            }
            return session.latest().snapshot
        }
        let first = try run()
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let kept = cache.snapshot(for: Self.request, today: Self.today, root: root.path, paths: Self.paths(root))
        #expect(kept.map { JSONReport.render($0) } == first.map { JSONReport.render($0) })
        #expect(kept?.value(.impressions).value == 2205)
    }
}
