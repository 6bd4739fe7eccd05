import Foundation
import Testing
@testable import KPIDemo
@testable import KPIEngine
@testable import KPIReport

/// Large files are cut into parts read in parallel; whatever the file holds, the result must be
/// bit for bit that of one sequential read, and the file must go on being followed as if it had
/// been read in one go.
@Suite struct SegmentedReadTests {
    static let context = IngestContext(clock: DayClock(identifier: "UTC")!)
    /// Cuts files of 4 KiB and more into up to 5 parts after a 4 KiB head.
    static let cutting = FirstRead.Cutting(minimumFileSize: 4096, parts: 5, headLength: 4096)
    static let noCutting = FirstRead.Cutting(minimumFileSize: .max, parts: 1, headLength: 0)

    /// Shapes of file, of 150 to 450 KiB (parts of more rows than a segment keeps one by one).
    enum Shape: String, CaseIterable {
        /// Sorted by day, ~100 rows a day, decimals, gaps and followers (the benchmark's shape).
        case sortedDays
        /// A platform column; the platforms of a day interleaved.
        case interleavedPlatforms
        /// Days in random order: parts share days beyond their first rows.
        case shuffledDays
        /// One day of thousands of rows across every cut.
        case oneLongDay
        /// Quoted titles holding commas, quotes and line feeds (a cut may fall inside quotes).
        case quotedLineFeeds
        /// Rows with ids (upserts), bad rows and `Total` rows, CRLF line ends.
        case idsRejectionsAndTotals
        /// A post export: rows by post, then day (the benchmark's shape, parts merged in bulk),
        /// with some rows of earlier posts repeated later (upserts across the cuts) and titles
        /// that change.
        case postsByIdThenDay
        /// A post export whose rows vary: titles quoted or not, with commas, doubled quotes, line
        /// feeds and text that is not ASCII; ids missing, in scientific notation or `Total`;
        /// empty, signed and decimal values; posts coming back out of order.
        case postsWithOddTitles
        /// `;`-separated; the decimal comma is decided by a value deep in the file, so the parts
        /// after it started undecided and must be read again in sequence.
        case decimalCommaDecidedLate
        /// Tickets, each id once (the parts' keys differ), ISO times with `Z`, csat and sentiment
        /// as numbers and words, rows without an id and bad rows.
        case ticketsWithOwnIds
        /// Tickets whose ids come again across the parts (later lines replace earlier ones), times
        /// with offsets, fractions and without a zone.
        case ticketsUpdatedAcrossParts
    }

