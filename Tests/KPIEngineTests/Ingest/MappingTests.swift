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

    @Test func withoutMappingTheUCIShapeHasNoTime() throws {
        let sink = try Ingest.parseFixture("uci_shape.csv")
        #expect(sink.metricsRows.isEmpty && sink.rejections.count == 2)
        #expect(Set(sink.rejectionReasons).count == 1)
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
