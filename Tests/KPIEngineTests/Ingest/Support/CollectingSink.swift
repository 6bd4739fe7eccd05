import Foundation
import Testing
@testable import KPIEngine

/// A sink that keeps everything it is given, for assertions.
struct CollectingSink: RecordSink {
    var metricsRows: [MetricsRow] = []
    var serviceRows: [ServiceRow] = []
    var rejections: [(line: Int, reason: String)] = []
    var notes: [String] = []

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
        mapping: ColumnMapping = .empty, chunkSize: Int? = nil
    ) -> CollectingSink {
        var parser = FileParser(relativePath: path, context: IngestContext(clock: clock, mapping: mapping))
        var sink = CollectingSink()
        bytes.withUnsafeBytes { all in
            let step = max(1, chunkSize ?? all.count)
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + step)
                parser.consume(UnsafeRawBufferPointer(rebasing: all[offset..<end]), into: &sink)
                offset = end
            }
        }
        parser.finish(into: &sink)
        return sink
    }

    static func parse(
        _ text: String, path: String = "instagram/data.csv", clock: DayClock = utc,
        mapping: ColumnMapping = .empty, chunkSize: Int? = nil
    ) -> CollectingSink {
        parse(Array(text.utf8), path: path, clock: clock, mapping: mapping, chunkSize: chunkSize)
    }

    /// The bytes of a fixture under `Fixtures/`.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    /// Parses a fixture as if it lay at `path` under the data root.
    static func parseFixture(_ name: String, path: String? = nil, mapping: ColumnMapping = .empty) throws -> CollectingSink {
        parse(try fixture("Exports/\(name)"), path: path ?? name, mapping: mapping)
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
