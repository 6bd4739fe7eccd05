import Foundation
import Testing
@testable import KPIEngine

/// The one-pass reading of ticket tables (``TicketRecordReader``) against the general path: a
/// record whose `opened_at` field is quoted is always framed the general way, so each table is
/// read twice, as written and with that field quoted, and must give the very same records,
/// rejections, notes and summary; and in pieces of any size as at once.
@Suite struct TicketRecordsTests {
    static let header = "id,opened_at,first_response_at,resolved_at,csat,sentiment"

    /// Records of the common form and what the general path must decide: updates of an id,
    /// offsets, fractions, local times, dates, csat and sentiment words and numbers, `Total`
    /// rows, missing, placeholder, spaced, quoted and long ids, times the fast path does not
    /// read or the rules refuse, values out of range, extra and missing fields, CR, text that
    /// is not ASCII, blank and empty lines.
    static let rows = [
        "t1,2025-11-24T00:00:00Z,2025-11-24T05:24:13Z,2025-11-27T11:44:22Z,,negative",
        "t2,2025-11-24T00:02:37Z,2025-11-24T03:49:45Z,2025-11-28T14:02:06Z,,neutral",
        "t3,2025-11-24T00:05:15Z,2025-11-24T02:28:53Z,,2,neutral",
        "t4,2025-11-24T00:07:53Z,,2025-11-28T07:17:48Z,5,",
        "t1,2025-11-25T10:00:00Z,2025-11-25T11:00:00Z,,4,positive",
        "t5,2025-11-25T10:00:00+02:00,2025-11-25T10:30:00.250+0200,,4.5,0.3",
        "t6,2025-11-25 10:00:00,2025-11-25T10:30:00,,Good,POSITIVE",
        "t7,2025-11-25T10:00:00Z,,,Bad,Negative",
        "t8,2025-11-25T10:00:00Z,,,Not Offered,",
        "t9,2025-11-25T10:00:00Z,,,offered,-0.5",
        "t10,2025-11-26,,,3,",
        "t11,11/26/2025 09:00,,,3,",
        "Total,,,,4.2,",
        "TOTALS,2025-11-26T10:00:00Z,,,,",
        "t12,Total,,,,",
        ",2025-11-26T10:00:00Z,,,,",
        "-,2025-11-26T10:00:00Z,,,,",
        "N/A,2025-11-26T10:00:00Z,,,,",
        " t13 ,2025-11-26T10:00:00Z,,,,",
        "t14, 2025-11-26T10:00:00Z,,,,",
        "t15,2025-11-26T10:00:00Z ,,,,",
        "t16,,2025-11-26T10:00:00Z,,,",
        "t17,2025-11-26T10:00:00Z,2025-11-26T09:00:00Z,,,",
        "t18,2025-11-26T10:00:00Z,,2025-11-26T09:00:00Z,,",
        "t19,2025-11-26T10:00:00Z,,,6,",
        "t20,2025-11-26T10:00:00Z,,,,2",
        "t21,2025-11-26T10:00:00Z,,,great,",
        "t22,2025-11-26T10:00:00Z,,,,meh",
        "t23,2025-13-26T10:00:00Z,,,,",
        "t24,2025-11-26T24:00:00Z,,,,",
        "t25,2025-11-26T10:00:60Z,,,,",
        "t26,November 26,,,,",
        "t27,2025-11-26T10:00:00Z,,,,neutral,extra",
        "t28,2025-11-26T10:00:00Z,,,,",
        "t29,2025-11-26T10:00:00Z,,,",
        "t30,2025-11-26T10:00:00Z,,,,neutral\r",
        "t31,2025-11-26T10:00:00Z,,,,neutral\r\r",
        "t3\r2,2025-11-26T10:00:00Z,,,,",
        "caf\u{e9},2025-11-26T10:00:00Z,,,,",
        "\"t33\",2025-11-26T10:00:00Z,,,,",
        "t34,2025-11-26T10:00:00Z,,,\"4\",positive",
        "t35,2025-11-26T10:00:00Z,,,,TOTAL",
        "t36,2025-11-26T10:00:00Z,,,N/A,N/A",
        "t37,-,,,,",
        "t38,1764151200,,,,",
        ",,,,,",
        "",
        "#t39,2025-11-26T10:00:00Z,,,,",
        String(repeating: "x", count: 5_000) + ",2025-11-26T10:00:00Z,,,,",
        "ticket-0000000000000000042,2025-11-26T10:00:00Z,,,,",
        "t40,2025-11-26T10:00:00z,,,,",
        "t41,2025-11-26t10:00:00Z,,,,",
        "t42,2025-11-26T10:00:00.5Z,,,,",
        "t43,2025-11-26T10:00:00-05,,,,",
        "t44,2025-11-26T10:00:00+05:3,,,,",
        "t45,2025-11-26T10:00:00Z,,,1e3,",
        "t46,2025-11-26T10:00:00Z,2025-11-26T10:00:00Z,2025-11-26T10:00:00Z, 4 , neutral ",
        "t1,2025-11-27T10:00:00Z,,,,",
        "t47,2025-11-27T23:59:59Z,2025-11-28T00:00:00Z,,1,",
        "t48,2025-11-30T23:59:59Z,2025-12-01T00:00:00Z,2026-01-01T00:00:00.001Z,,NeUtRaL",
        "t49,2024-02-29T10:00:00Z,2024-03-01T10:00:00Z,,,positivE",
        "t50,2025-02-29T10:00:00Z,,,,",
        "t51,2025-04-31T10:00:00Z,,,,",
        "t52,2025-00-10T10:00:00Z,,,,",
        "t53,2025-11-00T10:00:00Z,,,,",
        "t54,2025-12-31T23:59:59+18:00,2025-12-31T23:59:59-18:00,,,",
        "t55,2025-11-26T10:00:00+19:00,,,,",
        "t56,2025-11-26T1:00:00Z,,,,",
        "t57,2025-11-26T10:0a:00Z,,,,",
        "t58,2025/11/26T10:00:00Z,,,,",
        "t59,2025-11-26T10:00:00Z,,,,positiv",
        "t60,2025-11-26T10:00:00Z,,,,neutrals",
        "t61,2025-11-26T10:00:00Z,,,,n\u{e9}gative",
        "t62,2025-11-26T10:00:00Z,,,,neutral\u{0}",
        "t\t63,2025-11-26T10:00:00Z,,,,",
        "t64,2025-11-26T10:00:00Z,,,,\tneutral",
        "total1,2025-11-26T10:00:00Z,,,,",
        "tota,2025-11-26T10:00:00Z,,,,",
        "Totals,2025-11-26T10:00:00Z,,,,",
        "t65,0000-03-01T00:00:00Z,,,,",
        "t66,2100-02-29T00:00:00Z,,,,",
        "t67,2000-02-29T00:00:00Z,,,,",
    ]

