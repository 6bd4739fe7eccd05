import Foundation
import Testing
@testable import KPIEngine

@Suite struct MappingTests {
    private func mapping(_ text: String) throws(ConfigProblem) -> ColumnMapping {
        try ColumnMapping.parse(text, file: "mapping.toml")
    }

    private func error(_ text: String) -> ConfigProblem? {
        do throws(ConfigProblem) {
            _ = try mapping(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func sampleMappingAppliesToTheUCIShape() throws {
        let text = String(decoding: try Ingest.fixture("mapping.toml"), as: UTF8.self)
        let sink = try Ingest.parseFixture("uci_shape.csv", mapping: try mapping(text))
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["facebook", "facebook"])
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2014-06-01"), Ingest.day("2014-06-01")])
        #expect(sink.metricsRows.map(\.values[.reach]) == [2752, 10460])
        #expect(sink.metricsRows.map(\.followers) == [139441, 139441])
        #expect(sink.metricsRows.map(\.values[.interactions]) == [100, 164])
    }

    @Test func withoutMappingTheUCIShapeIsASnapshotOnTheExportDay() throws {
        let sink = try Ingest.parseFixture("uci_shape.csv")
        #expect(sink.metricsRows.isEmpty && sink.rejections.count == 2)
        #expect(Set(sink.rejectionReasons).count == 1)
        #expect(sink.summary.undatedExplanation?.hasPrefix("No row could be dated (no time column") == true)
        let snapshot = try Ingest.parseFixture("uci_shape.csv", modified: "2026-05-16")
        #expect(snapshot.rejections.isEmpty)
        #expect(snapshot.metricsRows.map(\.day) == [Ingest.day("2026-05-16"), Ingest.day("2026-05-16")])
        #expect(snapshot.metricsRows.map(\.followers) == [139441, 139441])
        #expect(snapshot.metricsRows.map(\.platform) == ["facebook", "facebook"])
    }

    @Test func currencyAndDecimalCommaSettings() throws {
        let rules = try mapping("""
            currency = "EUR"
            [[file]]
            match = "uk/*"
            currency = "GBP"
            decimal_comma = true
            """)
        let global = Ingest.parse("date,spend\n2026-05-10,12.5\n", path: "de/a.csv", mapping: rules)
        #expect(global.metricsRows.first?.currency == .eur && global.metricsRows.first?.values[.spend] == 12.5)
        let file = Ingest.parse("date,spend,likes\n2026-05-10,\"1.250\",\"1.250\"\n", path: "uk/a.csv", mapping: rules)
        #expect(file.metricsRows.first?.currency == .gbp && file.metricsRows.first?.values[.spend] == 1250)
        // The data's own word wins over the mapping: a code in the header, then € or £ in the value.
        let header = Ingest.parse("date,Revenue (USD)\n2026-05-10,3\n", path: "de/b.csv", mapping: rules)
        #expect(header.metricsRows.first?.currency == .usd)
        let dollar = Ingest.parse("date,spend\n2026-05-10,$3\n", path: "de/c.csv", mapping: rules)
        #expect(dollar.metricsRows.first?.currency == .eur)
        #expect(Ingest.parse("date,spend\n2026-05-10,$3\n").metricsRows.first?.currency == .usd)
        #expect(Ingest.parse("date,spend\n2026-05-10,3\n").metricsRows.first?.currency == nil)
        #expect(Ingest.parse("date,likes\n2026-05-10,3\n").metricsRows.first?.currency == nil)
        #expect(error("currency = \"euro\"\n")?.reason == "currency must be an ISO code such as \"EUR\"")
        #expect(error("[[file]]\nmatch = \"a\"\ndecimal_comma = \"yes\"\n")?.reason == "decimal_comma must be true or false")
    }

    @Test func fileColumnsWinOverGlobalOnesAndGlobsMatch() throws {
        let rules = try mapping("""
            [columns]
            "Hits" = "impressions"
            [[file]]
            match = "shop/*.csv"
            [file.columns]
            "Hits" = "clicks"
            "When" = "date"
            """)
        let shop = Ingest.parse("When,Hits\n2026-11-20,7\n", path: "shop/a.csv", mapping: rules)
        #expect(shop.metricsRows.first?.values[.clicks] == 7)
        let other = Ingest.parse("date,Hits\n2026-11-20,7\n", path: "blog/a.csv", mapping: rules)
        #expect(other.metricsRows.first?.values[.impressions] == 7)
        #expect(PathGlob.matches("report_??.csv", path: "x/report_11.csv"))
        #expect(!PathGlob.matches("report_??.csv", path: "x/report_1.csv"))
    }

    /// Headers the mapping says nothing of are laid out once and shared (``LayoutCache``); a
    /// file the mapping has rules for is laid out with them, whatever was laid out before.
    @Test func aHeaderLaidOutWithoutRulesIsSharedButRulesStillApply() throws {
        let header = "date,Visits Seen\n"
        let plain = Ingest.parse(header + "2026-11-20,7\n", path: "blog/a.csv")
        #expect(plain.rejections.count == 1, "'Visits Seen' is no metric kpitop knows")
        let again = Ingest.parse(header + "2026-11-21,8\n", path: "blog/b.csv")
        #expect(again.rejections.count == 1)
        let rules = try mapping("[[file]]\nmatch = \"shop/*.csv\"\n[file.columns]\n\"Visits Seen\" = \"clicks\"\n")
        let mapped = Ingest.parse(header + "2026-11-20,7\n", path: "shop/a.csv", mapping: rules)
        #expect(mapped.metricsRows.first?.values[.clicks] == 7)

        let names = ["Date", "Impressions", "Reach", "Post ID"]
        let shared = LayoutCache.layout(headers: names, rules: .init(), constants: ConstantStorage())
        let cached = LayoutCache.layout(headers: names, rules: .init(), constants: ConstantStorage())
        let fresh = ColumnLayout(headers: names, rules: .init(), constants: ConstantStorage())
        #expect(shared.kind == fresh.kind && cached.kind == fresh.kind)
        #expect(shared.metrics.map(\.field) == fresh.metrics.map(\.field) && cached.metrics.map(\.field) == [.impressions, .reach])
        #expect(Set(cached.sources.keys) == Set(fresh.sources.keys))
    }

    @Test func errorsNameFileLineAndProblem() {
        #expect(error("[columns]\n\"Reach\" = \"reech\"\n") == ConfigProblem(
            file: "mapping.toml", line: 2, reason: "unknown field 'reech' for column 'Reach'"))
        #expect(error("[[file]]\nmatch = \"a.csv\"\n[[file]]\nmatch = \"b.csv\"\n[file.values]\nlikes = \"many\"\n")?.line == 6)
        #expect(error("[[file]]\nplatform = \"fb\"\n")?.reason == "[[file]] needs match = \"<glob>\"")
        #expect(error("[colums]\n")?.reason.hasPrefix("unknown section 'colums'") == true)
        #expect(error("[columns\n")?.line == 1)
        #expect(error("[[file]]\nmatch = \"a\"\nplatfrom = \"x\"\n")?.line == 3)
    }

