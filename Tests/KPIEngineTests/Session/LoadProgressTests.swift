import Foundation
import Synchronization
import Testing
@testable import KPIEngine

/// The first load reports files and bytes as it goes, so a big directory shows a moving bar.
@Suite struct LoadProgressTests {
    @Test func reportsTheListingThenBytesWithinFilesThenEveryFile() throws {
        let root = try ScratchDirectory()
        defer { root.remove() }
        let row = "2026-11-20,1000,700,30,4,2,1\n"
        let big = "date,impressions,reach,likes,comments,shares,saves\n"
            + String(repeating: row, count: 3 * DataLoader.chunkSize / row.utf8.count)
        root.append("instagram.csv", big)
        let small = "date,impressions\n2026-11-20,5\n"
        root.append("x.csv", small)
        let total = Int64(big.utf8.count + small.utf8.count)

        let reports = Mutex<[LoadProgress]>([])
        let loader = DataLoader(root: root.path, context: IngestContext(clock: DayClock(identifier: "UTC")!))
        _ = try loader.readAll { progress in reports.withLock { $0.append(progress) } }
        let seen = reports.withLock { $0 }

        #expect(seen.first == LoadProgress(filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: total))
        #expect(seen.last == LoadProgress(filesDone: 2, filesTotal: 2, bytesDone: total, bytesTotal: total))
        // While the big file is read (the small one may be done or not): some of its bytes.
        #expect(seen.contains { $0.filesDone < 2 && $0.bytesDone > small.utf8.count && $0.bytesDone < total },
                "no report while the big file was being read")
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesDone <= $1.bytesDone && $0.filesDone <= $1.filesDone })
    }
}

/// The dashboard is told of a load's progress at a pace it can draw, not after every file.
@Suite struct ProgressPaceTests {
    @Test func theFirstAndTheLastReportPassAndThoseBetweenWaitForTheInterval() {
        let pace = ProgressPace(interval: .seconds(3600))
        let total: Int64 = 300
        #expect(pace.admits(LoadProgress(filesDone: 0, filesTotal: 3, bytesDone: 0, bytesTotal: total)))
        #expect(!pace.admits(LoadProgress(filesDone: 1, filesTotal: 3, bytesDone: 100, bytesTotal: total)))
        #expect(!pace.admits(LoadProgress(filesDone: 2, filesTotal: 3, bytesDone: 200, bytesTotal: total)))
        #expect(pace.admits(LoadProgress(filesDone: 3, filesTotal: 3, bytesDone: total, bytesTotal: total)))

        let everyReport = ProgressPace(interval: .zero)
        #expect((1...3).allSatisfy { everyReport.admits(LoadProgress(filesDone: $0, filesTotal: 9, bytesDone: 0, bytesTotal: 9)) })
    }
}

/// A large directory gets a first look: partial numbers from the files' starts, read within a
/// time budget, before the whole load.
@Suite struct FirstLookTests {
    static let context = IngestContext(clock: DayClock(identifier: "UTC")!)

    static func directory(rows: Int) throws -> ScratchDirectory {
        let root = try ScratchDirectory()
        root.append("instagram.csv", "date,impressions\n" + String(repeating: "2026-11-20,1\n", count: rows))
        root.append("x.csv", "date,impressions\n2026-11-20,5\n")
        return root
    }

    static func impressions(_ store: MetricsStore, _ platform: String) -> Double? {
        store.snapshot(SnapshotRequest(window: .all, now: 1_795_435_200_000)).value(.impressions, platform: platform).value
    }

    @Test func aLargeDirectoryIsShownFromTheStartsOfItsFilesFirst() throws {
        let rows = 300_000  // 3.9 MB: several steps of the first look
        let root = try Self.directory(rows: rows)
        defer { root.remove() }
        var loader = DataLoader(root: root.path, context: Self.context)
        loader.firstLookMinimumBytes = 1 << 20
        let looks = Mutex<[Double?]>([])
        let files = try loader.readAll(firstLookBudget: .zero, firstLook: { store in
            looks.withLock { $0.append(Self.impressions(store, "instagram")) }
        })
        // No time at all: the look reads nothing, yet it is shown (an empty store).
        #expect(looks.withLock { $0 } == [nil])

        let look = FirstLook(root: root.path, context: Self.context, budget: .seconds(60)).read(["instagram.csv"])
        #expect(Self.impressions(look.store, "instagram") == Double(rows))
        #expect(look.bytesRead == Int64(17 + 13 * rows))

        var store = MetricsStore(clock: Self.context.clock, interning: Self.context.interning)
        store.set(files.map(\.contribution))
        #expect(Self.impressions(store, "instagram") == Double(rows))
    }

    /// Files are looked at in an order spread over the listing: a look cut short has files of
    /// every folder of a sorted listing (a platform each), not the first folder's only.
    @Test func filesAreLookedAtInAnOrderSpreadOverTheListing() {
        #expect(Array(FirstLook.spreadOrder(8)) == [0, 4, 2, 6, 1, 5, 3, 7])
        #expect(Array(FirstLook.spreadOrder(0)).isEmpty)
        #expect(Array(FirstLook.spreadOrder(1)) == [0])
        for count in [2, 3, 5, 1000, 20_000] {
            let order = Array(FirstLook.spreadOrder(count))
            #expect(order.sorted() == Array(0..<count), "every file once, for \(count)")
        }
        // 20,000 files in 6 folders: the first 12 looked at fall in all six.
        let folders = Set(FirstLook.spreadOrder(20_000).prefix(12).map { $0 * 6 / 20_000 })
        #expect(folders == Set(0..<6))
    }

    @Test func aFirstLookStopsWhenItsTimeIsUpAndASmallDirectoryHasNone() throws {
        let root = try Self.directory(rows: 300_000)
        defer { root.remove() }
        let look = FirstLook(root: root.path, context: Self.context, budget: .nanoseconds(1)).read(["instagram.csv", "x.csv"])
        #expect(look.bytesRead <= FirstLook.stepSize)

        let called = Mutex(false)
        _ = try DataLoader(root: root.path, context: Self.context).readAll(firstLook: { _ in called.withLock { $0 = true } })
        #expect(!called.withLock { $0 }, "a 4 MB directory loads whole at once")
    }
}
