/// The last bytes read of a file (up to ``capacity``), kept inline: with thousands of followed
/// files an array each was 96 bytes on the heap a file (docs/PERFORMANCE.md). A followed file
/// compares them with the file's bytes to tell an append from a rewrite.
struct TailBytes: Sendable {
    static let capacity = 64

    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var length: UInt8 = 0

    init() {}

    /// The last ``capacity`` of `bytes`.
    init(_ bytes: some Collection<UInt8>) { append(bytes) }

    var isEmpty: Bool { length == 0 }

    var count: Int { Int(length) }

    var bytes: [UInt8] { withUnsafeBytes(of: storage) { Array($0.prefix(count)) } }

    /// Keeps the last ``capacity`` of these bytes followed by `more`.
    mutating func append(_ more: some Collection<UInt8>) {
        let kept = more.count >= Self.capacity ? Array(more.suffix(Self.capacity)) : Array((bytes + more).suffix(Self.capacity))
        length = UInt8(kept.count)
        withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: kept) }
    }
}