    @Test func loadReadsTheDataDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-mapping-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let none = try ColumnMapping.load(dataDirectory: directory)
        #expect(Ingest.parse("Hits,date\n1,2026-11-20\n", mapping: none).rejections.count == 1)
        try "[columns]\nHits = \"likes\"\n".write(toFile: directory + "/mapping.toml", atomically: true, encoding: .utf8)
        let loaded = try ColumnMapping.load(dataDirectory: directory)
        #expect(Ingest.parse("Hits,date\n1,2026-11-20\n", mapping: loaded).metricsRows.first?.values[.likes] == 1)
    }

    /// The UCI "Facebook metrics" data set beside the package (`../shared/fixtures`), when present.
    @Test func uciFacebookMetricsSums() throws {
        var directory = URL(fileURLWithPath: #filePath)
        var fixture: URL?
        while directory.pathComponents.count > 1, fixture == nil {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/fixtures/dataset_Facebook.csv")
            if FileManager.default.fileExists(atPath: candidate.path) { fixture = candidate }
        }
        guard let fixture else { return }
        let bytes = Array(try Data(contentsOf: fixture))

        let plain = Ingest.parse(bytes, path: "dataset_Facebook.csv")
        #expect(plain.rejections.count == 500 && Set(plain.rejectionReasons).count == 1)

        // As it comes: a lifetime snapshot of 500 Facebook posts on the export day.
        let snapshot = Ingest.parseBothWays(bytes, path: "dataset_Facebook.csv", modified: "2026-05-16")
        var snapshotTotal = MetricValues()
        for row in snapshot.metricsRows { snapshotTotal.add(row.values) }
        #expect(snapshot.rejections.isEmpty && snapshot.metricsRows.count == 500)
        #expect(snapshot.metricsRows.allSatisfy { $0.platform == "facebook" && $0.isLifetimeSnapshot })
        #expect(snapshot.metricsRows.allSatisfy { $0.day == Ingest.day("2026-05-16") })
        #expect(snapshotTotal[.reach] == 6_951_680 && snapshotTotal[.impressions] == 14_792_974)
        #expect(snapshotTotal[.interactions] == 106_060)
        #expect(snapshot.summary.line(path: "dataset_Facebook.csv")
            == "dataset_Facebook.csv: facebook (from header), 500 rows, date May 16, 2026")

        let rules = try mapping("""
            [columns]
            "Lifetime Post Total Reach" = "reach"
            [[file]]
            match = "dataset_Facebook.csv"
            platform = "facebook"
            [file.columns]
            "Page total likes" = "followers"
            [file.values]
            date = "2014-06-01"
            """)
        let sink = Ingest.parse(bytes, path: "dataset_Facebook.csv", mapping: rules)
        var total = MetricValues()
        for row in sink.metricsRows { total.add(row.values) }
        #expect(sink.rejections.isEmpty && sink.metricsRows.count == 500)
        #expect(total[.reach] == 6_951_680)
        #expect(total[.impressions] == 14_792_974)
        #expect(total[.interactions] == 106_060)
    }
}
