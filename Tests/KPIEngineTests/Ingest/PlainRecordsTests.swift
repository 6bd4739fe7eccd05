import Testing
@testable import KPIEngine

/// The one-pass reading of plain metrics tables (``PlainRecordReader``) against the general
/// path: a record whose time field is quoted is always read the general way, so each table is
/// read twice, plain and with its times quoted, and must give the very same rows, rejections
/// and notes; and in pieces of any size as at once.
@Suite struct PlainRecordsTests {
    /// Rows of `date,impressions,likes,revenue,notes`: the plain form and what it must leave
    /// to the general path (signs, spaces, placeholders, long numbers, too many decimals,
    /// quotes, extra or missing fields, CR, text that is not ASCII, summary and blank rows).
    private static let rows = [
        "2026-11-01,100,5,12,ok",
        "2026-11-01,0,0,0,",
        "2026-11-02,12345678,7,1,x",
        "2026-11-02,12,7,1.5,x",
        "2026-11-02,123456789012,7,99.9999,x",
        "2026-11-03,1234567890123,1,1,x",
        "2026-11-03,999999999999,1,0.0001,x",
        "2026-11-03,5.,1,.5,x",
        "2026-11-04,007,1,12.34567,x",
        "2026-11-04,-3,1,-4.5,x",
        "2026-11-04, 4,1,4 ,x",
        "2026-11-05,N/A,1,,x",
        "2026-11-05,1e3,1,$5,x",
        "Total,100,5,12.50,x",
        "2026-11-06,10,2,3.25,café",
        "2026-11-06,10,2,3.25,\"quoted, note\"",
        "2026-11-06,10,2,3.25,x,extra",
        "2026-11-06,10,2,3.25",
        ",,,,",
        "",
        "2026-11-07,10,2,3.25,x\r",
        "2026-11-07,10,2,3.25,x\r\r",
        "2026-11-07,10,2\r,3.25,x",
        "#2026-11-07,10,2,3.25,x",
        "2026-11-08T10:30:00Z,10,2,3.25,x",
        "Nov 8 2026,10,2,3.25,x",
        "2026-11-09,10,2,3.25," + String(repeating: "y", count: 5_000),
        "2026-11-09,12345678.1234,2,3.25,x",
        "2026-11-09,123456789.1234,2,3.25,x",
        "2026-11-09,1.23456789,2,3.25,x",
        "2026-11-10,20,3,4.75,x",
        "2026-11-10,21,3,4.75,x",
    ]

    private static func table(_ rows: [String], header: String, quotingTimes: Bool) -> [UInt8] {
        let lines = rows.map { row -> String in
            guard quotingTimes, !row.isEmpty else { return row }
            var fields = row.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            fields[0] = "\"\(fields[0])\""
            return fields.joined(separator: ",")
        }
        return Array(([header] + lines).joined(separator: "\n").utf8) + [0x0A]
    }

    private static func expectSameReading(_ plain: CollectingSink, _ general: CollectingSink) {
        #expect(plain.metricsRows == general.metricsRows)
        #expect(plain.rejections.map(\.line) == general.rejections.map(\.line))
        #expect(plain.rejectionReasons == general.rejectionReasons)
        #expect(plain.notes == general.notes)
        #expect(plain.summary == general.summary)
    }

    @Test func plainRecordsReadAsTheGeneralPathReadsThem() {
        let header = "date,impressions,likes,revenue,notes"
        let plain = Ingest.parse(Self.table(Self.rows, header: header, quotingTimes: false))
        let general = Ingest.parse(Self.table(Self.rows, header: header, quotingTimes: true))
        #expect(plain.metricsRows.count > 20)
        Self.expectSameReading(plain, general)
    }

    @Test func decimalsDecidedLaterAndTimeNotFirst() {
        // Whole numbers first (the decimal convention undecided), the time in the middle.
        let rows = Self.rows.map { row -> String in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { return row }
            return ([fields[1], fields[0]] + fields[2...]).joined(separator: ",")
        }
        let header = "impressions,date,likes,revenue,notes"
        func quoted(_ rows: [String]) -> [UInt8] {
            let lines = rows.map { row -> String in
                var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 2 else { return row }
                fields[1] = "\"\(fields[1])\""
                return fields.joined(separator: ",")
            }
            return Array(([header] + lines).joined(separator: "\n").utf8) + [0x0A]
        }
        let plain = Ingest.parse(Self.table(rows, header: header, quotingTimes: false))
        Self.expectSameReading(plain, Ingest.parse(quoted(rows)))
    }

