import Foundation
import Testing
@testable import KPIEngine
@testable import KPIReport

@Suite struct ReportTests {
    typealias F = StoreFixture

    @Test func jsonReportHasTheContractShape() throws {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("instagram", day: 0, [.reach: 0]),
            F.row("instagram", day: 13, [.impressions: 123456, .interactions: 5, .reach: 100]),
            F.row("x", day: 6, [.impressions: 10]),
        ])])
        let text = JSONReport.render(s)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2026-11-14")
        let window = try #require(object["window"] as? [String: Any])
        #expect(window["days"] as? Int == 7)
        #expect(window["start"] as? String == "2026-11-08")
        #expect(window["end"] as? String == "2026-11-14")
        #expect(object["tz"] as? String == "UTC")
        #expect(object["rejected_rows"] as? Int == 0)
        let platforms = try #require(object["platforms"] as? [String: [String: [String: Any]]])
        #expect(Set(platforms.keys) == ["all", "instagram", "x"])
        for (_, kpis) in platforms {
            #expect(Set(kpis.keys).isSuperset(of: KPI.allCases.map(\.id)))
        }
        #expect(platforms["all"]?["impressions"]?["value"] as? Int == 123456)
        #expect(platforms["all"]?["impressions"]?["previous"] is NSNull, "x starts after the previous window's first day")
        #expect(platforms["all"]?["impressions"]?["previous_missing"] as? String == "no_earlier_data")
        #expect(platforms["instagram"]?["impressions"]?["previous"] as? Int == 0)
        #expect(platforms["instagram"]?["engagement_rate"]?["value"] as? Double == 0.05)
        #expect(platforms["x"]?["engagement_rate"]?["value"] is NSNull)
        #expect(text.contains("\"impressions\": {\"value\": 123456, \"previous\": 0}"))
        #expect(platforms["all"]?["engagement_rate"]?["platforms"] as? [String] == ["instagram"])
    }

    @Test func jsonNumbersAndStrings() {
        #expect(JSONWriter.number(3) == "3")
        #expect(JSONWriter.number(0.0412) == "0.0412")
        #expect(JSONWriter.number(nil) == "null")
        #expect(JSONWriter.number(.nan) == "null")
        #expect(JSONWriter.string("a\"b\u{1B}") == "\"a\\\"b\\u001b\"")
    }

    @Test func rejectionsGroupIntoRunsPerFileAndReason() {
        var rejections = (2...501).map { Rejection(file: "fb.csv", line: $0, reason: "no time column") }
        rejections.append(Rejection(file: "fb.csv", line: 600, reason: "negative likes"))
        rejections.append(Rejection(file: "x.csv", line: 0, reason: "not a text file"))
        let groups = RejectionSummary(rejections).groups
        #expect(groups.map(\.location) == ["fb.csv:2-501 (500 rows)", "fb.csv:600", "x.csv"])
        #expect(RejectionSummary.countsByFile(rejections).map(\.count) == [501])
    }

    @Test func csvReportQuotesAndDefusesFormulas() {
        #expect(CSVReport.field("=cmd()") == "'=cmd()")
        #expect(CSVReport.field("a,b") == "\"a,b\"")
        let s = F.snapshot([F.file("a.csv", rows: [F.row("x", day: 13, [.impressions: 5])])])
        let lines = CSVReport.render(s).split(separator: "\n")
        #expect(lines.first == Substring(CSVReport.header))
        #expect(lines.count == 1 + 2 * KPI.allCases.count)
        #expect(lines.contains("all,impressions,Reach,5,,,2026-11-08,2026-11-14,2026-11-14,UTC,relative,x,new,,,"))
    }

    @Test func csvReportNeutralisesTerminalEscapesAndKeepsTheFormulaGuard() {
        #expect(CSVReport.field("\u{1B}]0;pwned\u{07}x") == "?]0;pwned?x")
        #expect(CSVReport.field("=\u{1B}[2Jcmd()") == "'=?[2Jcmd()")
        #expect(CSVReport.field("\u{9B}31m,red") == "\"?31m,red\"")
        #expect(CSVReport.field("two\nlines") == "two?lines")
        let osc52 = "\u{1B}]52;c;ZXZpbA==\u{07}"
        let s = F.snapshot([F.file("a.csv", rows: [F.row("x" + osc52, day: 13, [.impressions: 5]),
                                                   F.row("@" + osc52, day: 13, [.impressions: 1])])])
        let text = CSVReport.render(s)
        #expect(!text.unicodeScalars.contains { $0 != "\n" && Sanitized.isUnsafe($0) })
        #expect(text.contains("\nx?]52;c;ZXZpbA==?,impressions,"))
        #expect(text.contains("\n'@?]52;c;ZXZpbA==?,impressions,"))
    }

    @Test func sanitisedTextShowsEscapesInsteadOfRunningThem() {
        #expect(Sanitized.line("evil\u{1B}]0;title\u{07}") == "evil?]0;title?")
        #expect(Sanitized.line("plain é 日本") == "plain é 日本")
    }
}
