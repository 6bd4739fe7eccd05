/// The byte form of the restart cache: numbers as variable-length integers (7 bits a byte,
/// signed ones zigzag-coded), text and byte strings after their length.
///
/// Written by hand: with `JSONEncoder` / `JSONDecoder` the cache of 20,000 small files was 27 MB
/// and decoding it was 45% of a restart's CPU (perf, docs/PERFORMANCE.md): a restart was no
/// sooner than reading the files themselves.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    /// A number of a narrower type (a day, a bit set, a code), read back by ``CacheReader/integer(_:)``.
    mutating func integer<T: FixedWidthInteger>(_ value: T) { signed(Int64(value)) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) { unsigned(value.bitPattern) }

    mutating func byteString(_ value: [UInt8]) {
        count(value.count)
        bytes += value
    }

    mutating func text(_ value: String) { byteString(Array(value.utf8)) }

    /// A flag, then the value when there is one.
    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }
}

/// Reads what a ``CacheWriter`` wrote; any byte out of place throws ``Damaged``.
struct CacheReader {
    /// The bytes do not hold what was expected (a damaged or foreign file).
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    /// How many bytes are left to read.
    var remaining: Int { bytes.count - position }

    mutating func unsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func signed() throws(Damaged) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A count of things still to read, each at least one byte: never more than the bytes left
    /// (other numbers are read with ``integer(_:)``).
    mutating func count() throws(Damaged) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) else { throw Damaged() }
        return Int(value)
    }

    mutating func bool() throws(Damaged) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Damaged() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func double() throws(Damaged) -> Double { Double(bitPattern: try unsigned()) }

    mutating func byteString() throws(Damaged) -> [UInt8] {
        let length = try count()
        defer { position += length }
        return Array(bytes[position..<position + length])
    }

    mutating func text() throws(Damaged) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    /// A number that must fit `T`.
    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(Damaged) -> T {
        guard let value = T(exactly: try signed()) else { throw Damaged() }
        return value
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws(Damaged) -> T) throws(Damaged) -> T? {
        try bool() ? try read(&self) : nil
    }
}
