import Testing
@testable import KPIEngine

/// What a file's path tells: its export day and its platform.
@Suite struct FileFactsTests {
    private func latest(_ name: String) -> String? { ExportDay.latestDate(inFileName: name)?.description }

    @Test func exportDayFromTheFileName() {
        #expect(latest("tweet_activity_metrics_acme_20261101_20261201_en.csv") == "2026-12-01")
        #expect(latest("Jan-14-2025_Apr-14-2025_1396269028466733.csv") == "2025-04-14")
        #expect(latest("x/report 2026-05-16.csv") == "2026-05-16")
        #expect(latest("export_2026_5_16.csv") == "2026-05-16")
        #expect(latest("16-May-2026 reach.csv") == "2026-05-16")
        #expect(latest("2026/Overview.csv") == nil)
        #expect(latest("IG_Reach_W27.csv.csv") == nil)
        #expect(latest("Table data.csv") == nil)
        #expect(latest("ids_99999999.csv") == nil)
    }

    @Test func exportDayFallsBackToTheModificationDayInTheDataTimeZone() {
        let lateEvening = Ingest.utcMilliseconds("2026-05-16", 23, 30) * 1_000_000
        #expect(ExportDay.of(relativePath: "Overview.csv", modificationTime: lateEvening, clock: Ingest.utc)
            == ExportDay(day: Ingest.day("2026-05-16"), origin: .modificationTime))
        #expect(ExportDay.of(relativePath: "Overview.csv", modificationTime: lateEvening, clock: Ingest.berlin)
            == ExportDay(day: Ingest.day("2026-05-17"), origin: .modificationTime))
        #expect(ExportDay.of(relativePath: "Overview.csv", modificationTime: nil, clock: Ingest.utc) == nil)
        #expect(ExportDay.of(relativePath: "a_20260101.csv", modificationTime: lateEvening, clock: Ingest.utc)?.origin == .fileName)
    }

    @Test func platformFromThePath() {
        let platform = { (path: String) in PathPlatform.of(path)?.name }
        #expect(platform("instagram/2026-11.csv") == "instagram")
        #expect(PathPlatform.of("IG/deep/a.csv")?.origin == .folder)
        #expect(platform("linkedin_export.csv") == "linkedin")
        #expect(platform("IG_Reach_W27.csv.csv") == "instagram")
        #expect(platform("FB_Views.csv") == "facebook")
        #expect(platform("Table data.csv") == nil)
        #expect(platform("Overview.csv") == nil)
        #expect(platform("Jan-14-2025_Apr-14-2025_1396269028466733.csv") == nil)
        #expect(platform("tweet_activity_metrics_acme_20261101_20261201_en.csv") == nil)
        #expect(platform("dataset_Facebook.csv") == "facebook")
        #expect(platform("2026-05_tiktok.csv") == "tiktok")
        #expect(platform("acme_facebook.csv") == "acme")
        #expect(DataFiles.platform(forPath: "Reach.csv") == nil)
    }

    @Test func platformOfRowsWithoutAHeaderShape() {
        #expect(Ingest.parse("date,likes\n2026-11-20,1\n", path: "Table data.csv").metricsRows.first?.platform == "unknown")
        let summary = Ingest.parse("date,likes\n2026-11-20,1\n", path: "report.csv").summary
        #expect(summary.line(path: "report.csv") == "report.csv: unknown (no platform found), 1 row, date Nov 20, 2026")
        let mapped = try! ColumnMapping.parse("[[file]]\nmatch = \"*.csv\"\nplatform = \"x\"\n", file: "mapping.toml")
        let tiktok = Ingest.parse("Date,Video Views,Profile Views\n2026-05-10,1,1\n", path: "a.csv", mapping: mapped)
        #expect(tiktok.metricsRows.first?.platform == "x" && tiktok.summary.platforms == [.init(name: "x", origin: .mapping)])
    }
}