    static func text(_ shape: Shape) -> String {
        var random = SplitMix64(seed: UInt64(shape.rawValue.utf8.count))
        func n(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        func day(_ offset: Int) -> String { Day(iso: "2026-01-01")!.adding(days: offset).description }
        func values() -> String {
            "\(100 + n(50_000)),\(n(3) == 0 ? "" : String(n(900))),\(n(40)),\(n(6)).\(n(100)),\(n(500)).\(n(10))\(n(10))"
        }
        var lines: [String] = []
        switch shape {
        case .sortedDays:
            lines.append("date,impressions,reach,likes,revenue,spend,followers")
            for row in 0..<4000 { lines.append("\(day(row / 100)),\(values()),\(row % 7 == 0 ? String(1000 + row) : "")") }
        case .interleavedPlatforms:
            lines.append("date,platform,impressions,reach,likes,revenue,spend")
            for row in 0..<4000 { lines.append("\(day(row / 60)),\(["fb", "instagram", "x"][n(3)]),\(values())") }
        case .shuffledDays:
            lines.append("date,impressions,reach,likes,revenue,spend")
            for _ in 0..<12_000 { lines.append("\(day(n(40))),\(values())") }
        case .oneLongDay:
            lines.append("date,impressions,reach,likes,revenue,spend")
            for row in 0..<12_000 { lines.append("\(day(row < 100 ? 0 : 1)),\(values())") }
        case .quotedLineFeeds:
            lines.append("date,title,impressions,reach,likes,revenue,spend")
            for row in 0..<3000 {
                let title = n(2) == 0 ? "plain \(row)" : "\"a \"\"quoted\"\", title\n\(String(repeating: "x\n", count: n(4)))end\""
                lines.append("\(day(row / 50)),\(title),\(values())")
            }
        case .idsRejectionsAndTotals:
            lines.append("date,id,post_type,permalink,publish_time,impressions,reach,likes,revenue,spend")
            // A `Total` row in the head, so that the parts do not each note their first one.
            for row in 0..<4000 {
                switch row == 10 ? 1 : n(50) {
                case 0: lines.append("\(day(row / 80)),,,,,-5,1,1,1.00,1.00")
                case 1: lines.append("Total,,,,,1,1,1,1.00,1.00")
                case 2, 3, 4:
                    let post = n(30)
                    let type = ["", "Photo", "Reels"][n(3)], link = n(2) == 0 ? "" : "https://ex.example/p\(post)/\(n(3))"
                    let published = n(2) == 0 ? "" : "\(day(n(30))) \(10 + n(10)):0\(n(10))"
                    lines.append("\(day(row / 80)),p\(post),\(type),\(link),\(published),\(values())")
                default: lines.append("\(day(row / 80)),,,,,\(values())")
                }
            }
            return lines.joined(separator: "\r\n") + "\r\n"
        case .postsByIdThenDay:
            lines.append("date,post_id,title,impressions,reach,likes,revenue,spend")
            for row in 0..<4000 {
                let repeated = n(40) == 0
                let post = repeated ? n(row / 20 + 1) : row / 20, postDay = repeated ? n(20) : row % 20
                lines.append("\(day(postDay)),p\(post),\"Post \(post)\(n(30) == 0 ? " (edited)" : "")\",\(values())")
            }
        case .postsWithOddTitles:
            lines.append("date,post_id,title,impressions,reach,likes,revenue,spend")
            let titles = ["\"Sale, today\"", "Plain title", "\"Says \"\"hi\"\"\"", "\"Two\nlines\"", "Caf\u{e9} cr\u{e8}me",
                          "\"\"", "Total", "\"Summer, \u{1F31E}\""]
            for row in 0..<5000 {
                let repeated = n(30) == 0
                let post = repeated ? n(row / 25 + 1) : row / 25, postDay = repeated ? n(25) : row % 25
                let id = [0: "", 1: "6.54E+17", 2: "Total", 3: "-"][n(200)] ?? "p\(post)"
                let title = n(8) == 0 ? titles[n(titles.count)] : "\"Post \(post), part \(post % 3)\""
                let numbers = n(100) == 0 ? "-3,,4,1.5,2" : values()
                lines.append("\(day(postDay)),\(id),\(title),\(numbers)")
            }
        case .decimalCommaDecidedLate:
            lines.append("date;impressions;reach;likes;spend")
            for row in 0..<6000 {
                let spend = row == 3500 ? "12,5" : row > 3500 ? "\(n(90)),\(n(10))" : "\(n(90))"
                lines.append("\(day(row / 100));1.\(100 + n(899));\(n(900));\(n(40));\(spend)")
            }
        case .ticketsWithOwnIds, .ticketsUpdatedAcrossParts:
            let updated = shape == .ticketsUpdatedAcrossParts
            lines.append("id,opened_at,first_response_at,resolved_at,csat,sentiment")
            func time(_ dayOffset: Int, _ minute: Int) -> String {
                let clock = "\(day(dayOffset))T\(10 + minute / 60 % 14):\(10 + minute % 50):\(10 + n(50))"
                guard updated else { return clock + "Z" }
                return clock + ["Z", ".250+02:00", "", "-0530", ".5"][n(5)]
            }
            for row in 0..<6000 {
                let id = n(40) == 0 ? "" : updated ? "\(shape.rawValue)-\(n(700))" : "\(shape.rawValue)-\(row)"
                let opened = row / 200, minute = n(600)
                let response = n(4) == 0 ? "" : time(opened, minute + 30)
                let resolved = n(60) == 0 ? time(opened - 1, minute) : n(3) == 0 ? "" : time(opened + 1 + n(3), minute)
                let csat = ["", "", "3", "5", "Good", "bad", "4.5"][n(7)]
                let sentiment = ["", "positive", "NEUTRAL", "negative", "-0.4", "0.8", "maybe"][n(7)]
                lines.append("\(id),\(time(opened, minute)),\(response),\(resolved),\(csat),\(sentiment)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func load(_ root: String, _ cutting: FirstRead.Cutting) throws -> [LoadedFile] {
        var loader = DataLoader(root: root, context: context)
        loader.cutting = cutting
        return try loader.readAll()
    }

    @Test(arguments: Shape.allCases)
    func cutReadEqualsSequentialRead(shape: Shape) throws {
        let root = try TemporaryDirectory()
        try Self.text(shape).write(toFile: root.path + "/instagram.csv", atomically: true, encoding: .utf8)
        let cut = try Self.load(root.path, Self.cutting)
        let sequential = try Self.load(root.path, Self.noCutting)
        try #require(cut.count == 1 && sequential.count == 1)
        Self.expectSame(cut[0], sequential[0])
    }

    /// Tickets read with ids no file had before (each load with tables of its own), cut and in
    /// one go: the parts join their records without look-ups when every id was new to them.
    @Test(arguments: [Shape.ticketsWithOwnIds, .ticketsUpdatedAcrossParts])
    func ticketsWithNewIdsCutEqualSequentialRead(shape: Shape) throws {
        let root = try TemporaryDirectory()
        try Self.text(shape).write(toFile: root.path + "/instagram.csv", atomically: true, encoding: .utf8)
        let loads = try [Self.cutting, Self.noCutting].map { cutting in
            var loader = DataLoader(root: root.path, context: IngestContext(clock: Self.context.clock))
            loader.cutting = cutting
            let loaded = try loader.readAll()
            try #require(loaded.count == 1)
            var file = loaded[0]
            file.file.finish(into: &file.contribution)
            return file.contribution
        }
        let tickets = loads.map { c in
            (0..<Int32(c.tickets.count)).map { slot in "\(c.interning.ids.string(c.tickets.keys[Int(slot)].id)) \(c.tickets[slot])" }
        }
        #expect(tickets[0].count > 500)
        #expect(tickets[0] == tickets[1])
        #expect(loads[0].anonymousTickets.map(\.ticket) == loads[1].anonymousTickets.map(\.ticket))
        #expect(loads[0].rejections == loads[1].rejections && loads[0].rowCount == loads[1].rowCount)
    }

    /// Every part is used as read, whatever the file holds: no byte is read twice.
    @Test(arguments: Shape.allCases.filter { ![.quotedLineFeeds, .decimalCommaDecidedLate, .postsWithOddTitles].contains($0) })
    func everyPartIsUsedAsRead(shape: Shape) throws {
        let root = try TemporaryDirectory()
        try Self.text(shape).write(toFile: root.path + "/instagram.csv", atomically: true, encoding: .utf8)
        var file = LoadedFile(path: "instagram.csv", context: Self.context)
        let read = FirstRead(opening: &file.file, into: &file.contribution, root: root.path, context: Self.context,
                             cutting: Self.cutting, chunkSize: 1000)
        let descriptor = try #require(read.descriptor)
        defer { close(descriptor) }
        #expect(read.segments.count == 4)
        read.readFirstPart(of: &file.file, into: &file.contribution, root: root.path, context: Self.context, chunkSize: 1000)
        for index in read.segments.indices {
            let used = file.file.absorb(read.readSegment(index, chunkSize: 1000), fd: descriptor,
                                        into: &file.contribution, chunkSize: 1000)
            #expect(used, "segment \(index)")
        }
        let sequential = try Self.load(root.path, Self.noCutting)
        Self.expectSame(file, sequential[0])
    }

    /// A file's first chunk (a cut file's head) makes room for the rows of the whole file and
    /// for the ids it will number, at that chunk's rate; each later part's first chunk makes
    /// room for the rows of its own range. The parts are then joined in the room made, and the
    /// result is that of one sequential read. (Rows of about one length, so that a chunk's
    /// rate is the rest's: 13,000 inquiries, 0.9 MB, cut in five parts of some 2,400 after a
    /// head of 64 KiB: arrays grown by doubling would hold room for 4,096.)
    @Test func partsReserveAtTheirFirstChunksRateAndJoinAsReadInOneGo() throws {
        let root = try TemporaryDirectory()
        var random = SplitMix64(seed: 11)
        var lines = ["id,opened_at,first_response_at,resolved_at,csat,sentiment"]
        for row in 0..<13_000 {
            let minute = 10 + Int(random.next() % 50)
            let csat = random.next() % 3 == 0 ? "" : "\(1 + random.next() % 5)"
            lines.append("t\(100_000 + row),2026-03-\(10 + row / 1000)T10:\(minute):00Z,2026-03-\(10 + row / 1000)T11:\(minute):00Z,,\(csat),")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: root.path + "/instagram.csv", atomically: true, encoding: .utf8)
        let context = IngestContext(clock: Self.context.clock)
        let chunk = 64 << 10
        let cutting = FirstRead.Cutting(minimumFileSize: 4096, parts: 5, headLength: Int64(chunk))
        var file = LoadedFile(path: "instagram.csv", context: context)
        let ids = IDReservation(ids: context.interning.ids)
        let read = FirstRead(opening: &file.file, into: &file.contribution, root: root.path, context: context,
                             cutting: cutting, chunkSize: chunk, ids: ids)
        let descriptor = try #require(read.descriptor)
        defer { close(descriptor) }
        #expect(read.segments.count == 4)
        let reservedForFile = file.contribution.tickets.keys.capacity
        let idsExpected = ids.expectedCount
        read.readFirstPart(of: &file.file, into: &file.contribution, root: root.path, context: context, chunkSize: chunk,
                           ids: ids)
        // The first part made room again at its first chunk's rate; the ids were the head's to reserve.
        #expect(ids.expectedCount == idsExpected)
        let reservedBeforeJoin = file.contribution.tickets.keys.capacity
        #expect(reservedBeforeJoin >= reservedForFile)
        for index in read.segments.indices {
            let segment = read.readSegment(index, chunkSize: chunk)
            let rows = segment.contribution.tickets.count, room = segment.contribution.tickets.keys.capacity
            #expect(rows > 2_100 && room >= rows && room <= rows * 9 / 8, "segment \(index): \(rows) rows, room \(room)")
            #expect(file.file.absorb(segment, fd: descriptor, into: &file.contribution, chunkSize: chunk))
        }
        let rows = file.contribution.tickets.count
        #expect(rows == 13_000)
        #expect(file.contribution.tickets.keys.capacity == reservedBeforeJoin, "joined in place")
        #expect(reservedForFile >= rows && reservedForFile <= rows * 9 / 8, "room \(reservedForFile)")
        #expect(idsExpected >= rows && idsExpected <= rows * 9 / 8, "ids \(idsExpected)")
        var sequential = DataLoader(root: root.path, context: context)
        sequential.cutting = Self.noCutting
        Self.expectSame(file, try #require(sequential.readAll().first))
    }

    /// Room is made from 256 rows with ids read and more, for the posts and inquiries of what is
    /// left at the rate read, with a sixteenth more, and for the ids first numbered at that
    /// rate (three times as many bytes left as read: 3 × 17/16 as many again); a small file
    /// makes none. Post rows are sized only from ``FileContribution/bytesToSizePosts`` bytes
    /// read and more (not from a cut file's head).
    @Test(arguments: [1_000, FileContribution.bytesToSizePosts])
    func roomForTheRestAtTheRateRead(bytesRead: Int) {
        let context = IngestContext(clock: Self.context.clock)
        let sizesPosts = bytesRead >= FileContribution.bytesToSizePosts
        // As many posts rows as inquiries: from 128 of each on.
        for (rows, reserved) in [(127, false), (128, true), (500, true)] {
            var c = LoadedFile(path: "x.csv", context: context).contribution
            let before = c.rowsSize
            for n in 0..<rows {
                c.service(ServiceRow(platform: "x", id: "room-\(rows)-\(n)", openedAt: Int64(n) * 1000, line: n + 2))
                c.metrics(StoreFixture.row("x", day: n % 7, id: "post-\(rows)-\(n / 2)", line: n + 2, [.likes: 1]))
            }
            let ids = IDReservation(ids: context.interning.ids)
            c.reserveRoom(since: before, bytesRead: bytesRead, bytesLeft: 3 * Int64(bytesRead), ids: ids)
            let expected = rows + rows * 51 / 16
            #expect((c.tickets.keys.capacity >= expected) == reserved, "\(rows) rows")
            #expect((c.posts.keys.capacity >= expected) == (reserved && sizesPosts), "\(rows) rows")
            let newIDs = rows + (rows + 1) / 2
            #expect(ids.expectedCount - context.interning.ids.count == (reserved ? newIDs + newIDs * 51 / 16 : 0),
                    "\(rows) rows")
        }
    }

    @Test func aPartStartingInsideQuotesIsReadAgainInSequence() throws {
        let root = try TemporaryDirectory()
        // The quoted title holds a line that reads as a valid row when taken out of context.
        let head = Self.text(.sortedDays)
        let quoted = "2026-02-20,\"x\n2026-01-01,1,1,1,1.00,1.00\n\",100,20,3,1.00,2.00,\n"
        try (head + quoted).write(toFile: root.path + "/x.csv", atomically: true, encoding: .utf8)
        var file = LoadedFile(path: "x.csv", context: Self.context)
        let (descriptor, _) = try #require(file.file.beginFirstRead(root: root.path, into: &file.contribution))
        defer { close(descriptor) }
        let cut = Int64(head.utf8.count + "2026-02-20,\"x\n".utf8.count)
        let size = Int64((head + quoted).utf8.count)
        file.file.wake(descriptor, context: Self.context)
        file.file.read(descriptor, until: cut, into: &file.contribution, chunkSize: 1000)
        var segment = try #require(file.file.segment(from: cut, to: size, context: Self.context))
        segment.read(descriptor, chunkSize: 1000)
        #expect(segment.isComplete)
        let used = file.file.absorb(segment, fd: descriptor, into: &file.contribution, chunkSize: 1000)
        #expect(!used)
        Self.expectSame(file, try Self.load(root.path, Self.noCutting)[0])
    }

    @Test func aFileCutAndFollowedEqualsOneReadAndFollowed() throws {
        let root = try TemporaryDirectory()
        let path = root.path + "/x.csv"
        // The last line has no line feed yet: it is held until it is complete.
        try (Self.text(.sortedDays) + "2026-03-01,5,5").write(toFile: path, atomically: true, encoding: .utf8)
        let cut = try Self.load(root.path, Self.cutting)[0]
        let sequential = try Self.load(root.path, Self.noCutting)[0]
        Self.expectSame(cut, sequential)
        #expect(cut.file.hasPendingLine)

        var files = [cut.file, sequential.file]
        var stores = [cut, sequential].map { loaded in
            var store = MetricsStore(clock: Self.context.clock, interning: Self.context.interning)
            store.set(loaded.contribution)
            return store
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(",1,1.00,1.00,\n2026-03-02,oops,1,1,1.00,1.00,\n2026-03-03,7,7,1,1.00,1.00,9\n".utf8))
        try handle.close()
        var changes: [TrackedFile.Change] = []
        for i in 0..<2 {
            var store = stores[i]
            changes.append(files[i].refresh(root: root.path, context: Self.context, store: &store))
            stores[i] = store
        }
        #expect(changes == [.appended, .appended])
        #expect(files[0].offset == files[1].offset)
        let contributions = stores.map { $0.contributions["x.csv"]! }
        #expect(Self.describe(contributions[0]) == Self.describe(contributions[1]))
        #expect(contributions[0].rejections.map(\.line) == [4003])
        let request = SnapshotRequest(window: .all, now: 0)
        #expect(JSONReport.render(stores[0].snapshot(request)) == JSONReport.render(stores[1].snapshot(request)))
    }

    /// Same rows, sums equal bit for bit, same upserts, rejections, notes and parser position.
    static func expectSame(_ a: LoadedFile, _ b: LoadedFile) {
        #expect(a.file.offset == b.file.offset)
        #expect(a.file.hasPendingLine == b.file.hasPendingLine)
        var x = a, y = b
        x.file.finish(into: &x.contribution)
        y.file.finish(into: &y.contribution)
        #expect(x.contribution.rowCount > 0)
        #expect(describe(x.contribution) == describe(y.contribution))
    }

    /// Everything a contribution holds, as text in a fixed order.
    static func describe(_ c: FileContribution) -> String {
        var lines = ["rows \(c.rowCount) rejected \(c.rejectedCount)"]
        lines += c.days.sorted { ($0.key.platform, $0.key.day) < ($1.key.platform, $1.key.day) }.map { key, totals in
            "day \(key.platform) \(key.day) \(totals)"
        }
        lines += c.presence.sorted { $0.key < $1.key }.map { "presence \($0.key) \($0.value)" }
        lines += (0..<Int32(c.posts.count)).map { slot in "post \(c.posts.keys[Int(slot)].raw) \(c.posts[slot])" }.sorted()
        lines += c.posts.allFacts.map { "facts \($0.post.raw) \($0.facts)" }.sorted()
        lines += (0..<Int32(c.tickets.count)).map { slot in "ticket \(c.tickets.keys[Int(slot)].raw) \(c.tickets[slot])" }.sorted()
        lines += c.anonymousTickets.map { "anonymous \($0.platform) \($0.ticket)" }
        lines += c.rejections.map(\.description) + c.notes + ["\(c.summary)"]
        return lines.joined(separator: "\n")
    }
}
