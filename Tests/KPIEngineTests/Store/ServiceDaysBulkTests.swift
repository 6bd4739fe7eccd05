import Testing
@testable import KPIDemo
@testable import KPIEngine

/// A file's inquiries added to ``ServiceDays`` in bulk, by runs of a day read from the file's
/// columns (``ServiceDays/add(_:slots:clock:)``), must leave it exactly as adding them one by
/// one does: in a zone with a change of offset, with inquiries opened at the first instant of a
/// day or of an offset (counted in the backlog on the day before the instant), in order and
/// not, all of a file's records or some of them.
@Suite struct ServiceDaysBulkTests {
    static let berlin = DayClock(identifier: "Europe/Berlin")!

    /// Inquiries around the change of offset of 2026-10-25 in Berlin: opened at random
    /// instants, at midnights and at the change itself; durations in whole seconds and in
    /// milliseconds, some negative, some missing.
    static func tickets(seed: UInt64, count: Int) -> [StoredTicket] {
        var random = SplitMix64(seed: seed)
        func int(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let first = Day(iso: "2026-10-20")!
        let change: Int64 = 1_792_890_000_000  // 2026-10-25T01:00:00Z
        return (0..<count).map { _ in
            let day = first.adding(days: int(10))
            let opened: Int64 = switch int(8) {
            case 0: berlin.startOfDay(day)
            case 1: change + Int64(int(3) - 1)
            default: berlin.startOfDay(day) + Int64(int(86_400_000))
            }
            func later(_ bound: Int) -> Int64? {
                switch int(6) {
                case 0: nil
                case 1: opened - Int64(int(5_000))
                case 2: opened + Int64(int(bound))
                default: opened + Int64(int(bound / 1000)) * 1000
                }
            }
            return StoredTicket(openedAt: opened, firstResponseAt: later(90_000_000), resolvedAt: later(400_000_000),
                                satisfied: [nil, true, false][int(3)], sentiment: [nil, .positive, .neutral, .negative][int(4)])
        }
    }

    /// Everything the days keep, in a fixed order.
    static func describe(_ service: ServiceDays) -> [String] {
        var lines = service.sortedDays.map { "\($0): \(service.days[$0]!)" }
        lines.append("opened \(service.openedUpTo.filter { $0.value != 0 }.sorted { $0.key < $1.key })")
        lines.append("resolved \(service.resolvedUpTo.filter { $0.value != 0 }.sorted { $0.key < $1.key })")
        return lines
    }

    static func oneByOne(_ tickets: some Sequence<StoredTicket>) -> ServiceDays {
        var service = ServiceDays()
        for t in tickets { service.add(t, sign: 1, clock: berlin) }
        return service
    }

    static func rows(_ tickets: [StoredTicket]) -> TicketRows {
        var rows = TicketRows()
        for (n, t) in tickets.enumerated() { _ = rows.insertNew(RowKey(platform: 1, id: UInt32(n), day: nil)!, t) }
        return rows
    }

    @Test(arguments: [0, 1, 300, 5_000])
    func bulkByRunsEqualsOneByOne(count: Int) {
        for seed in UInt64(1)...3 {
            var tickets = Self.tickets(seed: seed &* UInt64(count + 1), count: count)
            if seed != 1 { tickets.sort { $0.openedAt < $1.openedAt } }
            let rows = Self.rows(tickets)
            var all = ServiceDays()
            all.beginBulk()
            all.add(rows, slots: nil, clock: Self.berlin)
            all.endBulk()
            #expect(Self.describe(all) == Self.describe(Self.oneByOne(tickets)), "count \(count), seed \(seed)")

            let some = rows.count == 0 ? [] : (0..<Int32(rows.count)).filter { $0 % 3 != 1 }
            var part = Self.oneByOne(tickets.prefix(count / 2))
            var expected = part
            for slot in some { expected.add(tickets[Int(slot)], sign: 1, clock: Self.berlin) }
            part.beginBulk()
            part.add(rows, slots: some, clock: Self.berlin)
            part.endBulk()
            #expect(Self.describe(part) == Self.describe(expected), "count \(count), seed \(seed), some")
        }
    }

    /// Outside a bulk change the records are added one by one, in order.
    @Test func outsideABulkChangeRecordsAreAddedInOrder() {
        let tickets = Self.tickets(seed: 9, count: 400)
        var service = ServiceDays()
        service.add(Self.rows(tickets), slots: nil, clock: Self.berlin)
        #expect(Self.describe(service) == Self.describe(Self.oneByOne(tickets)))
        #expect(service.days.values.allSatisfy { $0.firstResponseSeconds == $0.firstResponseSeconds.sorted() })
    }
}
