import Foundation
import Testing
@testable import KPIEngine
@testable import KPIReport

/// Benchmarks (issue 13, point 5): the user's `benchmarks.toml`, and `benchmark` on each KPI
/// that has one in every report format.
@Suite struct BenchmarkTests {
    typealias F = StoreFixture

    static func file(_ text: String) throws -> BenchmarkFile {
        BenchmarkFile.parse(try TOMLDocument(text: text, file: "benchmarks.toml"))
    }

    @Test func aTablePerPlatformAndAValuePerKPI() throws {
        let file = try Self.file("""
            [IG]
            engagement_rate = "0.6%"
            ctr = { value = "2%", source = "our 2025 average" }

            [all]
            cpc = "$0.90"
            first_response_median_s = "2h"
            reach_of_doom = 3
            cpa = "cheap"
            """)
        #expect(file.benchmarks.map(\.platform) == ["instagram", "instagram", "all", "all"])
        #expect(file.benchmarks.map(\.kpi) == [.engagementRate, .ctr, .cpc, .firstResponseMedianSeconds])
        #expect(file.benchmarks.map(\.value) == [0.006, 0.02, 0.9, 7200])
        #expect(file.benchmarks[1].source == "our 2025 average")
        #expect(file.problems.map(\.line) == [8, 9])
        #expect(file.problems[0].reason.hasPrefix("unknown KPI 'reach_of_doom'"))
    }

    @Test func aMissingFileIsNoBenchmarksUnlessNamed() {
        #expect(BenchmarkFile.load(path: "/nonexistent/benchmarks.toml", required: false).benchmarks.isEmpty)
        #expect(BenchmarkFile.load(path: "/nonexistent/benchmarks.toml", required: true).problems.count == 1)
    }

    @Test func standingIsAboveOrBelowAndGoodNewsDependsOnTheKPI() {
        let er = Benchmark(platform: "all", kpi: .engagementRate, value: 0.006)
        #expect(er.standing(of: 0.01) == .above)
        #expect(er.standing(of: 0.001) == .below)
        #expect(er.standing(of: nil) == nil)
        #expect(Benchmark.Standing.above.isGood(for: .engagementRate) == true)
        #expect(Benchmark.Standing.above.isGood(for: .cpc) == false)
        #expect(Benchmark.Standing.below.isGood(for: .bounceRate) == true)
    }

    static func snapshot() throws -> KPISnapshot {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("x.csv", rows: [F.row("x", day: 12, [.interactions: 4, .likes: 4, .reach: 400, .clicks: 3, .spend: 6])]))
        var request = SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: 13), now: 0)
        request.benchmarks = try Self.file("""
            [x]
            engagement_rate = { value = "0.6%", source = "industry 2025" }

            [all]
            cpc = 1.5
            """).benchmarks
        return store.snapshot(request)
    }

    @Test func everyReportFormatCarriesTheBenchmark() throws {
        let s = try Self.snapshot()
        #expect(s.benchmark(.engagementRate, platform: "x")?.value == 0.006)
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(s).utf8)) as! [String: Any]
        let platforms = json["platforms"] as! [String: [String: [String: Any]]]
        #expect(platforms["x"]!["engagement_rate"]!["benchmark"] as? Double == 0.006)
        #expect(platforms["x"]!["engagement_rate"]!["benchmark_source"] as? String == "industry 2025")
        #expect(platforms["all"]!["cpc"]!["benchmark"] as? Double == 1.5)
        #expect(platforms["all"]!["ctr"]!["benchmark"] == nil)

        let csv = CSVReport.render(s).split(separator: "\n")
        #expect(csv[0].hasSuffix(",currency,benchmark"))
        #expect(csv.contains { $0.hasPrefix("x,engagement_rate,") && $0.hasSuffix(",0.006") })
        #expect(csv.contains { $0.hasPrefix("all,cpc,") && $0.hasSuffix(",1.5") })

        let text = TextReport.render(s, dataDirectory: "d")
        #expect(text.contains("Benchmarks"))
        #expect(text.contains("above benchmark 0.60% (industry 2025)"))
        #expect(text.contains("CPC"))
        let markdown = MarkdownReport.render(s)
        #expect(markdown.contains("| Engagement rate | x | 1.00% | 0.60% (industry 2025) | above |"))
        #expect(markdown.contains("| CPC | all | 2.00 | 1.50 | above |"))
        let metrics = OpenMetricsReport.render(s)
        #expect(metrics.contains("kpitop_benchmark{kpi=\"engagement_rate\",platform=\"x\"} 0.006\n"))
        #expect(metrics.contains("kpitop_benchmark{kpi=\"cpc\",platform=\"all\"} 1.5\n"))
    }
}
