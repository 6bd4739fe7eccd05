import Foundation
import Testing
@testable import KPIEngine
import KPIReport

/// The first NUL byte of a file ends it, by one rule for a cold read and a live one, however
/// the bytes arrive: the complete rows before it count, its line is rejected, nothing after
/// it is read; a NUL before the header is read means the file is not text.
@Suite struct NulByteTests {
    static let reason = "not text (NUL byte); the rest of the file is ignored"
    static let chunkSizes: [Int?] = [nil, 1, 2, 3, 5, 7, 13, 64, 4096]

    @Test(arguments: chunkSizes)
    func rowsBeforeTheNulLineCountAndItsLineIsRejected(chunkSize: Int?) {
        let bytes = Array("date,likes\n2026-11-20,1\n2026-11-21,".utf8) + [0, 1, 2]
            + Array("2\n2026-11-22,3\n".utf8)
        let sink = Ingest.parse(bytes, chunkSize: chunkSize)
        #expect(sink.metricsRows.map(\.line) == [2])
        #expect(sink.rejections.map(\.line) == [3])
        #expect(sink.rejectionReasons == [Self.reason])
    }

    @Test(arguments: chunkSizes)
    func aNulAtTheStartOfALineRejectsThatLine(chunkSize: Int?) {
        let bytes = Array("date,likes\n2026-11-20,1\n".utf8) + [0] + Array("\n2026-11-21,2\n".utf8)
        let sink = Ingest.parse(bytes, chunkSize: chunkSize)
        #expect(sink.metricsRows.map(\.line) == [2])
        #expect(sink.rejections.map(\.line) == [3])
        #expect(sink.rejectionReasons == [Self.reason])
    }

    @Test(arguments: chunkSizes)
    func aNulFarIntoTheFileFollowsTheSameRule(chunkSize: Int?) {
        var text = "date,likes\n"
        for day in 1...600 { text += "2026-11-\(String(format: "%02d", day % 28 + 1)),\(day)\n" }
        let bytes = Array(text.utf8) + Array("2026-11-01,9".utf8) + [0] + Array("9\n2026-11-02,5\n".utf8)
        #expect(bytes.count > 8192)
        let sink = Ingest.parse(bytes, chunkSize: chunkSize)
        #expect(sink.metricsRows.count == 600)
        #expect(sink.rejections.map(\.line) == [602])
        #expect(sink.rejectionReasons == [Self.reason])
    }

    @Test(arguments: chunkSizes)
    func aNulInTheHeaderMeansNotAText(chunkSize: Int?) {
        for bytes in [Array("da".utf8) + [0] + Array("te,likes\n2026-11-20,1\n".utf8),
                      [0, 0, 0, 0] + Array("date,likes\n2026-11-20,1\n".utf8),
                      Array("\n\n".utf8) + [0x1F, 0x8B, 0x08, 0x00, 0x0A, 0x41]] {
            let sink = Ingest.parse(bytes, chunkSize: chunkSize)
            #expect(sink.metricsRows.isEmpty)
            #expect(sink.rejections.count == 1)
            #expect(sink.rejections.first?.line == 0)
            #expect(sink.rejectionReasons == ["not a text file"])
        }
    }

    @Test(arguments: chunkSizes)
    func jsonLinesFollowTheSameRule(chunkSize: Int?) {
        let first = #"{"date":"2026-11-20","likes":1}"# + "\n"
        let bytes = Array((first + #"{"date":"2026-11-21","likes":"#).utf8) + [0] + Array("2}\n".utf8)
            + Array((first + first).utf8)
        let sink = Ingest.parse(bytes, path: "x/a.jsonl", chunkSize: chunkSize)
        #expect(sink.metricsRows.map(\.line) == [1])
        #expect(sink.rejections.map(\.line) == [2])
        #expect(sink.rejectionReasons == [Self.reason])

        let binary = Ingest.parse([0x7B, 0, 0x7D, 0x0A] + Array(first.utf8), path: "x/a.jsonl", chunkSize: chunkSize)
        #expect(binary.metricsRows.isEmpty)
        #expect(binary.rejections.map(\.line) == [0])
        #expect(binary.rejectionReasons == ["not a text file"])
    }

    @Test(arguments: chunkSizes)
    func aNulInsideAQuotedMultiLineFieldRejectsTheRecordAtItsFirstLine(chunkSize: Int?) {
        let bytes = Array("date,title,likes\n2026-11-20,a,1\n2026-11-21,\"two\nlines".utf8) + [0]
            + Array("\",2\n2026-11-22,b,3\n".utf8)
        let sink = Ingest.parse(bytes, chunkSize: chunkSize)
        #expect(sink.metricsRows.map(\.line) == [2])
        #expect(sink.rejections.map(\.line) == [3])
        #expect(sink.rejectionReasons == [Self.reason])
    }

    @Test(arguments: chunkSizes)
    func utf16TextFollowsTheSameRule(chunkSize: Int?) {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "date,likes\n2026-11-20,1\n2026-11-21,\u{0}2\n2026-11-22,3\n".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let sink = Ingest.parse(bytes, chunkSize: chunkSize)
        #expect(sink.metricsRows.map(\.line) == [2])
        #expect(sink.rejections.map(\.line) == [3])
        #expect(sink.rejectionReasons == [Self.reason])
    }

    @Test func nothingAfterTheNulIsReadWhenMoreIsAppended() {
        var parser = FileParser(relativePath: "instagram/a.csv", context: IngestContext(clock: Ingest.utc))
        var sink = CollectingSink()
        for part in [Array("date,likes\n2026-11-20,1\n2026-11-2".utf8), [0], Array("1,2\n".utf8),
                     Array("2026-11-22,3\n".utf8), Array("2026-11-23,4".utf8)] {
            part.withUnsafeBytes { parser.consume($0, into: &sink) }
        }
        #expect(!parser.hasPendingLine)
        parser.finish(into: &sink)
        #expect(sink.metricsRows.map(\.line) == [2])
        #expect(sink.rejections.map(\.line) == [3])
    }

    /// A file followed live (appends in pieces, as they arrive) ends as a cold read of it does.
    @Test func aLiveFileEqualsAColdReadOfTheSameBytes() throws {
        let root = try TemporaryDirectory()
        let context = IngestContext(clock: Ingest.utc)
        let path = root.path + "/instagram/a.csv"
        try FileManager.default.createDirectory(atPath: root.path + "/instagram", withIntermediateDirectories: true)
        let pieces = [Array("date,likes\n2026-11-20,1\n".utf8), Array("2026-11-21,2\n2026-11-2".utf8),
                      [0x32, 0x00, 0x2C], Array("3\n2026-11-23,4\n".utf8)]
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        var live = TrackedFile(path: "instagram/a.csv")
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        for piece in pieces {
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(piece))
            try handle.close()
            live.refresh(root: root.path, context: context, store: &store)
            store.setPendingLine(live.pendingLineContribution(context: context), for: live.path)
        }
        let cold = try DataLoader(root: root.path, context: IngestContext(clock: Ingest.utc)).load()
        let request = SnapshotRequest(window: .all, now: 0)
        #expect(store.rejections == [Rejection(file: "instagram/a.csv", line: 4, reason: Self.reason)])
        #expect(store.rejections == cold.rejections)
        #expect(JSONReport.render(store.snapshot(request)) == JSONReport.render(cold.snapshot(request)))
        #expect(store.fileSummaries.first?.summary.rows == 2)
    }
}
