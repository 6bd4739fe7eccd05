import Testing
@testable import KPIEngine

@Suite struct IncrementalConsumeTests {
    private let text = "date,id,title,likes\n2026-11-20,1,\"quoted, \"\"with\"\"\nnewline\",5\r\n2026-11-21,2,plain,6\n2026-11-22,3,\"last\",7"

    @Test(arguments: [1, 2, 3, 5, 7, 16])
    func chunksGiveTheSameRowsAsOneRead(chunkSize: Int) {
        let whole = Ingest.parse(text)
        let chunked = Ingest.parse(text, chunkSize: chunkSize)
        #expect(whole.metricsRows.count == 3)
        #expect(chunked.metricsRows == whole.metricsRows)
    }

    @Test func incompleteLastLineWaitsForMoreBytesOrFinish() {
        var parser = FileParser(relativePath: "x/a.csv", context: IngestContext(clock: Ingest.utc))
        var sink = CollectingSink()
        func feed(_ text: String) {
            Array(text.utf8).withUnsafeBytes { parser.consume($0, into: &sink) }
        }
        feed("date,likes\n2026-11-20,5\n2026-11-21,")
        #expect(sink.metricsRows.count == 1)
        #expect(parser.hasPendingLine)
        #expect(parser.consumedBytes == 35)
        feed("6\n2026-11-22,7")
        #expect(sink.metricsRows.map(\.values[.likes]) == [5, 6])
        #expect(parser.hasPendingLine)
        parser.finish(into: &sink)
        #expect(!parser.hasPendingLine)
        #expect(sink.metricsRows.map(\.line) == [2, 3, 4])
    }

    @Test func byteOrderMarkSplitAcrossChunks() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("date,likes\n2026-11-20,5\n".utf8)
        #expect(Ingest.parse(bytes, chunkSize: 1).metricsRows.count == 1)
        let units = Array("date,likes\n2026-11-20,5\n".utf16)
        let utf16: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(Ingest.parse(utf16, chunkSize: 3).metricsRows.first?.values[.likes] == 5)
    }
}