    /// The table with `rows` under `header`, with the field at `quotedColumn` of every row
    /// quoted when given (which makes the general path frame every record).
    static func table(_ rows: [String], header: String = header, quotedColumn: Int? = nil,
                      lineEnd: String = "\n") -> [UInt8] {
        let lines = rows.map { row -> String in
            guard let quotedColumn, !row.isEmpty else { return row }
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard quotedColumn < fields.count else { return row }
            fields[quotedColumn] = "\"\(fields[quotedColumn])\""
            return fields.joined(separator: ",")
        }
        return Array(([header] + lines).joined(separator: lineEnd).utf8) + Array(lineEnd.utf8)
    }

    static func expectSameReading(_ fast: PathCountingSink, _ general: PathCountingSink,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(fast.records.serviceRows == general.records.serviceRows, sourceLocation: sourceLocation)
        #expect(fast.records.rejections.map(\.line) == general.records.rejections.map(\.line), sourceLocation: sourceLocation)
        #expect(fast.records.rejectionReasons == general.records.rejectionReasons, sourceLocation: sourceLocation)
        #expect(fast.records.notes == general.records.notes, sourceLocation: sourceLocation)
        #expect(fast.records.summary == general.records.summary, sourceLocation: sourceLocation)
    }

    /// `bytes` read as the file `path`, in pieces of `chunkSize` bytes (at once when nil).
    static func parse(_ bytes: [UInt8], path: String = "instagram/tickets.csv", clock: DayClock = Ingest.utc,
                      chunkSize: Int? = nil) -> PathCountingSink {
        var parser = FileParser(relativePath: path, context: IngestContext(clock: clock), modificationTime: 0)
        var sink = PathCountingSink()
        bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + (chunkSize ?? all.count))
                parser.consume(UnsafeRawBufferPointer(rebasing: all[offset..<end]), into: &sink)
                offset = end
            }
        }
        parser.finish(into: &sink)
        sink.records.summary = parser.summary
        return sink
    }

    @Test func ticketRecordsReadAsTheGeneralPathReadsThem() {
        let fast = Self.parse(Self.table(Self.rows))
        let general = Self.parse(Self.table(Self.rows, quotedColumn: 1))
        #expect(general.fastRecords == 0)
        #expect(fast.fastRecords > 20)
        #expect(fast.records.serviceRows.count > 30)
        #expect(fast.records.serviceRows.contains { $0.id == "t5" && $0.csat == 4.5 && $0.sentiment == .positive })
        #expect(fast.records.rejections.count > 10)
        Self.expectSameReading(fast, general)
    }

    @Test func inEuropeBerlin() {
        let berlin = DayClock(identifier: "Europe/Berlin")!
        let rows = Self.rows + ["t50,2026-03-29T02:30:00,,,,", "t51,2026-10-25T02:30:00,,,,", "t52,2026-03-28T23:30:00Z,,,,"]
        let fast = Self.parse(Self.table(rows), clock: berlin)
        #expect(fast.fastRecords > 20)
        Self.expectSameReading(fast, Self.parse(Self.table(rows, quotedColumn: 1), clock: berlin))
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 77, 500, 4_096])
    func piecesGiveTheSameRecordsAsOneRead(chunkSize: Int) {
        let text = Self.table(Self.rows)
        let pieces = Self.parse(text, chunkSize: chunkSize)
        #expect(chunkSize < 64 || pieces.fastRecords > 0)
        Self.expectSameReading(pieces, Self.parse(text))
    }

    /// A byte-order mark and CRLF line ends; the columns in another order with others between
    /// them, semicolons, no id column, and `first_reply_minutes` for the response.
    @Test func otherLayouts() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        Self.expectSameReading(Self.parse(bom + Self.table(Self.rows, lineEnd: "\r\n")),
                               Self.parse(bom + Self.table(Self.rows, quotedColumn: 1, lineEnd: "\r\n")))
        let reordered = Self.rows.map { row -> String in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6 else { return row }
            return [fields[5], "note", fields[1], fields[4], fields[0], fields[3], fields[2]].joined(separator: ";")
        }
        let header = "sentiment;notes;opened_at;csat;id;resolved_at;first_response_at"
        let fast = Self.parse(Self.table(reordered, header: header))
        #expect(fast.fastRecords > 20)
        Self.expectSameReading(fast, Self.parse(Self.table(reordered, header: header, quotedColumn: 2)))
        let anonymous = Self.rows.map { row in
            row.split(separator: ",", omittingEmptySubsequences: false).dropFirst().joined(separator: ",")
        }
        let withoutIDs = Self.parse(Self.table(anonymous, header: "opened_at,first_response_at,resolved_at,csat,sentiment"))
        #expect(withoutIDs.fastRecords > 20)
        #expect(withoutIDs.records.serviceRows.allSatisfy { $0.id == nil })
        Self.expectSameReading(withoutIDs, Self.parse(Self.table(
            anonymous, header: "opened_at,first_response_at,resolved_at,csat,sentiment", quotedColumn: 0)))
        let minutes = ["m1,2025-11-24T00:00:00Z,15,,5,", "m2,2025-11-24T00:00:00Z,,,5,", "m3,2025-11-24T00:00:00Z,-2,,5,",
                       "m4,2025-11-24T00:00:00Z,1e20,,5,", "m5,2025-11-24T00:00:00Z,2.5,,5,"]
        let minutesHeader = "id,opened_at,first_reply_minutes,resolved_at,csat,sentiment"
        let fastMinutes = Self.parse(Self.table(minutes, header: minutesHeader))
        #expect(fastMinutes.fastRecords == 3)
        Self.expectSameReading(fastMinutes, Self.parse(Self.table(minutes, header: minutesHeader, quotedColumn: 1)))
    }

    /// A column that is summed elsewhere but only checked for `Total` here (a `date` column),
    /// and a platform column (read the general way).
    @Test func summaryAndPlatformColumns() {
        let rows = ["t1,2025-11-24,2025-11-24T00:00:00Z,,,,", "t2,Total,2025-11-24T00:00:00Z,,,,",
                    "t3,2025-11-24,2025-11-24T00:00:00Z,,,5,good"]
        let header = "id,date,opened_at,first_response_at,resolved_at,csat,sentiment"
        let fast = Self.parse(Self.table(rows, header: header))
        #expect(fast.fastRecords == 1)
        Self.expectSameReading(fast, Self.parse(Self.table(rows, header: header, quotedColumn: 2)))
        let platforms = ["t1,x,2025-11-24T00:00:00Z", "t2,,2025-11-24T00:00:00Z", "t3,LinkedIn,2025-11-24T00:00:00Z"]
        let withPlatforms = Self.parse(Self.table(platforms, header: "id,platform,opened_at"))
        #expect(withPlatforms.fastRecords == 0)
        #expect(withPlatforms.records.serviceRows.map(\.platform) == ["x", "instagram", "linkedin"])
    }

    /// The csat rule's shortcut for one digit reads what the rest of the rule reads in the
    /// digit with spaces around it.
    @Test func csatDigitsReadAsWithSpaces() {
        let digits = Self.parse(Self.table((0...9).map { "d\($0),2025-11-24T00:00:00Z,,,\($0)," }))
        let spaced = Self.parse(Self.table((0...9).map { "d\($0),2025-11-24T00:00:00Z,,, \($0) ," }))
        #expect(digits.records.serviceRows.map(\.csat) == [1, 2, 3, 4, 5])
        #expect(digits.records.serviceRows.map(\.csat) == spaced.records.serviceRows.map(\.csat))
        #expect(digits.records.rejectionReasons == spaced.records.rejectionReasons)
    }

    @Test func readerFramesTheCommonForm() throws {
        let reader = try #require(TicketRecordReader(
            columnCount: 4, delimiter: UInt8(ascii: ","),
            roles: [(0, .id), (1, .openedAt), (3, .sentiment)], summaryColumns: [2]))
        func read(_ text: String) -> (id: String, opened: String, sentiment: String, next: Int)? {
            Array(text.utf8).withUnsafeBytes { bytes in
                var record = TicketRecordReader.Record()
                guard reader.read(bytes, from: 0, into: &record) else { return nil }
                return (record.id.string(), record.texts.openedAt.string(), record.texts.sentiment.string(), record.next)
            }
        }
        #expect(read("a1,2025,x,good\nnext")! == ("a1", "2025", "good", 15))
        #expect(read("a1,2025,x,good\r\nnext")! == ("a1", "2025", "good", 16))
        #expect(read(",,,\n12345678")! == ("", "", "", 4))
        #expect(read("a1,2025,x,good") == nil)
        #expect(read("a1,2025,x,good,\n") == nil)
        #expect(read("a1,2025,x\n,good\n") == nil)
        #expect(read("a1,2025,Total,good\n") == nil)
        #expect(read("total,2025,x,good\n") == nil)
        #expect(read("a1,\"2025\",x,good\n") == nil)
        #expect(read("a1,2025,x,g\u{f6}od\n") == nil)
        #expect(read("a1,2025,x,good\r\r\n") == nil)
        #expect(read("a1,20\t25,x,good\n") == nil)
        #expect(read("a1,2025,x,good\u{0}\n") == nil)
        #expect(read("a1,2025,x,\n12345678")! == ("a1", "2025", "", 11))
        #expect(TicketRecordReader(columnCount: 2, delimiter: UInt8(ascii: ","), roles: [(0, .id), (0, .openedAt)],
                                   summaryColumns: []) == nil)
        #expect(TicketRecordReader(columnCount: 2, delimiter: UInt8(ascii: ","), roles: [(0, .csat), (1, .csat)],
                                   summaryColumns: []) == nil)
        #expect(TicketRecordReader(columnCount: 33, delimiter: UInt8(ascii: ","), roles: [(0, .openedAt)],
                                   summaryColumns: []) == nil)
    }

    /// Two files of tickets that update each other's ids, read into a store as written and with
    /// every record framed the general way: the same KPIs.
    @Test func storesOfBothReadingsAgree() {
        let first = Self.rows.filter { !$0.hasPrefix("t3\r") }
        let second = ["t1,2025-11-28T10:00:00Z,2025-11-28T10:05:00Z,,5,positive", "t2,2025-11-28T10:00:00Z,,,1,",
                      "t99,2025-11-28T10:00:00Z,,,,", "t2,2025-11-29T10:00:00Z,,,,negative"]
        func kpis(quoted: Int?) -> [String: KPIValue] {
            let store = ParsedStore.store([
                ("instagram/a.csv", String(decoding: Self.table(first, quotedColumn: quoted), as: UTF8.self)),
                ("instagram/b.csv", String(decoding: Self.table(second, quotedColumn: quoted), as: UTF8.self)),
                ("x/c.csv", String(decoding: Self.table(second + first, quotedColumn: quoted), as: UTF8.self)),
            ])
            let snapshot = store.snapshot(SnapshotRequest(window: .days(7), asOf: Day(iso: "2025-11-30")!, now: 0))
            var values: [String: KPIValue] = [:]
            for (platform, kpis) in snapshot.kpis {
                for (kpi, value) in kpis { values["\(platform) \(kpi.rawValue)"] = value }
            }
            return values
        }
        let fast = kpis(quoted: nil)
        #expect(fast["all inquiries"]?.value ?? 0 > 30)
        #expect(fast == kpis(quoted: 1))
    }
}

/// A ``CollectingSink`` that also counts the records given by their id's bytes (the one-pass
/// path), so that a test can tell that path ran.
struct PathCountingSink: RecordSink {
    var records = CollectingSink()
    var fastRecords = 0

    mutating func metrics(_ row: MetricsRow) { records.metrics(row) }
    mutating func service(_ row: ServiceRow) { records.service(row) }
    mutating func services(_ batch: ServiceRecordBatch) {
        fastRecords += batch.records.count
        for record in batch.records { records.service(batch.row(record)) }
    }
    mutating func rejected(line: Int, reason: String) { records.rejected(line: line, reason: reason) }
    mutating func note(_ text: String) { records.note(text) }
}
