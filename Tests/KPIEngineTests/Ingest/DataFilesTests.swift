import Foundation
import Testing
@testable import KPIEngine

@Suite struct DataFilesTests {
    @Test func dataFileNames() {
        #expect(DataFiles.isDataFile("instagram/2026-11.csv"))
        #expect(DataFiles.isDataFile("a.JSONL") && DataFiles.isDataFile("b.ndjson"))
        #expect(!DataFiles.isDataFile("notes.txt"))
        #expect(DataFiles.isDataFile("Instagram/Export.CsV") && DataFiles.isDataFile("a/b/c/ü.ndjson"))
        for ignored in [".hidden.csv", "a.csv~", "a.csv.tmp", "a.csv.part", ".a.csv.swp", ".git/x.csv",
                        "old~/x.csv", "x.tmp/y.csv", "csv", ".csv", "a.jsonl.txt", ""] {
            #expect(!DataFiles.isDataFile(ignored), "\(ignored)")
        }
    }

    @Test func platformFromPath() {
        #expect(DataFiles.platform(forPath: "instagram/2026-11.csv") == "instagram")
        #expect(DataFiles.platform(forPath: "IG/deep/2026-11.csv") == "instagram")
        #expect(DataFiles.platform(forPath: "linkedin_export.csv") == "linkedin")
        #expect(DataFiles.platform(forPath: "tw2026.csv") == "x")
        #expect(DataFiles.platform(forPath: "2026-11.csv") == nil)
    }

    @Test func platformOfRows() {
        #expect(Ingest.parse("date,likes\n2026-11-20,1\n", path: "2026.csv").metricsRows.first?.platform == "unknown")
        #expect(Ingest.parse("date,likes\n2026-11-20,1\n", path: "fb_page.csv").metricsRows.first?.platform == "facebook")
        #expect(Ingest.parse("date,platform,likes\n2026-11-20, YT ,1\n2026-11-20,,2\n", path: "tt/a.csv")
            .metricsRows.map(\.platform) == ["youtube", "tiktok"])
    }

    @Test func platformNames() {
        #expect(PlatformName.normalize(" Twitter ") == "x")
        #expect(["fb", "insta", "yt", "li", "tt", "tw", "ig"].map(PlatformName.normalize)
            == ["facebook", "instagram", "youtube", "linkedin", "tiktok", "x", "instagram"])
        #expect(PlatformName.normalize("Mastodon") == "mastodon")
    }

    @Test func listWalksRecursivelySortedAndSurvivesSymlinkLoops() throws {
        let fileManager = FileManager.default
        let root = fileManager.temporaryDirectory.appendingPathComponent("kpitop-files-\(UUID())").path
        defer { try? fileManager.removeItem(atPath: root) }
        for directory in ["instagram", "x/deep", ".git"] {
            try fileManager.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        for file in ["instagram/b.csv", "instagram/a.csv", "x/deep/c.jsonl", "Z.ndjson", ".git/d.csv", "e.csv.part", "f.txt"] {
            #expect(fileManager.createFile(atPath: root + "/" + file, contents: Data()))
        }
        try fileManager.createSymbolicLink(atPath: root + "/x/deep/loop", withDestinationPath: root + "/x")
        #expect(DataFiles.list(root: root) == ["Z.ndjson", "instagram/a.csv", "instagram/b.csv", "x/deep/c.jsonl"])
        #expect(DataFiles.list(root: root + "/missing").isEmpty)
    }
}
