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

    /// Rows of `date,post_id,title,impressions,likes,revenue`: post rows of the plain form
    /// (quoted titles with commas, ids coming back out of order) and what they must leave to
    /// the general path (doubled quotes, line feeds and carriage returns inside quotes, text
    /// after a closing quote, an unclosed quote, titles that are not ASCII, missing and
    /// placeholder ids, ids in scientific notation, `Total` in any text column, empty, signed
    /// and decimal numbers, CRLF, extra fields).
    static let postRows = [
        "2026-11-01,p1,\"First, post\",100,5,12",
        "2026-11-02,p1,\"First, post\",110,6,12.5",
        "2026-11-01,p2,Second post,200,7,1",
        "2026-11-02,p2,Second post,201,7,1.25",
        "2026-11-01,p1,\"First, post (edited)\",120,6,13",
        "2026-11-03,p3,\"Says \"\"hi\"\"\",1,1,1",
        "2026-11-03,p3,\"Two\nlines\",1,1,1",
        "2026-11-03,p3,\"Carriage\rreturn\",1,1,1",
        "2026-11-03,p3,\"after\"quote,1,1,1",
        "2026-11-03,p4,\"Caf\u{e9} cr\u{e8}me\",1,1,1",
        "2026-11-03,p4,Caf\u{e9},1,1,1",
        "2026-11-04,,no id,1,1,1",
        "2026-11-04,-,dash id,1,1,1",
        "2026-11-04,N/A,placeholder id,1,1,1",
        "2026-11-04, p5 ,\" spaced title \",3,1,1",
        "2026-11-04,\"p5\",\"\",3,1,1",
        "2026-11-04,p6,,3,1,1",
        "2026-11-04,p6,-,3,1,1",
        "2026-11-05,Total,x,1,1,1",
        "2026-11-05,p7,Totals,1,1,1",
        "2026-11-05,p7,\"TOTAL\",1,1,1",
        "Total,,,300,20,30",
        "2026-11-05,p7,x,,1,1",
        "2026-11-05,p7,x,-4,1,1",
        "2026-11-05,p7,x,4.5,1,-1.5",
        "2026-11-06,p8,x,4,1,1\r",
        "2026-11-06,p8,\"quoted last\",4,1,1",
        "2026-11-06,p8,x,4,1,1,extra",
        "2026-11-06,p8,x,4,1",
        "2026-11-07,p9,x,4,1,1",
        "2026-11-07,6.54E+17,x,4,1,1",
        "2026-11-08,p9,x,4,1,1",
        "2026-11-08,1.2e3,x,4,1,1",
        "2026-11-09,p10,x,4,1,1",
        // Last: quoting the times of rows after it would change what its quote holds.
        "2026-11-09,p10,\"unclosed,4,1,1",
    ]

    @Test func postRowsReadAsTheGeneralPathReadsThem() {
        let header = "date,post_id,title,impressions,likes,revenue"
        let plain = Ingest.parse(Self.table(Self.postRows, header: header, quotingTimes: false))
        let general = Ingest.parse(Self.table(Self.postRows, header: header, quotingTimes: true))
        #expect(plain.metricsRows.filter { $0.id != nil }.count > 15)
        #expect(plain.notes.contains { $0.contains("scientific notation") })
        Self.expectSameReading(plain, general)
    }

    @Test(arguments: [1, 3, 8, 13, 64, 4_096])
    func postRowsInPiecesGiveTheSameRowsAsOneRead(chunkSize: Int) {
        let text = Self.table(Self.postRows, header: "date,post_id,title,impressions,likes,revenue", quotingTimes: false)
        Self.expectSameReading(Ingest.parse(text, chunkSize: chunkSize), Ingest.parse(text))
    }

    /// Post rows with a byte-order mark, CRLF line ends, the id after the metrics with and
    /// without a title column, semicolons and a decimal comma decided by a late value.
    @Test func postRowsOfOtherLayouts() {
        let crlf = Self.postRows.map { $0.hasSuffix("\r") ? $0 : $0 + "\r" }
        let header = "date,post_id,title,impressions,likes,revenue"
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        Self.expectSameReading(Ingest.parse(bom + Self.table(crlf, header: header, quotingTimes: false)),
                               Ingest.parse(bom + Self.table(crlf, header: header, quotingTimes: true)))
        let idLast = Self.postRows.map { row -> String in
            let fields = row.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return row }
            return "\(fields[0]),\(fields[2]),\(fields[1])"
        }
        for header in ["date,caption,impressions,likes,revenue,post_id", "date,notes,impressions,likes,revenue,post_id"] {
            Self.expectSameReading(Ingest.parse(Self.table(idLast, header: header, quotingTimes: false)),
                                   Ingest.parse(Self.table(idLast, header: header, quotingTimes: true)))
        }
        let semicolons = ["2026-11-01;p1;\"A; b\";10;2", "2026-11-02;p1;\"A; b\";11;3", "2026-11-02;p2;B;12;2,5",
                          "2026-11-03;p2;B;13;4", "2026-11-03;p3;C;1.234;5"]
        let plain = Ingest.parse(Self.table(semicolons, header: "date;post_id;title;impressions;revenue", quotingTimes: false))
        #expect(plain.metricsRows.map { $0.values[.revenue] } == [2, 3, 2.5, 4, 5])
        #expect(plain.metricsRows.map(\.title) == ["A; b", "A; b", "B", "B", "C"])
        let quoted = semicolons.map { "\"\($0.prefix(10))\"" + $0.dropFirst(10) }
        Self.expectSameReading(plain, Ingest.parse(Array(
            (["date;post_id;title;impressions;revenue"] + quoted).joined(separator: "\n").utf8) + [0x0A]))
    }

    @Test func readerReadsIdsAndQuotedTitles() {
        let reader = PlainRecordReader(columnCount: 5, delimiter: UInt8(ascii: ","), timeColumn: 0,
                                       metrics: [(3, .impressions), (4, .likes)], idColumn: 1, titleColumn: 2)!
        func read(_ text: String) -> (id: String, title: String, next: Int)? {
            var values = MetricValues()
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { buffer in
                reader.read(buffer, from: 0, allowsPoint: true, into: &values).map { ($0.id.string(), $0.title.string(), $0.next) }
            }
        }
        let first = read("2026-11-01,\"p1\",\"A, b\",1,2\r\n")
        #expect(first?.id == "p1" && first?.title == "A, b" && first?.next == 28)
        #expect(read("2026-11-01,p1,\"\",1,2\n")?.title == "")
        #expect(read("2026-11-01,p1,\"A \"\"b\"\"\",1,2\n") == nil)
        #expect(read("2026-11-01,p1,\"A\nb\",1,2\n") == nil)
        #expect(read("2026-11-01,p1,\"A\"b,1,2\n") == nil)
        #expect(read("2026-11-01,p1,\"A,1,2\n") == nil)
        #expect(read("2026-11-01,p1,\"Caf\u{e9}\",1,2\n") == nil)
        #expect(PlainRecordReader(columnCount: 3, delimiter: UInt8(ascii: ","), timeColumn: 0, metrics: [(2, .likes)],
                                  idColumn: 1, titleColumn: 1) == nil)
    }

    /// A first column of short ids that start with a letter is read here; only one that says
    /// `Total` (the general path's summary row) is left to the general path.
    @Test func readerReadsShortIdsFirstAndLeavesTotals() {
        let reader = PlainRecordReader(columnCount: 4, delimiter: UInt8(ascii: ","), timeColumn: 1,
                                       metrics: [(2, .impressions), (3, .likes)], idColumn: 0, titleColumn: nil)!
        func read(_ text: String) -> String? {
            var values = MetricValues()
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { reader.read($0, from: 0, allowsPoint: true, into: &values)?.id.string() }
        }
        #expect(read("p12345,2026-11-01,1,2\n") == "p12345")
        #expect(read("Totally,2026-11-01,1,2\n") == "Totally")
        #expect(read("Total,2026-11-01,1,2\n") == nil)
        #expect(read(" TOTALS ,2026-11-01,1,2\n") == nil)
        // The same rows with their times quoted are read the general way.
        let rows = [["p12345", "2026-11-01", "1", "2"], ["Totally", "2026-11-02", "3", "4"],
                    [" total ", "2026-11-02", "5", "6"], ["p12345", "2026-11-02", "7", "8"]]
        func table(quotingTimes: Bool) -> [UInt8] {
            let lines = rows.map { row in
                row.enumerated().map { $0.offset == 1 && quotingTimes ? "\"\($0.element)\"" : $0.element }
                    .joined(separator: ",")
            }
            return Array((["post_id,date,impressions,likes"] + lines).joined(separator: "\n").utf8) + [0x0A]
        }
        let plain = Ingest.parse(table(quotingTimes: false))
        #expect(plain.metricsRows.map(\.id) == ["p12345", "Totally", "p12345"])
        Self.expectSameReading(plain, Ingest.parse(table(quotingTimes: true)))
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
