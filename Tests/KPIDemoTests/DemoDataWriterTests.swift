import Foundation
import Testing
@testable import KPIDemo
@testable import KPIEngine

@Suite struct DemoDataWriterTests {
    @Test func historyCoversNinetyDaysOfSixPlatforms() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let records = try demo.records("daily.csv")
        let days = Set(records.compactMap { Day(iso: $0["date"] ?? "") })
        let today = DemoFixture.now.day
        #expect(days.count == 90)
        #expect(days.min() == today.adding(days: -89))
        #expect(days.max() == today)
        #expect(Set(records.compactMap { $0["platform"] })
            == ["instagram", "facebook", "x", "youtube", "tiktok", "linkedin"])
        #expect(try demo.files() == [
            "daily.csv", "facebook/posts.csv", "goals.toml", "instagram/posts.csv", "linkedin/page.csv",
            "service/tickets.jsonl", "tiktok/overview.csv", "x/tweets.csv", "youtube/videos.csv",
        ])
    }

    @Test func csvFilesHaveTheirHeaderAndEqualLengthRows() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let headers = [
            "instagram/posts.csv": "timestamp,id,title,impressions,reach,video_views,likes,comments,shares,saves,clicks",
            "facebook/posts.csv": "Post ID,Page name,Title,Publish time,Views,Reach,Reactions,Comments,Shares,Link Clicks",
            "tiktok/overview.csv": "date,video_views,impressions,reach,likes,comments,shares,followers",
            "linkedin/page.csv": "date,impressions,reach,clicks,likes,comments,shares,followers",
            "daily.csv": "date,platform,followers,mentions,competitor_mentions,website_visits,leads,conversions,revenue,spend",
        ]
        for (path, header) in headers {
            let rows = try demo.csv(path)
            #expect(rows.first?.joined(separator: ",") == header, "\(path)")
            #expect(rows.count > 30, "\(path)")
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(path)")
        }
        let titles = try demo.records("instagram/posts.csv").compactMap { $0["title"] }
        #expect(titles.contains { $0.contains(",") }, "titles with commas are quoted")
        #expect(titles.allSatisfy { !$0.isEmpty })
    }

    @Test func ticketsAreJSONLinesServiceRecords() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let lines = try demo.text("service/tickets.jsonl").split(separator: "\n")
        #expect(lines.count > 90 * 10)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let opened = try #require(object["opened_at"] as? String)
            #expect(object["id"] is String && object["platform"] is String)
            if let response = object["first_response_at"] as? String { #expect(response > opened) }
            if let resolved = object["resolved_at"] as? String { #expect(resolved > opened) }
            if let csat = object["csat"] as? Int { #expect((1...5).contains(csat)) }
            // Nothing is answered in the future.
            #expect((object["first_response_at"] as? String ?? "") <= "\(DemoFixture.now)")
        }
    }

    @Test func weekendsDifferFromWeekdays() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        func weekendToWeekday(_ path: String, _ column: String) throws -> Double {
            var weekend: [Double] = []
            var weekday: [Double] = []
            for record in try demo.records(path) {
                guard let day = Day(iso: record["date"] ?? ""), day != DemoFixture.now.day,
                      let value = Double(record[column] ?? "") else { continue }
                if day.weekday >= 5 { weekend.append(value) } else { weekday.append(value) }
            }
            return weekend.mean / weekday.mean
        }
        #expect(try weekendToWeekday("tiktok/overview.csv", "video_views") > 1.15)
        #expect(try weekendToWeekday("linkedin/page.csv", "impressions") < 0.6)
    }

    @Test func ratiosAreRealistic() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        func sum(_ records: [[String: String]], _ columns: String...) -> Double {
            records.reduce(0) { total, record in total + columns.reduce(0) { $0 + (Double(record[$1] ?? "") ?? 0) } }
        }
        for path in ["instagram/posts.csv", "x/tweets.csv", "youtube/videos.csv", "linkedin/page.csv"] {
            let records = try demo.records(path)
            let engagementRate = sum(records, "likes", "comments", "shares", "saves") / sum(records, "reach")
            let clickThroughRate = sum(records, "clicks") / sum(records, "impressions")
            #expect((0.01...0.06).contains(engagementRate), "\(path) engagement rate \(engagementRate)")
            #expect((0.005...0.02).contains(clickThroughRate), "\(path) CTR \(clickThroughRate)")
        }
        let account = try demo.records("daily.csv")
        for platform in DemoPlatformProfile.all.map(\.name) {
            let rows = account.filter { $0["platform"] == platform }
            let costPerAcquisition = sum(rows, "spend") / sum(rows, "conversions")
            let returnOnAdSpend = sum(rows, "revenue") / sum(rows, "spend")
            #expect((10...60).contains(costPerAcquisition), "\(platform) CPA \(costPerAcquisition)")
            #expect((2...6).contains(returnOnAdSpend), "\(platform) ROAS \(returnOnAdSpend)")
        }
    }

    @Test func liveAppendsGrowFilesByWholeLines() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let accountBytes = try demo.text("daily.csv").utf8.count
        let before = try demo.files().map { try demo.text($0).utf8.count }
        for second in 1...40 { try demo.writer.appendLive(at: DemoFixture.now.adding(seconds: Int64(second))) }
        let after = try demo.files().map { try demo.text($0).utf8.count }
        #expect(after.reduce(0, +) > before.reduce(0, +))
        #expect(try demo.text("daily.csv").utf8.count > accountBytes)
        for file in try demo.files() { #expect(try demo.text(file).hasSuffix("\n"), "\(file)") }
        let liveRows = try demo.records("daily.csv").filter { ($0["date"] ?? "").hasPrefix("2026-11-23T14:") }
        #expect(!liveRows.isEmpty)
    }

    @Test func sameSeedGivesSameBytes() throws {
        let first = try DemoFixture(seed: 99)
        let second = try DemoFixture(seed: 99)
        let other = try DemoFixture(seed: 100)
        defer { [first, second, other].forEach { $0.remove() } }
        for demo in [first, second, other] {
            for second in 1...20 { try demo.writer.appendLive(at: DemoFixture.now.adding(seconds: Int64(second))) }
        }
        for file in try first.files() {
            #expect(try first.text(file) == second.text(file), "\(file)")
        }
        #expect(try first.text("daily.csv") != other.text("daily.csv"))
    }
}