    @Test func semicolonsWithDecimalCommas() {
        let rows = ["2026-11-01;10;2", "2026-11-01;11;3", "2026-11-02;12;2,5", "2026-11-02;13;4", "2026-11-03;1.234;5"]
        let text = Array((["date;impressions;revenue"] + rows).joined(separator: "\n").utf8) + [0x0A]
        let quoted = Array((["date;impressions;revenue"] + rows.map { "\"\($0.prefix(10))\"" + $0.dropFirst(10) })
            .joined(separator: "\n").utf8) + [0x0A]
        let plain = Ingest.parse(text)
        #expect(plain.metricsRows.map { $0.values[.revenue] } == [2, 3, 2.5, 4, 5])
        Self.expectSameReading(plain, Ingest.parse(quoted))
    }

    @Test(arguments: [1, 3, 8, 13, 64, 4_096])
    func piecesGiveTheSameRowsAsOneRead(chunkSize: Int) {
        let text = Self.table(Self.rows, header: "date,impressions,likes,revenue,notes", quotingTimes: false)
        Self.expectSameReading(Ingest.parse(text, chunkSize: chunkSize), Ingest.parse(text))
    }

    @Test func readerReadsThePlainFormAndLeavesTheRest() {
        let reader = PlainRecordReader(columnCount: 4, delimiter: UInt8(ascii: ","), timeColumn: 0,
                                       metrics: [(1, .impressions), (2, .revenue), (3, .likes)])!
        #expect(reader.present == MetricField.impressions.bit | MetricField.revenue.bit | MetricField.likes.bit)
        func read(_ text: String, allowsPoint: Bool = true) -> (time: String, next: Int, values: MetricValues)? {
            var values = MetricValues()
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { buffer in
                reader.read(buffer, from: 0, allowsPoint: allowsPoint, into: &values)
                    .map { ($0.time.string(), $0.next, values) }
            }
        }
        let first = read("2026-11-01,123456789012,12.5,7\r\n2026-11-02,1,2,3\n")
        #expect(first?.time == "2026-11-01")
        #expect(first?.next == 32)
        #expect(first?.values.units(of: .impressions) == Int64(1_234_567_890_120_000))
        #expect(first?.values.units(of: .revenue) == 125_000)
        #expect(first?.values.units(of: .likes) == 70_000)
        #expect(first?.values.present == 0, "presence is the caller's to set")
        #expect(read("2026-11-01,1,2.25,3\n", allowsPoint: false) == nil)
        #expect(read("2026-11-01,1,2,3") == nil, "no line feed: the record may go on")
        #expect(read("2026-11-01,1,2\n") == nil)
        #expect(read("2026-11-01,1,2,3,4\n") == nil)
        #expect(read("2026-11-01,1,2.12345,3\n") == nil)
        #expect(read("2026-11-01,1,,3\n") == nil)
        #expect(read("\"2026-11-01\",1,2,3\n") == nil)
        #expect(read("Total,1,2,3\n") == nil)
    }

    @Test func headersThatAreNotPlainTables() {
        let comma = UInt8(ascii: ",")
        #expect(PlainRecordReader(columnCount: 33, delimiter: comma, timeColumn: 0, metrics: [(1, .likes)]) == nil)
        #expect(PlainRecordReader(columnCount: 3, delimiter: comma, timeColumn: 1, metrics: [(1, .likes)]) == nil)
        #expect(PlainRecordReader(columnCount: 3, delimiter: comma, timeColumn: 0, metrics: [(1, .likes), (2, .likes)]) == nil)
        #expect(PlainRecordReader(columnCount: 3, delimiter: UInt8(ascii: "."), timeColumn: 0, metrics: [(1, .likes)]) == nil)
    }

    @Test func digitWords() {
        func word(_ text: String) -> UInt64 {
            var bytes = Array(text.utf8) + Array(repeating: 0, count: 8)
            return bytes.withUnsafeMutableBytes { $0.loadUnaligned(as: UInt64.self) }
        }
        #expect(DigitWord.leadingDigitCount(word("12345678")) == 8)
        #expect(DigitWord.leadingDigitCount(word("0912,abc")) == 4)
        #expect(DigitWord.leadingDigitCount(word("/:09")) == 0)
        #expect(DigitWord.leadingDigitCount(word("9\u{e9}")) == 1)
        #expect(DigitWord.value(word("12345678"), digits: 8) == 12_345_678)
        #expect(DigitWord.value(word("00705,1"), digits: 5) == 705)
        #expect(DigitWord.value(word("9"), digits: 1) == 9)
        let bytes = Array("0123456789".utf8)
        bytes.withUnsafeBytes { buffer in
            #expect(DigitWord.load(buffer, at: 2) == word("23456789"))
            #expect(DigitWord.load(buffer, at: 7) == word("789"))
            #expect(DigitWord.load(buffer, at: 10) == 0)
        }
    }
}
