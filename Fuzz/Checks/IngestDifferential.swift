import KPIEngine
import KPIDemo

/// The differential check of the ingestion fuzz targets: the same bytes read as one cold read
/// (all at once) and as a live follower reads them (in random pieces, as appends arrive) must
/// give the same records, rejections and notes in the same order, and the same snapshot
/// (compared in full: JSON report, daily values, posts, rejections), both while an incomplete
/// last line is held and after `finish`.
public enum IngestDifferential {
    /// The snapshot both reads are compared with: a fixed clock and "now", a 7-day window
    /// (anchored on the newest day when the data is older; the records are compared whatever
    /// their day).
    static let clock = DayClock(identifier: "UTC")!
    static let request = SnapshotRequest(window: .days(7), now: 1_795_435_200_000)  // 2026-11-23 12:00 UTC

    /// Reads `bytes` as the file `path` (with `mapping`) both ways; returns where the two
    /// reads first differ, or nil when they agree. The pieces are drawn from a generator
    /// seeded by the bytes, so one input always gives the same pieces.
    public static func mismatch(in bytes: UnsafeRawBufferPointer, path: String,
                                mapping: ColumnMapping = .empty) -> String? {
        let context = IngestContext(clock: clock, mapping: mapping)
        var whole = Reading(path: path, context: context)
        whole.consume(bytes)
        var pieces = Reading(path: path, context: context)
        var generator = SplitMix64(seed: seed(of: bytes))
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + pieceLength(&generator))
            pieces.consume(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
            offset = end
        }
        if let difference = difference(whole, pieces) { return "before finish: " + difference }
        // Without a held line, `finish` changes nothing: the reads were just compared.
        guard whole.parser.hasPendingLine || pieces.parser.hasPendingLine else { return nil }
        whole.finish()
        pieces.finish()
        return difference(whole, pieces).map { "after finish: " + $0 }
    }

    /// One read of a file, as the store reads it.
    private struct Reading {
        var parser: FileParser
        var sink: RecordingSink
        let interning: Interning

        init(path: String, context: IngestContext) {
            parser = FileParser(relativePath: path, context: context)
            sink = RecordingSink(path: path, context: context)
            interning = context.interning
        }

        mutating func consume(_ bytes: UnsafeRawBufferPointer) { parser.consume(bytes, into: &sink) }
        mutating func finish() { parser.finish(into: &sink) }

        func snapshot() -> KPISnapshot {
            var store = MetricsStore(clock: IngestDifferential.clock, interning: interning)
            store.set(sink.contribution)
            return store.snapshot(IngestDifferential.request)
        }
    }

    /// Where two reads differ: first their records, then their snapshots (the full texts,
    /// JSON report first); nil when they are the same. Values are compared as such first,
    /// which is quick; the texts settle it, since a NaN is never equal to itself.
    private static func difference(_ a: Reading, _ b: Reading) -> String? {
        if a.sink.events != b.sink.events,
           let difference = firstDifference(a.sink.events.map { "\($0)" }.joined(separator: "\n"),
                                            b.sink.events.map { "\($0)" }.joined(separator: "\n")) {
            return "records, " + difference
        }
        let (left, right) = (a.snapshot(), b.snapshot())
        if SnapshotFingerprint.same(left, right) { return nil }
        return firstDifference(SnapshotFingerprint.text(of: left), SnapshotFingerprint.text(of: right))
            .map { "snapshots, " + $0 }
    }

    /// Mostly short pieces (line ends, byte-order marks and UTF-16 pairs get split), now and
    /// then a long one.
    private static func pieceLength(_ generator: inout SplitMix64) -> Int {
        let draw = generator.next()
        switch draw % 8 {
        case 0: return 1
        case 1...5: return 1 + Int((draw >> 8) % 16)
        case 6: return 1 + Int((draw >> 8) % 256)
        default: return 1 + Int((draw >> 8) % 8192)
        }
    }

    /// FNV-1a of the bytes.
    private static func seed(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// The first line where two texts differ, with both versions.
    private static func firstDifference(_ a: String, _ b: String) -> String? {
        guard a != b else { return nil }
        let linesA = a.split(separator: "\n", omittingEmptySubsequences: false)
        let linesB = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(linesA.count, linesB.count) {
            let left = index < linesA.count ? String(linesA[index]) : "(none)"
            let right = index < linesB.count ? String(linesB[index]) : "(none)"
            if left != right { return "line \(index + 1): whole read '\(left)', read in pieces '\(right)'" }
        }
        return "texts differ"
    }
}
