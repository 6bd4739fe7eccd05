import Testing
@testable import KPIEngine

/// A post in a snapshot's list sums the winning rows of its keys in the window (dated rows and
/// its lifetime snapshot, whose day is the row's), and takes the title of the latest of those
/// rows that has one (on the same day, the dated row before the snapshot's): checked against
/// the rows themselves, over files that contest each other's keys.
@Suite struct TopPostsTests {
    typealias F = StoreFixture

    @Test(arguments: 0..<6)
    func aPostSumsItsWinningRowsInTheWindowAndTakesTheLatestTitle(seed: Int) {
        let files = BulkRollupTests.files(seed: UInt64(seed) &* 31 &+ 17)
        var store = MetricsStore(clock: F.utc)
        store.set(files.map { BulkRollupTests.whole($0, store: store) })
        // The winning row of each key: the later file's (a file holds a key once).
        var winners: [String: MetricsRow] = [:]
        for file in files.sorted(by: { $0.mtime < $1.mtime }) {
            for row in file.rows where row.id != nil {
                winners["\(row.platform) \(row.id!) \(row.isLifetimeSnapshot ? "-" : "\(row.day)")"] = row
            }
        }
        for (length, end) in [(7, 13), (20, 19), (3, 4)] {
            let s = store.snapshot(SnapshotRequest(window: .days(length), asOf: F.d0.adding(days: end), now: 0))
            var expected: [String: (units: SIMD32<Int64>, title: String?)] = [:]
            let inWindow = winners.values.filter { s.window.contains($0.day) }
                .sorted { a, b in a.day != b.day ? a.day > b.day : !a.isLifetimeSnapshot && b.isLifetimeSnapshot }
            for row in inWindow {
                let post = "\(row.platform) \(row.id!)"
                var entry = expected[post] ?? (.zero, nil)
                entry.units &+= row.values.units
                if entry.title == nil { entry.title = row.title }
                expected[post] = entry
            }
            var got: [String: (units: SIMD32<Int64>, title: String?)] = [:]
            for platform in s.platforms {
                for post in s.posts[platform] ?? [] { got["\(platform) \(post.id)"] = (post.values.units, post.title) }
            }
            #expect(expected.count > 10)
            #expect(Set(got.keys) == Set(expected.keys), "seed \(seed), window \(length) days")
            for (post, entry) in expected {
                #expect(got[post]?.units == entry.units, "seed \(seed), \(post), window \(length) days")
                #expect(got[post]?.title == entry.title, "seed \(seed), \(post), window \(length) days")
            }
        }
    }
}
