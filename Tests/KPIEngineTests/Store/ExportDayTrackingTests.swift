import Foundation
import Testing
@testable import KPIEngine

/// A followed file's export day is fixed when it is first read: appends that move its
/// modification time do not move the years of its dates; a file replaced by another takes
/// the new one's.
@Suite struct ExportDayTrackingTests {
    static let context = IngestContext(clock: DayClock(identifier: "UTC")!)

    static func setModified(_ path: String, _ iso: String) throws {
        let date = Date(timeIntervalSince1970: TimeInterval(Ingest.utcMilliseconds(iso, 12) / 1000))
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    /// The days the store has, with the file's held-back rows counted as complete.
    static func days(_ file: TrackedFile, _ store: MetricsStore) -> [Day] {
        var copy = store
        copy.setPendingLine(file.pendingLineContribution(context: context), for: file.path)
        return copy.platforms.values.flatMap(\.sortedDays).sorted()
    }

    /// The file's summary once its held-back rows are read.
    static func summary(_ file: TrackedFile, _ store: MetricsStore) -> FileSummary {
        file.pendingLineContribution(context: context)?.summary ?? store.contributions[file.path]!.summary
    }

    @Test func appendsKeepTheFirstExportDayAndAReplacedFileTakesItsOwn() throws {
        let root = try TemporaryDirectory()
        let path = root.path + "/Overview.csv"
        let header = "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n"
        try (header + "\"December 30\",\"1\",\"0\",\"0\",\"0\",\"0\"\n\"December 31\",\"2\",\"0\",\"0\",\"0\",\"0\"\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try Self.setModified(path, "2026-01-03")
        var file = TrackedFile(path: "Overview.csv")
        var store = MetricsStore(clock: Self.context.clock, interning: Self.context.interning)
        #expect(file.refresh(root: root.path, context: Self.context, store: &store) == .replaced)
        #expect(file.hasPendingLine)
        #expect(Self.days(file, store) == [Ingest.day("2025-12-30"), Ingest.day("2025-12-31")])
        #expect(Self.summary(file, store).exportDay == ExportDay(day: Ingest.day("2026-01-03"), origin: .modificationTime))

        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("\"January 1\",\"3\",\"0\",\"0\",\"0\",\"0\"\n".utf8))
        try handle.close()
        try Self.setModified(path, "2027-02-01")
        #expect(file.refresh(root: root.path, context: Self.context, store: &store) == .appended)
        #expect(Self.days(file, store) == ["2025-12-30", "2025-12-31", "2026-01-01"].map(Ingest.day))
        let summary = Self.summary(file, store)
        #expect(summary.line(path: "Overview.csv") == "Overview.csv: tiktok (from header), 3 rows, dates Dec 30, 2025..Jan 1, 2026")

        let replacement = root.path + "/replacement"
        try (header + "\"December 31\",\"9\",\"0\",\"0\",\"0\",\"0\"\n").write(toFile: replacement, atomically: true, encoding: .utf8)
        try Self.setModified(replacement, "2027-02-01")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: replacement, toPath: path)
        #expect(file.refresh(root: root.path, context: Self.context, store: &store) == .replaced)
        #expect(Self.days(file, store) == [Ingest.day("2026-12-31")])
    }

    @Test func aDateInTheFileNameWinsOverTheModificationDay() throws {
        let root = try TemporaryDirectory()
        let name = "tiktok_overview_20260105.csv"
        try "Date,Video Views,Profile Views\nJanuary 2,5,1\n".write(toFile: root.path + "/" + name, atomically: true, encoding: .utf8)
        try Self.setModified(root.path + "/" + name, "2027-03-01")
        let rollup = try DataLoader(root: root.path, context: Self.context).load()
        #expect(rollup.platforms["tiktok"]?.sortedDays == [Ingest.day("2026-01-02")])
        #expect(rollup.fileSummaries.map(\.file) == [name])
        #expect(rollup.fileSummaries.first?.summary.exportDay == ExportDay(day: Ingest.day("2026-01-05"), origin: .fileName))
    }
}
