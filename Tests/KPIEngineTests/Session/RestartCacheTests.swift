import Foundation
import Testing
@testable import KPIEngine
import KPIReport

/// The restart cache gives a start the files that did not change (not read again) and the last
/// run's numbers, but only what nothing has changed under; anything else, and it is ignored.
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

    static func context(zone: String = "UTC") -> IngestContext {
        IngestContext(clock: DayClock(identifier: zone)!, hourlyFrom: today.adding(days: -1))
    }

    static func cache(_ root: ScratchDirectory) throws -> RestartCache {
        try #require(RestartCache(dataDirectory: root.path, environment: ["XDG_CACHE_HOME": root.path + "/.cache"]))
    }

    /// Reads `root` cold and keeps it in its cache; returns the cache and the cold snapshot.
    static func keep(_ root: ScratchDirectory, context: IngestContext = context()) throws -> (RestartCache, KPISnapshot) {
        let cache = try Self.cache(root)
        let files = try DataLoader(root: root.path, context: context).readAll()
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        store.set(files.map(\.contribution))
        let snapshot = store.snapshot(request)
        cache.store(snapshot, for: request, today: today, files: files, root: root.path, context: context)
        return (cache, snapshot)
    }

    /// The last run as a fresh process would find it, with a context of its own.
    static func lastRun(_ cache: RestartCache, _ root: ScratchDirectory, request: SnapshotRequest = request,
                        today: Day = today, context: IngestContext = context()) -> RestartCache.LastRun? {
        cache.lastRun(for: request, today: today, root: root.path, paths: DataFiles.list(root: root.path), context: context)
    }

    /// The snapshot of a store made of the restored files and the others read cold.
    static func restoredSnapshot(_ lastRun: RestartCache.LastRun, _ root: ScratchDirectory, context: IngestContext) throws -> KPISnapshot {
        let files = lastRun.files(context: context)
        let restored = Set(files.map(\.file.path))
        let read = try DataLoader(root: root.path, context: context)
            .readAll(listed: DataFiles.list(root: root.path).filter { !restored.contains($0) })
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        store.set((read + files).map(\.contribution))
        return store.snapshot(request)
    }

    static func coldSnapshot(_ root: ScratchDirectory) throws -> KPISnapshot {
        try DataLoader(root: root.path, context: context()).load().snapshot(request)
    }

    @Test func unchangedFilesAreNotReadAgainAndGiveTheSameNumbers() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let (cache, snapshot) = try Self.keep(root)
        #expect(cache.path.hasPrefix(root.path + "/.cache/kpitop/data-"))
        var later = Self.request
        later.now += 3_600_000  // an hour later, the same day
        let context = Self.context()
        let lastRun = try #require(Self.lastRun(cache, root, request: later, context: context))
        #expect(lastRun.snapshot.map { JSONReport.render($0) } == JSONReport.render(snapshot))
        #expect(Set(lastRun.files(context: context).map(\.file.path)) == ["instagram.csv", "x.csv"])
        #expect(lastRun.files(context: context).allSatisfy { $0.file.isDormant && $0.file.offset > 0 })
        let restored = try Self.restoredSnapshot(lastRun, root, context: context)
        #expect(JSONReport.render(restored) == JSONReport.render(snapshot))
        #expect(restored.value(.impressions).value == 2205)
    }

    /// Followers, hourly sums of today, money with a currency, a rejected row and a note: all
    /// come back as a cold read gives them.
    @Test func everythingAFileWithoutIDsAddsComesBack() throws {
        let root = try Self.directory()
        defer { root.remove() }
        root.append("shop.csv", """
            date,platform,impressions,followers,revenue,spend
            2026-11-22T09:15:00Z,facebook,100,5000,12.50 EUR,3.10 EUR
            2026-11-23T10:05:00Z,facebook,150,5010,7.25 EUR,1.00 EUR
            2026-11-23T10:45:00Z,tiktok,80,900,,
            2026-11-23,facebook,not a number,,,

            """)
        root.append("decimal-comma.csv", "date;impressions;revenue\n2026-11-22;10;1,5\n2026-11-23;20;2,25\n")
        let (cache, snapshot) = try Self.keep(root)
        #expect(snapshot.rejectedRows == 1)
        let context = Self.context()
        let lastRun = try #require(Self.lastRun(cache, root, context: context))
        #expect(lastRun.files(context: context).count == 4)
        let restored = try Self.restoredSnapshot(lastRun, root, context: context)
        #expect(JSONReport.render(restored) == JSONReport.render(snapshot))
        #expect(JSONReport.render(restored) == JSONReport.render(try Self.coldSnapshot(root)))
    }

    /// A large file is read in parts on several cores; kept, it comes back whole.
    @Test func aFileReadInPartsIsKept() throws {
        let root = try ScratchDirectory()
        defer { root.remove() }
        var lines = "date,impressions,revenue\n"
        for index in 0..<3000 { lines += "2026-11-\(10 + index % 14),\(index),\(index % 7).25\n" }
        root.append("facebook.csv", lines)
        let context = Self.context()
        var loader = DataLoader(root: root.path, context: context)
        loader.cutting = FirstRead.Cutting(minimumFileSize: 4096, parts: 4, headLength: 4096)
        let files = try loader.readAll()
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        store.set(files.map(\.contribution))
        let snapshot = store.snapshot(Self.request)
        let cache = try Self.cache(root)
        cache.store(snapshot, for: Self.request, today: Self.today, files: files, root: root.path, context: context)
        let again = Self.context()
        let lastRun = try #require(Self.lastRun(cache, root, context: again))
        #expect(lastRun.files(context: context).map(\.file.path) == ["facebook.csv"])
        #expect(lastRun.snapshot != nil)
        #expect(JSONReport.render(try Self.restoredSnapshot(lastRun, root, context: again)) == JSONReport.render(snapshot))
    }

    @Test func filesWithIDsAreReadAgain() throws {
        let root = try Self.directory()
        defer { root.remove() }
        root.append("posts.csv", "date,post_id,impressions\n2026-11-21,p1,10\n2026-11-21,p1,12\n")
        root.append("tickets.csv", "id,opened_at,first_response_at\nt1,2026-11-21T10:00:00Z,2026-11-21T10:30:00Z\n")
        let (cache, snapshot) = try Self.keep(root)
        let context = Self.context()
        let lastRun = try #require(Self.lastRun(cache, root, context: context))
        #expect(Set(lastRun.files(context: context).map(\.file.path)) == ["instagram.csv", "x.csv"])
        #expect(lastRun.snapshot != nil)
        #expect(JSONReport.render(try Self.restoredSnapshot(lastRun, root, context: context)) == JSONReport.render(snapshot))
    }

    @Test func aChangedFileIsReadAgainAndTheNumbersAreNotShown() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let (cache, _) = try Self.keep(root)
        // Another day or window: the numbers are not shown, the files still come back.
        let tomorrow = try #require(Self.lastRun(cache, root, today: Self.today.adding(days: 1)))
        #expect(tomorrow.snapshot == nil && tomorrow.unchanged.count == 2)
        var window = Self.request
        window.window = .days(28)
        let otherWindow = try #require(Self.lastRun(cache, root, request: window))
        #expect(otherWindow.snapshot == nil && otherWindow.unchanged.count == 2)
        // A file appended to: read again; a new file: read; the others come back.
        root.append("x.csv", "2026-11-22,7\n")
        root.append("linkedin.csv", "date,impressions\n2026-11-22,9\n")
        let context = Self.context()
        let changed = try #require(Self.lastRun(cache, root, context: context))
        #expect(changed.snapshot == nil)
        #expect(changed.unchanged.map(\.path) == ["instagram.csv"])
        #expect(JSONReport.render(try Self.restoredSnapshot(changed, root, context: context))
            == JSONReport.render(try Self.coldSnapshot(root)))
        // A file gone: the numbers are not shown.
        root.delete("linkedin.csv")
        root.delete("x.csv")
        #expect(Self.lastRun(cache, root)?.snapshot == nil)
        // Another data directory with the same cache folder.
        let other = try #require(RestartCache(dataDirectory: root.path + "/x", environment: ["XDG_CACHE_HOME": root.path + "/.cache"]))
        #expect(other.path != cache.path)
    }

    /// Files read another way (another time zone, a new `mapping.toml`) are all read again.
    @Test func anotherWayOfReadingIgnoresTheCache() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let (cache, _) = try Self.keep(root)
        #expect(Self.lastRun(cache, root) != nil)
        #expect(Self.lastRun(cache, root, context: Self.context(zone: "Europe/Berlin")) == nil)
        root.append("mapping.toml", "[columns]\nviews = \"impressions\"\n")
        #expect(Self.lastRun(cache, root) == nil)
    }

    @Test func aCacheThatCannotBeReadIsIgnored() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let (cache, _) = try Self.keep(root)
        #expect(Self.lastRun(cache, root) != nil)
        for garbage in ["", "{", "{\"version\": 3}", String(repeating: "\u{0}", count: 100)] {
            try garbage.write(toFile: cache.path, atomically: true, encoding: .utf8)
            #expect(Self.lastRun(cache, root) == nil)
        }
    }

    /// A kept file whose parts do not hold together (a platform index out of range) is read
    /// again; a cache cut short is ignored.
    @Test func aDamagedKeptFileIsReadAgain() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let (cache, snapshot) = try Self.keep(root)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.path)))
        var contents = try CacheContents(bytes: bytes)
        #expect(contents.cachedFiles.count == 2)
        contents.cachedFiles[0].contribution.platformIndexes = [7]
        try Data(try #require(contents.bytes())).write(to: URL(fileURLWithPath: cache.path))
        let context = Self.context()
        let lastRun = try #require(Self.lastRun(cache, root, context: context))
        #expect(lastRun.files(context: context).count == 1)
        #expect(JSONReport.render(try Self.restoredSnapshot(lastRun, root, context: context)) == JSONReport.render(snapshot))

        try Data(bytes.dropLast(3)).write(to: URL(fileURLWithPath: cache.path))
        #expect(Self.lastRun(cache, root) == nil)
    }

    /// A session started again over unchanged files shows the same numbers; rows appended to a
    /// file it did not read again then count exactly as a cold read counts them.
    @Test func aSessionStartedAgainFollowsTheFilesItDidNotRead() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let cache = try Self.cache(root)
        func session() throws -> EngineSession {
            let session = try EngineSession(
                root: root.path, context: Self.context(), status: EngineStatus(dataDirectory: root.path,
                loading: LoadProgress(filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0)),
                request: Self.request, options: .init(restartCache: cache), now: { Self.request.now })
            session.start()
            return session
        }
        func waitFor(_ session: EngineSession, _ condition: (KPISnapshot) -> Bool) -> KPISnapshot? {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let latest = session.latest()
                if latest.status.loading == nil, let snapshot = latest.snapshot, condition(snapshot) { return snapshot }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return nil
        }
        let first = try session()
        let firstNumbers = try #require(waitFor(first) { _ in FileManager.default.fileExists(atPath: cache.path) })
        first.stop()
        #expect(Self.lastRun(cache, root)?.unchanged.count == 2)

        let second = try session()
        defer { second.stop() }
        let again = try #require(waitFor(second) { _ in true })
        #expect(JSONReport.render(again) == JSONReport.render(firstNumbers))
        root.append("instagram.csv", "2026-11-22,300,200,9\n")
        let grown = try #require(waitFor(second) { $0.value(.impressions).value == 2505 })
        #expect(JSONReport.render(grown) == JSONReport.render(try Self.coldSnapshot(root)))
    }
}
