import Testing
@testable import KPIEngine

@Suite struct CSVFormatTests {
    @Test func plainRowsBecomeMetricsRows() throws {
        let sink = Ingest.parse("date,platform,impressions,reach,likes,comments,shares,saves,clicks,conversions,revenue,spend\n"
            + "2026-11-20,instagram,12345,6789,120,14,9,3,77,2,149.90,35.20\n")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.metricsRows.count == 1 && sink.rejections.isEmpty)
        #expect(row.platform == "instagram" && row.day == Ingest.day("2026-11-20") && row.line == 2)
        #expect(row.time == Ingest.utcMilliseconds("2026-11-20"))
        #expect(row.values[.impressions] == 12345 && row.values[.reach] == 6789)
        #expect(row.values[.interactions] == 146)
        #expect(row.values[.revenue] == 149.90 && row.values[.spend] == 35.20)
        #expect(row.values[.videoViews] == nil && row.id == nil && row.title == nil)
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        let sink = Ingest.parse("date,id,title,likes\n"
            + "2026-11-20,1,\"Boots, socks\",5\n"
            + "2026-11-20,2,\"The \"\"best\"\" boot\",6\n"
            + "2026-11-20,3,\"two\nlines\",7\n"
            + "2026-11-20,4,after,8\n")
        #expect(sink.metricsRows.map(\.title) == ["Boots, socks", "The \"best\" boot", "two\nlines", "after"])
        #expect(sink.metricsRows.map(\.line) == [2, 3, 4, 6])
    }

    @Test func byteOrderMarkCRLFAndEmptyLines() {
        let sink = Ingest.parse([0xEF, 0xBB, 0xBF] + Array("Date,Likes\r\n\r\n2026-11-20,5\r\n,\r\n2026-11-21,6".utf8))
        #expect(sink.metricsRows.map(\.values[.likes]) == [5, 6])
        #expect(sink.metricsRows.map(\.line) == [3, 5])
        #expect(sink.rejections.isEmpty)
    }

    @Test func delimiterComesFromTheHeader() {
        let semicolons = Ingest.parse("date;title;likes\n2026-11-20;a, b;5\n")
        #expect(semicolons.metricsRows.first?.title == "a, b")
        let tabs = Ingest.parse("date\ttitle\tlikes\n2026-11-20\ta;b\t5\n")
        #expect(tabs.metricsRows.first?.values[.likes] == 5)
        let separatorLine = Ingest.parse("sep=;\ndate;likes\n2026-11-20;\"1,234\"\n")
        #expect(separatorLine.metricsRows.first?.values[.likes] == 1234)
    }

    @Test(arguments: ["meta_page_utf16le.csv", "meta_page_utf16be.csv"])
    func utf16WithByteOrderMark(file: String) throws {
        let sink = try Ingest.parseFixture(file, path: "facebook/\(file)")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.first?.values[.reach] == 1500)
        #expect(sink.metricsRows.first?.day == Ingest.day("2026-11-20"))
        #expect(sink.metricsRows.first?.platform == "facebook")
    }

    @Test func shortAndLongRows() {
        let sink = Ingest.parse("date,likes,comments\n2026-11-20,5\n2026-11-21,1,2,3,4\n")
        #expect(sink.metricsRows.map(\.values[.comments]) == [nil, 2])
    }

    @Test func headerNamesAreNormalised() {
        let sink = Ingest.parse("\u{FEFF} DATE ,Video-Views,Link.Clicks,Sa\u{AD}ves\n2026-11-20,10,3,2\n")
        let values = sink.metricsRows.first?.values
        #expect(values?[.videoViews] == 10 && values?[.clicks] == 3 && values?[.saves] == 2)
    }
}
