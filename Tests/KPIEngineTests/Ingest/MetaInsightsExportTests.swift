import Testing
@testable import KPIEngine

/// Meta Business Suite "Insights" exports, one metric per file: UTF-16 with `sep=`, a title
/// line naming the metric, `Date,Primary` (shapes of real exports, values invented), each read
/// whole and in pieces.
@Suite struct MetaInsightsExportTests {
    @Test func theTitleNamesTheFieldAndTheFileNameThePlatform() throws {
        let sink = try Ingest.parseFixture("IG_Reach_W27.csv.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["instagram", "instagram"])
        #expect(sink.metricsRows.map(\.values[.reach]) == [88, 112])
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2026-05-10"), Ingest.day("2026-05-11")])
        #expect(sink.summary.line(path: "IG_Reach_W27.csv.csv")
            == "IG_Reach_W27.csv.csv: instagram (from file name), 2 rows, dates May 10, 2026..May 11, 2026")
    }

    @Test func aTitleWithAPlatformNamesBoth() throws {
        let sink = try Ingest.parseFixture("Visits.csv")
        #expect(sink.metricsRows.map(\.platform) == ["instagram", "instagram"])
        #expect(sink.metricsRows.map(\.values[.profileVisits]) == [2, 3])
        #expect(sink.summary.platforms == [.init(name: "instagram", origin: .title)])
    }

    @Test func eachTitleItsField() throws {
        let viewers = try Ingest.parseFixture("FB_Viewers.csv")
        #expect(viewers.metricsRows.map(\.values[.reach]) == [40] && viewers.metricsRows.map(\.platform) == ["facebook"])
        let follows = try Ingest.parseFixture("Follows.csv", path: "instagram/Follows.csv")
        #expect(follows.metricsRows.map(\.values[.followersGained]) == [0, 5])
        #expect(follows.metricsRows.map(\.platform) == ["instagram", "instagram"])
        let interactions = try Ingest.parseFixture("Interactions.csv", path: "facebook/Interactions.csv")
        #expect(interactions.metricsRows.map(\.values[.engagements]) == [34])
        #expect(interactions.metricsRows.map(\.values[.interactions]) == [34])
        let clicks = try Ingest.parseFixture("IG_Link clicks.csv")
        #expect(clicks.metricsRows.map(\.values[.clicks]) == [7] && clicks.metricsRows.map(\.platform) == ["instagram"])
    }

    @Test func twoTitledTablesInOneTabSeparatedFile() throws {
        let sink = try Ingest.parseFixture("Reach.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["facebook", "facebook", "instagram", "instagram"])
        #expect(sink.metricsRows.map(\.values[.reach]) == [2768, 2467, 20, 18])
        #expect(sink.metricsRows.map(\.line) == [4, 5, 9, 10])
        #expect(sink.summary.platforms == [.init(name: "facebook", origin: .title), .init(name: "instagram", origin: .title)])
        #expect(sink.summary.line(path: "Reach.csv")
            == "Reach.csv: facebook (from title line), instagram (from title line), 4 rows, dates Jul 8, 2023..Jul 9, 2023")
    }

    @Test func aTitleKpitopDoesNotKnowIsRejectedOnceOrMapped() throws {
        let unknown = try Ingest.parseFixture("Alcance.csv", path: "instagram/Alcance.csv")
        #expect(unknown.metricsRows.isEmpty)
        #expect(unknown.rejections.count == 1 && unknown.rejections[0].line == 2)
        #expect(unknown.rejectionReasons[0].hasPrefix("table skipped: a Meta Business Suite insights table, "
            + "but its title 'Alcance' names no metric kpitop knows"))
        let mapping = try ColumnMapping.parse("[columns]\n\"Alcance\" = \"reach\"\n", file: "mapping.toml")
        let mapped = try Ingest.parseFixture("Alcance.csv", path: "instagram/Alcance.csv", mapping: mapping)
        #expect(mapped.metricsRows.map(\.values[.reach]) == [9])
    }

    @Test func olderPageExportsWithOrdinaryHeaders() throws {
        for file in ["meta_page_utf16le.csv", "meta_page_utf16be.csv"] {
            let sink = try Ingest.parseFixture(file, path: "facebook/\(file)")
            #expect(sink.rejections.isEmpty)
            #expect(sink.metricsRows.first?.values[.reach] == 1500)
        }
    }
}
