import Testing
@testable import KPIDemo
@testable import KPIEngine

/// The compact stores of a file's rows: tables of any size, day sums packed once the file is
/// read, and rows with ids whose slot index is given up once read and made again when the
/// file grows.
@Suite struct CompactRowsTests {
    @Test func aKeyTableAgreesWithADictionaryThroughGrowthRemovalAndShrinking() {
        var table = KeyTable<Int64>(filler: 0)
        var model: [UInt64: Int64] = [:]
        var generator = SplitMix64(seed: 9)
        for step in 0..<60_000 {
            let key = generator.next() % 5_000
            switch generator.next() % 4 {
            case 0: table[key] = nil; model[key] = nil
            default:
                let value = Int64(step)
                table[key] = value
                model[key] = value
            }
            if step % 7_919 == 0 { table.shrinkToFit() }
        }
        #expect(table.count == model.count)
        for key in 0..<UInt64(5_000) { #expect(table[key] == model[key]) }
        table.shrinkToFit()
        for (key, value) in model { #expect(table[key] == value) }
    }

    @Test func daySumsPackedOrOpenHoldWhatADictionaryHolds() {
        var sums = DaySums()
        var model: [PlatformDay: DayTotals] = [:]
        var generator = SplitMix64(seed: 11)
        for step in 0..<3_000 {
            let key = PlatformDay(platform: UInt16(generator.next() % 3), day: Day(number: Int32(generator.next() % 9)))
            var row = MetricsRow(platform: "x", day: key.day, time: Int64(generator.next() % 1_000), values: .zero, line: step)
            for field in [MetricField.impressions, .likes, .revenue] where generator.next() % 2 == 0 {
                row.values.set(field, units: Int64(generator.next() % 50_000) - 10_000)
            }
            if generator.next() % 4 == 0 { row.followers = Double(generator.next() % 900) }
            sums.modify(key) { $0.add(row) }
            model[key, default: DayTotals()].add(row)
            if generator.next() % 50 == 0 { sums.pack() }
            if step % 97 == 0 {
                #expect(Set(sums.keys) == Set(model.keys))
                for (key, totals) in model { #expect(sums[key] == totals) }
                #expect(Dictionary(uniqueKeysWithValues: sums.map { ($0.key, $0.value) }) == model)
            }
        }
        sums.pack()
        #expect(Dictionary(uniqueKeysWithValues: sums.map { ($0.key, $0.value) }) == model)
        #expect(sums[PlatformDay(platform: 7, day: Day(number: 0))] == nil)
    }

    @Test func postRowsUpsertTheSameKeyAfterGivingUpTheirIndex() throws {
        var rows = PostRows()
        let day = Day(number: 20_000)
        let first = try #require(RowKey(platform: 1, id: 7, day: day))
        let second = try #require(RowKey(platform: 1, id: 8, day: day))
        _ = rows.upsert(first, post(likes: 1, day: day), title: "A")
        _ = rows.upsert(second, post(likes: 2, day: day), title: "B")
        rows.shrinkToFit()
        let (slot, replaced) = rows.upsert(first, post(likes: 5, day: day), title: "A")
        #expect(slot == 0)
        #expect(replaced?.values[.likes] == 1)
        #expect(rows.count == 2)
        #expect(rows[0].values[.likes] == 5)
        #expect(rows[1].values[.likes] == 2)
        #expect(rows[0].day == day && rows[0].hour == nil && rows[0].currency == nil)
    }

    @Test func postRowsKeepADayCurrencyAndHourOnlyWhereARowHasThem() throws {
        var rows = PostRows()
        let day = Day(number: 20_000), exportDay = Day(number: 20_010)
        let dated = try #require(RowKey(platform: 1, id: 7, day: day))
        let snapshot = try #require(RowKey(platform: 1, id: 9, day: nil))
        _ = rows.upsert(dated, post(likes: 1, day: day), title: nil)
        var withMore = post(likes: 3, day: exportDay)
        withMore.hour = 14
        withMore.currency = Currency(code: "EUR")
        _ = rows.upsert(snapshot, withMore, title: nil)
        #expect(rows[0].day == day && rows[0].hour == nil && rows[0].currency == nil)
        #expect(rows[1].day == exportDay && rows[1].hour == 14 && rows[1].currency == Currency(code: "EUR"))
    }

    /// Rows mostly in ascending key order (found new without the slot index), with keys out of
    /// order, repeated keys, snapshots, wide values, hours and currencies between them.
    static func postUpserts(seed: UInt64, count: Int) -> [(key: RowKey, row: StoredPost, title: String?)] {
        var generator = SplitMix64(seed: seed)
        var upserts: [(key: RowKey, row: StoredPost, title: String?)] = []
        var next = 0
        for _ in 0..<count {
            let roll = generator.next() % 20
            // Mostly the next (post, day); sometimes an earlier one again, or one far ahead.
            let position = roll == 0 ? Int(generator.next() % UInt64(next + 1))
                : roll == 1 ? next + Int(generator.next() % 50) : next
            if roll != 0 { next = position + 1 }
            let day = Day(number: 20_000 + Int32(position % 30))
            let isSnapshot = generator.next() % 40 == 0
            let key = RowKey(platform: UInt16(position / 3_000), id: UInt32(position / 30), day: isSnapshot ? nil : day)!
            var values = MetricValues.zero
            for field in [MetricField.impressions, .likes, .revenue] where generator.next() % 4 != 0 {
                let large = generator.next() % 25 == 0
                values.set(field, units: Int64(generator.next() % 100_000) * (large ? 1_000_000 : 1) - 20_000)
            }
            let hour: UInt8? = generator.next() % 30 == 0 ? UInt8(generator.next() % 24) : nil
            let currency = generator.next() % 30 == 0 ? Currency(code: "EUR") : nil
            let title = generator.next() % 10 == 0 ? nil : "post \(position / 30)\(generator.next() % 15 == 0 ? " renamed" : "")"
            upserts.append((key, StoredPost(values: values, day: isSnapshot ? day.adding(days: 3) : day, hour: hour,
                                            currency: currency, title: 0), title))
        }
        return upserts
    }

    /// Each row as text with its title, slot by slot.
    static func describe(_ rows: PostRows) -> [String] {
        (0..<Int32(rows.count)).map { slot in
            var row = rows[slot]
            let title = rows.titles[row.title]
            row.title = 0
            return "\(rows.keys[Int(slot)].raw) \(row) \(title ?? "-")"
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func postRowsUpsertAsADictionaryWouldWhateverTheKeyOrder(seed: UInt64) {
        let upserts = Self.postUpserts(seed: seed, count: 6_000)
        var rows = PostRows()
        var slots: [RowKey: Int32] = [:]
        var model: [String] = []
        for (step, upsert) in upserts.enumerated() {
            let (slot, replaced) = rows.upsert(upsert.key, upsert.row, title: upsert.title)
            #expect(slot == slots[upsert.key] ?? Int32(slots.count))
            #expect((replaced != nil) == (slots[upsert.key] != nil))
            slots[upsert.key] = slot
            var row = upsert.row
            row.title = 0
            let text = "\(upsert.key.raw) \(row) \(upsert.title ?? "-")"
            if Int(slot) == model.count { model.append(text) } else { model[Int(slot)] = text }
            // A file read to its end gives up its index; appended rows then follow.
            if step % 2_500 == 2_499 { rows.shrinkToFit() }
        }
        #expect(Self.describe(rows) == model)
    }

    /// A file's parts are merged in bulk (``PostRows/append(_:)``); the result must be that of
    /// upserting every row in one go, wherever the file is cut and whatever the key order.
    @Test(arguments: [4, 5, 6] as [UInt64])
    func postRowsOfPartsAppendedEqualRowsUpsertedInOneGo(seed: UInt64) {
        let upserts = Self.postUpserts(seed: seed, count: 3_000)
        var whole = PostRows()
        for upsert in upserts { _ = whole.upsert(upsert.key, upsert.row, title: upsert.title) }
        var generator = SplitMix64(seed: seed)
        for _ in 0..<6 {
            let cuts = (0..<3).map { _ in Int(generator.next() % UInt64(upserts.count + 1)) }.sorted()
            let bounds = [0] + cuts + [upserts.count]
            var parts: [PostRows] = []
            for (start, end) in zip(bounds, bounds.dropFirst()) {
                var part = PostRows()
                for upsert in upserts[start..<end] { _ = part.upsert(upsert.key, upsert.row, title: upsert.title) }
                parts.append(part)
            }
            var merged = parts[0]
            for part in parts.dropFirst() { merged.append(part) }
            #expect(Self.describe(merged) == Self.describe(whole), "cut at \(cuts)")
        }
        // Keys ascending in both parts, some of the later part's stored already (matched in one walk).
        let ascending = (0..<400).map { RowKey(platform: 1, id: UInt32($0 / 10), day: Day(number: 20_000 + Int32($0 % 10)))! }
        func row(_ key: RowKey, likes: Int64) -> StoredPost {
            var values = MetricValues.zero
            values.set(.likes, units: likes)
            return StoredPost(values: values, day: key.day!, hour: nil, currency: nil, title: 0)
        }
        let earlier = ascending[0..<250].map { ($0, row($0, likes: 1)) }
        let later = ascending[200..<400].filter { $0.raw % 3 != 0 }.map { ($0, row($0, likes: 2)) }
        var first = PostRows(), second = PostRows(), oneGo = PostRows()
        for (key, row) in earlier { _ = first.upsert(key, row, title: "a") }
        for (key, row) in later { _ = second.upsert(key, row, title: "b") }
        for (key, row) in earlier { _ = oneGo.upsert(key, row, title: "a") }
        for (key, row) in later { _ = oneGo.upsert(key, row, title: "b") }
        first.append(second)
        #expect(Self.describe(first) == Self.describe(oneGo))
    }

    /// Parts cut between posts or inside one are appended with whole arrays after the rows of
    /// the post cut in two; the result, and rows upserted after the merge (rows of earlier
    /// posts again, the last post going on, new posts), must be those of upserting in one go.
    @Test(arguments: [7, 8, 9] as [UInt64])
    func postRowsOfPartsOfWholePostsEqualRowsUpsertedInOneGo(seed: UInt64) {
        // The rows of each post together, their keys ascending (as they are found without the
        // slot index): rows of a post met before in another run left out, each run sorted.
        var runs: [[(key: RowKey, row: StoredPost, title: String?)]] = []
        var postsMet = Set<UInt64>()
        for upsert in Self.postUpserts(seed: seed, count: 3_000) {
            let post = upsert.key.raw | 0xFF_FFFF
            if let last = runs.last?.last, last.key.raw | 0xFF_FFFF == post {
                runs[runs.count - 1].append(upsert)
            } else if postsMet.insert(post).inserted {
                runs.append([upsert])
            }
        }
        let upserts = runs.flatMap { run in
            run.enumerated().sorted { ($0.element.key.raw, $0.offset) < ($1.element.key.raw, $1.offset) }.map(\.element)
        }
        func post(_ index: Int) -> UInt64 { upserts[index].key.raw | 0xFF_FFFF }
        let betweenPosts = upserts.indices.dropFirst().filter { post($0) != post($0 - 1) }
        var generator = SplitMix64(seed: seed)
        for round in 0..<6 {
            // Between posts, then anywhere (a post cut in two: its rows in the later part are
            // upserted one by one, the rest appended whole).
            let cuts = (0..<3).map { _ in
                round < 3 ? betweenPosts[Int(generator.next() % UInt64(betweenPosts.count))]
                    : Int(generator.next() % UInt64(upserts.count + 1))
            }.sorted()
            let bounds = [0] + cuts + [upserts.count]
            var whole = PostRows()
            var merged = PostRows()
            for (start, end) in zip(bounds, bounds.dropFirst()) {
                var part = PostRows()
                for upsert in upserts[start..<end] {
                    _ = part.upsert(upsert.key, upsert.row, title: upsert.title)
                    _ = whole.upsert(upsert.key, upsert.row, title: upsert.title)
                }
                if start == 0 { merged = part } else { merged.append(part) }
            }
            #expect(Self.describe(merged) == Self.describe(whole), "cut at \(cuts)")
            let again = (0..<200).map { _ in upserts[Int(generator.next() % UInt64(upserts.count))] }
                + Self.postUpserts(seed: seed + 100 + UInt64(round), count: 200)
            for upsert in again {
                let a = merged.upsert(upsert.key, upsert.row, title: upsert.title)
                let b = whole.upsert(upsert.key, upsert.row, title: upsert.title)
                #expect(a.slot == b.slot && a.replaced == b.replaced)
            }
            #expect(Self.describe(merged) == Self.describe(whole), "cut at \(cuts), then upserted")
        }
    }

    @Test func ticketRowsUpsertTheSameKeyAfterGivingUpTheirIndex() throws {
        var rows = TicketRows()
        let key = try #require(RowKey(platform: 2, id: 3, day: nil))
        let other = try #require(RowKey(platform: 2, id: 4, day: nil))
        _ = rows.upsert(key, StoredTicket(openedAt: 1_000, firstResponseAt: nil, resolvedAt: nil, satisfied: nil, sentiment: nil))
        _ = rows.upsert(other, StoredTicket(openedAt: 2_000, firstResponseAt: nil, resolvedAt: nil, satisfied: nil, sentiment: nil))
        rows.shrinkToFit()
        let (slot, replaced) = rows.upsert(key, StoredTicket(openedAt: 1_000, firstResponseAt: 4_000, resolvedAt: nil,
                                                             satisfied: true, sentiment: nil))
        #expect(slot == 0 && replaced?.firstResponseAt == nil)
        #expect(rows.count == 2 && rows[0].firstResponseAt == 4_000 && rows[0].satisfied == true)
    }

    @Test func ticketsStoredWithoutALookUpAreFoundByLaterUpserts() throws {
        var rows = TicketRows()
        let keys = try (0..<100).map { try #require(RowKey(platform: 1, id: UInt32($0), day: nil)) }
        for i in 0..<60 { #expect(rows.insertNew(keys[i], ticket(i)) == Int32(i)) }
        let first = rows.upsert(keys[10], ticket(1_000))
        #expect(first.slot == 10 && first.replaced == ticket(10))
        for i in 60..<100 { #expect(rows.insertNew(keys[i], ticket(i)) == Int32(i)) }
        // The index catches up on the keys stored since the last upsert.
        let second = rows.upsert(keys[90], ticket(2_000))
        #expect(second.slot == 90 && second.replaced == ticket(90))
        let third = rows.upsert(try #require(RowKey(platform: 2, id: 10, day: nil)), ticket(3_000))
        #expect(third.slot == 100 && third.replaced == nil)
        #expect(rows.count == 101 && rows[10] == ticket(1_000) && rows[90] == ticket(2_000) && rows[99] == ticket(99))
    }

    /// A file's parts join into what upserting every record in order gives, whether their keys
    /// were all new (joined without look-ups) or a later part has a key of an earlier one.
    @Test func ticketPartsJoinAsUpsertsInOrder() throws {
        let keys = try (0..<100).map { try #require(RowKey(platform: 1, id: UInt32($0), day: nil)) }
        func part(_ range: Range<Int>, known: [Int] = []) -> TicketRows {
            var rows = TicketRows()
            for i in range { _ = rows.insertNew(keys[i], ticket(i)) }
            for i in known { _ = rows.upsert(keys[i], ticket(i)) }
            return rows
        }
        func contents(_ rows: TicketRows) -> [String] {
            (0..<Int32(rows.count)).map { "\(rows.keys[Int($0)].raw) \(rows[$0])" }
        }
        var reference = TicketRows()
        for i in 0..<100 { _ = reference.upsert(keys[i], ticket(i)) }
        let inOrder = contents(reference)
        var joined = part(0..<50)
        joined.append(part(50..<100))
        #expect(contents(joined) == inOrder)
        // Room reserved for fewer, as many and more records than come (a loader's estimate).
        for reserved in [30, 100, 1_000] {
            var rows = TicketRows()
            rows.reserveCapacity(reserved)
            for i in 0..<50 { _ = rows.insertNew(keys[i], ticket(i)) }
            rows.append(part(50..<100))
            #expect(contents(rows) == inOrder)
        }

        for i in [5, 70] { _ = reference.upsert(keys[i], ticket(i + 500)) }
        var replacing = part(0..<50)
        var later = part(50..<100)
        for i in [5, 70] { _ = later.upsert(keys[i], ticket(i + 500)) }
        replacing.append(later)
        #expect(contents(replacing) == contents(reference))
        // A part that upserted first: the join looks every key of the later part up.
        var earlier = part(0..<50, known: [40])
        earlier.append(part(50..<100))
        #expect(contents(earlier) == inOrder)
    }

    private func ticket(_ n: Int) -> StoredTicket {
        StoredTicket(openedAt: Int64(n) * 1_000, firstResponseAt: n % 3 == 0 ? nil : Int64(n) * 1_000 + 7,
                     resolvedAt: n % 4 == 0 ? Int64(n) * 2_000 : nil, satisfied: n % 5 == 0 ? nil : n % 2 == 0,
                     sentiment: [nil, .negative, .neutral, .positive][n % 4])
    }

    private func post(likes: Double, day: Day) -> StoredPost {
        var values = MetricValues.zero
        values.set(.likes, to: likes)
        return StoredPost(values: values, day: day, hour: nil, currency: nil, title: 0)
    }
}
