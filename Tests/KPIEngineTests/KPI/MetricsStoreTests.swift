import Testing
@testable import KPIEngine

/// The store combines again only the platforms a changed file touches: after any sequence of
/// changes it must give what a store built from the final files gives.
@Suite struct MetricsStoreTests {
    typealias F = StoreFixture

    private let request = SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: 13), now: 0)

    private func fresh(_ files: [FileContribution]) -> KPISnapshot {
        var store = MetricsStore(clock: F.utc)
        for file in files { store.set(file) }
        return store.snapshot(request)
    }

    private func expectSame(_ live: KPISnapshot, _ fresh: KPISnapshot) {
        #expect(live.platforms == fresh.platforms)
        #expect(live.kpis == fresh.kpis)
        #expect(live.posts == fresh.posts)
        #expect(live.newestData == fresh.newestData)
        #expect(live.fileCount == fresh.fileCount)
    }

    @Test func changingOneFileGivesWhatAFreshStoreGives() {
        let mixed = F.file("mixed.csv", mtime: 1, rows: [
            F.row("x", day: 13, id: "p1", [.likes: 4, .interactions: 4]),
            F.row("y", day: 12, [.impressions: 100]),
        ])
        let y = F.file("y.csv", mtime: 2, rows: [F.row("y", day: 13, id: "p1", [.likes: 2, .interactions: 2])])
        let z = F.file("z.csv", mtime: 3, rows: [F.row("z", day: 11, [.reach: 50])])
        var store = MetricsStore(clock: F.utc)
        for file in [mixed, y, z] { store.set(file) }
        expectSame(store.snapshot(request), fresh([mixed, y, z]))

        // The mixed file is rewritten: platform y leaves it, platform w arrives, and its
        // upsert of x/p1 now comes after y.csv's; z.csv is deleted.
        let rewritten = F.file("mixed.csv", mtime: 4, rows: [
            F.row("x", day: 13, id: "p1", [.likes: 9, .interactions: 9]),
            F.row("w", day: 13, [.clicks: 3]),
        ])
        store.set(rewritten)
        store.remove(path: "z.csv")
        let live = store.snapshot(request)
        expectSame(live, fresh([rewritten, y]))
        #expect(live.platforms == ["w", "x", "y"])
        #expect(live.value(.impressions, platform: "y").value == nil)
        #expect(live.value(.likes, platform: "x").value == 9)
    }

    @Test func aPlatformLeavesWithItsLastFile() {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("x.csv", rows: [F.row("x", day: 13, [.likes: 1])]))
        store.set(F.file("y.csv", rows: [F.row("y", day: 13, [.likes: 2])]))
        #expect(store.snapshot(request).platforms == ["x", "y"])
        store.remove(path: "y.csv")
        let live = store.snapshot(request)
        #expect(live.platforms == ["x"])
        #expect(live.value(.likes).value == 1)
    }
}
