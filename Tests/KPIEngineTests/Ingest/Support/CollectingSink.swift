import Foundation
import Testing
@testable import KPIEngine
@testable import KPIDemo

/// A sink that keeps everything it is given, for assertions.
struct CollectingSink: RecordSink {
    var metricsRows: [MetricsRow] = []
    var serviceRows: [ServiceRow] = []
    var rejections: [(line: Int, reason: String)] = []
    var notes: [String] = []
    /// The parser's summary once the file is read.
    var summary = FileSummary()

    mutating func metrics(_ row: MetricsRow) { metricsRows.append(row) }
    mutating func service(_ row: ServiceRow) { serviceRows.append(row) }
    mutating func rejected(line: Int, reason: String) { rejections.append((line, reason)) }
    mutating func note(_ text: String) { notes.append(text) }

    var rejectionReasons: [String] { rejections.map(\.reason) }
}

enum Ingest {
    static let utc = DayClock(identifier: "UTC")!
    static let berlin = DayClock(identifier: "Europe/Berlin")!

    /// Parses `bytes` as the file `path`, fed in chunks of `chunkSize` bytes (all at once when nil).
    static func parse(
        _ bytes: [UInt8], path: String = "instagram/data.csv", clock: DayClock = utc,
        mapping: ColumnMapping = .empty, chunkSize: Int? = nil, modified: String? = nil
    ) -> CollectingSink {
        parse(bytes, path: path, clock: clock, mapping: mapping, modified: modified) { remaining in
            max(1, min(remaining, chunkSize ?? remaining))
        }
    }

    /// Parses `bytes` as the file `path`, fed in pieces whose sizes `nextPiece` chooses (given
    /// the bytes left); `modified` is the file's modification day (`YYYY-MM-DD`, at noon UTC).
    static func parse(
        _ bytes: [UInt8], path: String, clock: DayClock = utc, mapping: ColumnMapping = .empty,
        modified: String? = nil, nextPiece: (Int) -> Int
    ) -> CollectingSink {
        let modificationTime = modified.map { utcMilliseconds($0, 12) * 1_000_000 }
        var parser = FileParser(relativePath: path, context: IngestContext(clock: clock, mapping: mapping),
                                modificationTime: modificationTime)
        var sink = CollectingSink()
        bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = offset + nextPiece(all.count - offset)
                parser.consume(UnsafeRawBufferPointer(rebasing: all[offset..<end]), into: &sink)
                offset = end
            }
        }
        parser.finish(into: &sink)
        sink.summary = parser.summary
        return sink
    }

    static func parse(
        _ text: String, path: String = "instagram/data.csv", clock: DayClock = utc,
        mapping: ColumnMapping = .empty, chunkSize: Int? = nil, modified: String? = nil
    ) -> CollectingSink {
        parse(Array(text.utf8), path: path, clock: clock, mapping: mapping, chunkSize: chunkSize, modified: modified)
    }

    /// Parses `bytes` whole and again in small pieces of random sizes (1 to 7 bytes, seeded),
    /// expects both readings to give the same rows, rejections, notes and summary, and returns
    /// the whole reading.
    static func parseBothWays(
        _ bytes: [UInt8], path: String, clock: DayClock = utc, mapping: ColumnMapping = .empty,
        modified: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> CollectingSink {
        let whole = parse(bytes, path: path, clock: clock, mapping: mapping, modified: modified)
        var random = SplitMix64(seed: UInt64(bytes.count))
        let pieces = parse(bytes, path: path, clock: clock, mapping: mapping, modified: modified) { remaining in
            min(remaining, 1 + Int(random.next() % 7))
        }
        #expect(pieces.metricsRows == whole.metricsRows, "rows differ in pieces", sourceLocation: sourceLocation)
        #expect(pieces.serviceRows == whole.serviceRows, "service rows differ in pieces", sourceLocation: sourceLocation)
        #expect(pieces.rejections.map { "\($0.line): \($0.reason)" } == whole.rejections.map { "\($0.line): \($0.reason)" },
                "rejections differ in pieces", sourceLocation: sourceLocation)
        #expect(pieces.notes == whole.notes, "notes differ in pieces", sourceLocation: sourceLocation)
        #expect(pieces.summary == whole.summary, "summaries differ in pieces", sourceLocation: sourceLocation)
        return whole
    }

    /// The bytes of a fixture under `Fixtures/`.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    /// A fixture under `Fixtures/Exports/`, read both ways (see ``parseBothWays``) as if it lay
    /// at `path` under the data root (its own name by default).
    static func parseFixture(_ name: String, path: String? = nil, mapping: ColumnMapping = .empty, modified: String? = nil,
                             clock: DayClock = utc, sourceLocation: SourceLocation = #_sourceLocation) throws -> CollectingSink {
        parseBothWays(try fixture("Exports/\(name)"), path: path ?? name, clock: clock, mapping: mapping, modified: modified,
                      sourceLocation: sourceLocation)
    }

    /// Runs `body` with `text` as a `FieldText`.
    static func withField<R>(_ text: String, _ body: (FieldText) -> R) -> R {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { body(FieldText(bytes: $0)) }
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// Milliseconds of a UTC date-time.
    static func utcMilliseconds(_ iso: String, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Int64 {
        StoreFixture.ms(day(iso), hour: hour, minute: minute, second: second)
    }
}
