import Testing
@testable import KPIDemo
@testable import KPIEngine

/// A file's rows with an id and inquiries added to the rollups at once (``MetricsStore/set(_:)``:
/// the keys added in the order of the index's buckets, the rows of new keys summed per day in
/// one place, inquiries by runs of a day) must leave every rollup exactly as adding them row by
/// row does (the same files grown in pieces: each journalled row is added on its own).
@Suite struct BulkRollupTests {
    typealias F = StoreFixture

    /// Files of posts (dated rows, lifetime snapshots, rows in hourly days, money in two
    /// currencies, rows without an id) and inquiries (with and without an id, out of order),
    /// each key once per file; a later file holds some of an earlier one's keys of the same
    /// platform. `platforms`: those of each file (a.csv, b.csv...).
    static func files(seed: UInt64, platforms: [[String]] = Array(repeating: ["fb", "x"], count: 3))
        -> [(path: String, mtime: Int64, rows: [MetricsRow], tickets: [ServiceRow])] {
        var random = SplitMix64(seed: seed)
        func int(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        var result: [(String, Int64, [MetricsRow], [ServiceRow])] = []
        for (number, path) in ["a.csv", "b.csv", "c.csv", "d.csv"].prefix(platforms.count).enumerated() {
            var rows: [MetricsRow] = []
            for platform in platforms[number] {
                for post in 0..<(10 + int(20)) where int(4) > 0 {
                    var days = Array(Set((0..<(1 + int(12))).map { _ in int(20) })).sorted()
                    if int(3) == 0 { days.shuffle(using: &random) }
                    for day in days {
                        var values = MetricValues.zero
                        for field in [MetricField.impressions, .likes, .clicks, .revenue] where int(4) > 0 {
                            values[field] = field.isMoney ? Double(int(100_000)) / 100 - 100 : Double(int(5000))
                        }
                        values[.interactions] = values[.likes]
                        var row = F.row(platform, day: day, id: "p\(post)", title: int(2) == 0 ? "t\(post) d\(day)" : nil,
                                        followers: int(5) == 0 ? Double(int(9000)) : nil, hour: int(24),
                                        line: rows.count + 2)
                        row.values = values
                        row.currency = int(6) == 0 ? .eur : .usd
                        rows.append(row)
                    }
                    if int(4) == 0 {
                        var snapshot = F.row(platform, day: 5 + int(15), id: "p\(post)", title: "s\(post)", hour: int(24),
                                             line: rows.count + 2,
                                             [.impressions: Double(int(900)), .likes: Double(int(50))])
                        snapshot.isLifetimeSnapshot = true
                        rows.append(snapshot)
                    }
                }
                for _ in 0..<int(6) {
                    rows.append(F.row(platform, day: int(20), hour: int(24), line: rows.count + 2,
                                      [.impressions: Double(int(900)), .spend: Double(int(90))]))
                }
            }
            var tickets: [ServiceRow] = []
            for id in 0..<(20 + int(40)) where int(3) > 0 {
                let opened = F.ms(F.d0.adding(days: int(20)), hour: int(24), minute: int(60))
                tickets.append(ServiceRow(
                    platform: platforms[number][int(platforms[number].count)], id: int(5) == 0 ? nil : "t\(id)", openedAt: opened,
                    firstResponseAt: int(3) == 0 ? nil : opened + Int64(int(90_000)) * 1000,
                    resolvedAt: int(3) == 0 ? nil : opened + Int64(int(900_000)) * 1000,
                    csat: int(2) == 0 ? nil : Double(1 + int(5)), sentiment: [nil, .positive, .negative][int(3)],
                    line: tickets.count + 2))
            }
            if int(2) == 0 { tickets.sort { $0.openedAt < $1.openedAt } }
            result.append((path, Int64(number + 1), rows, tickets))
        }
        return result
    }

    static func contribution(_ path: String, mtime: Int64, store: MetricsStore) -> FileContribution {
        FileContribution(path: path, modificationTime: mtime, interning: store.interning,
                         hourlyFrom: F.d0.adding(days: 15), clock: F.utc)
    }

    static func whole(_ file: (path: String, mtime: Int64, rows: [MetricsRow], tickets: [ServiceRow]),
                      store: MetricsStore) -> FileContribution {
        var c = contribution(file.path, mtime: file.mtime, store: store)
        for row in file.rows { c.metrics(row) }
        for ticket in file.tickets { c.service(ticket) }
        return c
    }

    /// Everything a rollup keeps, in a fixed order; sums and backlog days at zero left out
    /// (taking a row back leaves them, adding nothing does not make them). The inquiries'
    /// upsert indexes a bulk set deferred are made first, by reading each file again with
    /// nothing new (as the dashboard does when a file is touched).
    static func describe(_ given: MetricsStore) -> [String] {
        var store = given
        for path in ["a.csv", "b.csv", "c.csv", "d.csv"] { store.update(path: path) { _ in } }
        #expect(store.platforms.values.allSatisfy { $0.tickets.deferred == nil })
        // Ids by their text: the stores number them in the order they met them.
        let id = { (number: UInt32) in store.interning.ids.string(number) }
        let key = { (raw: UInt64) in RowKey(raw: raw).day.map { "\(id(RowKey(raw: raw).id))@\($0)" } ?? id(RowKey(raw: raw).id) }
        return store.platforms.sorted { $0.key < $1.key }.flatMap { name, r -> [String] in
            var lines = ["\(name): fields \(r.presentFields), currencies \(r.currencies), days \(r.sortedDays), "
                + "followers on \(r.followerDays), inquiries \(r.inquiryCount), newest \(String(describing: r.newestInquiry))"]
            for day in r.sortedDays { lines.append("\(day): \(r.days[day]!), files \(r.dayFiles[day]!.sorted())") }
            lines += r.hours.filter { $0.value.units != .zero }
                .map { "hour \($0.key.day) \($0.key.hour): \($0.value.units)" }.sorted()
            for (day, table) in r.postsByDay.sorted(by: { $0.key < $1.key }) {
                var entries: [String] = []
                table.forEach { raw, units in entries.append("\(key(raw))=\(units)") }
                lines.append("posts of \(day): \(entries.sorted())")
            }
            var spans: [String] = []
            r.postSpans.forEach { number, span in spans.append("\(id(UInt32(number))): \(span)") }
            lines.append("spans \(spans.sorted())")
            for (kind, index) in [("post", r.posts), ("ticket", r.tickets)] {
                var winners: [String] = []
                index.winners.forEach { raw, ref in winners.append("\(key(raw))=\(ref)") }
                lines.append("\(kind) winners \(winners.sorted())")
                lines.append("\(kind) contested \(index.contested.map { "\(key($0.key.raw)): \($0.value)" }.sorted())")
            }
            for day in r.service.sortedDays { lines.append("service \(day): \(r.service.days[day]!)") }
            lines.append("opened \(r.service.openedUpTo.filter { $0.value != 0 }.sorted { $0.key < $1.key })")
            lines.append("resolved \(r.service.resolvedUpTo.filter { $0.value != 0 }.sorted { $0.key < $1.key })")
            return lines
        }
    }

    @Test(arguments: [0, 5, 31, 32, 1_000, 70_000])
    func elementsInBucketOrderAreTheSameElements(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        let elements = (0..<count).map { (key: random.next() >> 1, index: $0) }
        let ordered = KeyTable<Int32>.inBucketOrder(elements) { $0.key }
        #expect(ordered.map(\.index).sorted() == Array(0..<count))
        #expect(ordered.allSatisfy { $0.key == elements[$0.index].key })
        if count < 32 { #expect(ordered.map(\.index) == Array(0..<count)) }
    }

    /// The first line that differs, as "got / expected"; nil when none.
    static func firstDifference(_ got: [String], _ expected: [String]) -> String? {
        for (a, b) in zip(got, expected) where a != b { return "\(a)\n/ \(b)" }
        return got.count == expected.count ? nil : "\(got.count) lines / \(expected.count)"
    }

    /// A store of `files`, each made empty, then grown a few rows at a time: every row goes
    /// through the journal, one by one.
    static func grownInPieces(_ files: [(path: String, mtime: Int64, rows: [MetricsRow], tickets: [ServiceRow])],
                              seed: Int) -> MetricsStore {
        var inPieces = MetricsStore(clock: F.utc)
        var random = SplitMix64(seed: UInt64(seed))
        for file in files {
            inPieces.set(Self.contribution(file.path, mtime: file.mtime, store: inPieces))
            var rows = file.rows[...], tickets = file.tickets[...]
            while !rows.isEmpty || !tickets.isEmpty {
                let n = 1 + Int(random.next() % 7)
                inPieces.update(path: file.path) { c in
                    for row in rows.prefix(n) { c.metrics(row) }
                    for ticket in tickets.prefix(n) { c.service(ticket) }
                }
                rows = rows.dropFirst(n)
                tickets = tickets.dropFirst(n)
            }
        }
        return inPieces
    }

    @Test(arguments: 0..<8)
    func filesAddedAtOnceGiveTheRollupsOfTheirRowsAddedOneByOne(seed: Int) {
        let files = Self.files(seed: UInt64(seed) &* 7919 &+ 3)
        var atOnce = MetricsStore(clock: F.utc)
        atOnce.set(files.map { Self.whole($0, store: atOnce) })
        var oneByOne = MetricsStore(clock: F.utc)
        for file in files { oneByOne.set(Self.whole(file, store: oneByOne)) }
        var inPieces = Self.grownInPieces(files, seed: seed)
        let expected = Self.describe(inPieces)
        #expect(expected.count > 20)
        #expect(Self.firstDifference(Self.describe(atOnce), expected) == nil, "seed \(seed), at once")
        #expect(Self.firstDifference(Self.describe(oneByOne), expected) == nil, "seed \(seed), one by one")
        // Taking a file back must leave the same too (the counts of fields, currencies, spans
        // and holders were the same).
        for path in ["a.csv", "c.csv"] {
            atOnce.remove(path: path)
            oneByOne.remove(path: path)
            inPieces.remove(path: path)
            let left = Self.describe(inPieces)
            #expect(Self.firstDifference(Self.describe(atOnce), left) == nil, "seed \(seed), at once, \(path) removed")
            #expect(Self.firstDifference(Self.describe(oneByOne), left) == nil, "seed \(seed), one by one, \(path) removed")
        }
    }

    /// A new platform whose rows all come from one file of a bulk set has its upsert indexes
    /// built apart from the rest of its rollup (its keys are all new). Here x and ig come from
    /// one file each (b.csv, c.csv) and fb from two: the rollups must be those of the rows
    /// added one by one after a later file contests the keys of x (d.csv), and after files are
    /// taken back; and the reports the same whatever the order of the files (their numbers,
    /// which the rollups show, follow that order).
    @Test(arguments: 0..<8)
    func platformsOfOneFileIndexedApartGiveTheRollupsOfTheirRowsAddedOneByOne(seed: Int) {
        let files = Self.files(seed: UInt64(seed) &* 104_729 &+ 11, platforms: [["fb"], ["x"], ["ig", "fb"], ["x"]])
        var inPieces = Self.grownInPieces(files, seed: seed)
        let expected = Self.describe(inPieces)
        #expect(expected.contains { $0.hasPrefix("ig: ") } && expected.contains { $0.hasPrefix("x: ") })
        var threeThenOne = MetricsStore(clock: F.utc)
        threeThenOne.set(files.prefix(3).map { Self.whole($0, store: threeThenOne) })
        threeThenOne.set(Self.whole(files[3], store: threeThenOne))
        #expect(Self.firstDifference(Self.describe(threeThenOne), expected) == nil, "seed \(seed), three then one")
        var random = SplitMix64(seed: UInt64(seed))
        var shuffled = MetricsStore(clock: F.utc)
        shuffled.set(files.shuffled(using: &random).map { Self.whole($0, store: shuffled) })
        // x comes from two files, ig from one: its inquiries' table is not made yet.
        #expect(shuffled.platforms["ig"]?.tickets.deferred != nil && shuffled.platforms["x"]?.tickets.deferred == nil)
        var eachAlone = MetricsStore(clock: F.utc)
        for file in files.reversed() { eachAlone.set([Self.whole(file, store: eachAlone)]) }
        let report = IncrementalEqualsColdTests.render(inPieces)
        #expect(IncrementalEqualsColdTests.render(shuffled) == report, "seed \(seed), shuffled")
        #expect(IncrementalEqualsColdTests.render(eachAlone) == report, "seed \(seed), each alone, last first")
        // The tables made ahead of the first change, as a follower does once its numbers are
        // shown: no number changes, and the rollups are those of the rows added one by one.
        var indexedAhead = shuffled
        indexedAhead.indexDeferred()
        #expect(indexedAhead.platforms.values.allSatisfy { $0.tickets.deferred == nil }, "seed \(seed), indexed ahead")
        #expect(IncrementalEqualsColdTests.render(indexedAhead) == report, "seed \(seed), indexed ahead")
        #expect(Self.firstDifference(Self.describe(indexedAhead), Self.describe(shuffled)) == nil, "seed \(seed), indexed ahead")
        for path in ["b.csv", "c.csv", "d.csv"] {
            threeThenOne.remove(path: path)
            shuffled.remove(path: path)
            indexedAhead.remove(path: path)
            eachAlone.remove(path: path)
            inPieces.remove(path: path)
            let left = Self.describe(inPieces), leftReport = IncrementalEqualsColdTests.render(inPieces)
            #expect(Self.firstDifference(Self.describe(threeThenOne), left) == nil, "seed \(seed), three then one, \(path) removed")
            #expect(IncrementalEqualsColdTests.render(shuffled) == leftReport, "seed \(seed), shuffled, \(path) removed")
            #expect(IncrementalEqualsColdTests.render(eachAlone) == leftReport, "seed \(seed), each alone, \(path) removed")
            #expect(IncrementalEqualsColdTests.render(indexedAhead) == leftReport, "seed \(seed), indexed ahead, \(path) removed")
        }
    }
}
