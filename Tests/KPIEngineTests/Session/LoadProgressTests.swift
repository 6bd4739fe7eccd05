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
