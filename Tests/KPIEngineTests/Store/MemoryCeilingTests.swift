import Foundation
import Testing
@testable import KPIEngine

/// `max_memory`: once the process's memory reaches it, the first load reads no further file
/// and says which it left out; those stay out, live too.
@Suite struct MemoryCeilingTests {
    static func context(ceiling: Int64?) -> IngestContext {
        IngestContext(clock: DayClock(identifier: "UTC")!, memoryCeiling: ceiling.map { MemoryCeiling(MemorySize(bytes: $0)) })
    }

    static func directory() throws -> ScratchDirectory {
        let root = try ScratchDirectory()
        root.append("instagram.csv", "date,impressions\n2026-11-20,10\n")
        root.append("x.csv", "date,impressions\n2026-11-20,5\n")
        return root
    }

    @Test func filesBeyondTheCeilingAreLeftOutAndSaySo() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let context = Self.context(ceiling: 1)  // already reached: every file is left out
        let files = try DataLoader(root: root.path, context: context).readAll()
        let reason = "left out: kpitop's memory reached max_memory (1 bytes) before this file was read; "
            + "raise max_memory in the config file to read it"
        #expect(files.map(\.file.isLeftOut) == [true, true])
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        store.set(files.map(\.contribution))
        #expect(store.rejections == [Rejection(file: "instagram.csv", line: 0, reason: reason),
                                     Rejection(file: "x.csv", line: 0, reason: reason)])

        // Live, a left-out file is not read, even when it grows.
        root.append("x.csv", "2026-11-21,7\n")
        var file = try #require(files.last?.file)
        #expect(file.refresh(root: root.path, context: context, store: &store) == .unchanged)
        #expect(store.rejections.count == 2)
        #expect(store.snapshot(SnapshotRequest(window: .all, now: 1_795_435_200_000)).value(.impressions).value == nil)
    }

    @Test func liveAFileThatAppearsOrGrowsAtTheCeilingIsLeftOutAsAColdLoadLeavesIt() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let roomy = Self.context(ceiling: 1 << 40)
        let files = try DataLoader(root: root.path, context: roomy).readAll()
        var store = MetricsStore(clock: roomy.clock, interning: roomy.interning)
        store.set(files.map(\.contribution))
        // Memory reaches the ceiling: x.csv grows and tiktok.csv appears.
        let full = Self.context(ceiling: 1)
        root.append("x.csv", "2026-11-21,7\n")
        root.append("tiktok.csv", "date,impressions\n2026-11-20,3\n")
        var grown = try #require(files.last?.file)
        var appeared = TrackedFile(path: "tiktok.csv")
        #expect(grown.refresh(root: root.path, context: full, store: &store) == .replaced)
        #expect(appeared.refresh(root: root.path, context: full, store: &store) == .replaced)
        #expect(grown.isLeftOut && appeared.isLeftOut)
        // instagram.csv, read before the ceiling, stays; the other two are left out as a cold
        // load at the ceiling leaves them out.
        let reason = full.memoryCeiling!.leftOutReason
        #expect(store.rejections.sorted { $0.file < $1.file } == [Rejection(file: "tiktok.csv", line: 0, reason: reason),
                                                                  Rejection(file: "x.csv", line: 0, reason: reason)])
        #expect(store.snapshot(SnapshotRequest(window: .all, now: 1_795_435_200_000)).value(.impressions).value == 10)
        // Unchanged files are not left out: nothing is read.
        var unchanged = try #require(files.first?.file)
        #expect(unchanged.refresh(root: root.path, context: full, store: &store) == .unchanged)
        #expect(!unchanged.isLeftOut)
    }

    @Test func underTheCeilingEveryFileIsRead() throws {
        let root = try Self.directory()
        defer { root.remove() }
        let context = Self.context(ceiling: 1 << 40)
        let files = try DataLoader(root: root.path, context: context).readAll()
        #expect(files.allSatisfy { !$0.file.isLeftOut })
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        store.set(files.map(\.contribution))
        #expect(store.rejections.isEmpty)
        #expect(store.snapshot(SnapshotRequest(window: .all, now: 1_795_435_200_000)).value(.impressions).value == 15)
    }

    /// The resident size is read afresh each time (the statm file stays open): 64 MiB more,
    /// touched, show in the next reading.
    @Test func residentMemoryIsReadAfreshEachTime() throws {
        let before = try #require(MemoryCeiling.residentBytes())
        let size = 64 << 20
        let block = try #require(malloc(size))
        defer { free(block) }
        memset(block, 1, size)
        let after = try #require(MemoryCeiling.residentBytes())
        #expect(before > 1 << 20)
        #expect(after - before >= Int64(size) * 9 / 10)
    }

    @Test func sizesAreReadWithTheirUnits() {
        #expect(MemorySize("1GiB")?.bytes == 1 << 30)
        #expect(MemorySize("512 MB")?.bytes == 512 << 20)
        #expect(MemorySize("2g")?.bytes == 2 << 30)
        #expect(MemorySize("1073741824")?.bytes == 1 << 30)
        #expect(MemorySize("1GiB")?.description == "1 GiB")
        #expect(MemorySize("768m")?.description == "768 MiB")
        for bad in ["", "GiB", "1.5GiB", "1 TB", "-1G", "1KB", "2048GiB", "99999999999999999999"] {
            #expect(MemorySize(bad) == nil, "\(bad)")
        }
    }
}

extension MemoryCeilingTests {
    @Test func theConfigFileSetsTheCeiling() throws {
        let file = try ConfigFile.parse(try TOMLDocument(text: "max_memory = \"512MB\"\n", file: "config.toml"), home: nil)
        #expect(file.maxMemory?.value == MemorySize(bytes: 512 << 20))
        let bytes = try ConfigFile.parse(try TOMLDocument(text: "max_memory = 1073741824\n", file: "config.toml"), home: nil)
        #expect(bytes.maxMemory?.value == MemorySize(bytes: 1 << 30))
        #expect(throws: ConfigProblem.self) {
            try ConfigFile.parse(try TOMLDocument(text: "max_memory = \"a lot\"\n", file: "config.toml"), home: nil)
        }
    }
}
