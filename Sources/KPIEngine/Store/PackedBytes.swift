/// Numbers written into a byte array and read back from it, for data kept packed in memory (a
/// file's ``DaySums``): fixed-width little-endian integers where they must be found without
/// reading what comes before them, and otherwise variable-length integers (7 bits a byte,
/// signed ones zigzag-coded), so that small numbers take one or two bytes.
enum PackedBytes {
    static func appendFixed<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func fixed<T: FixedWidthInteger>(_ type: T.Type, in bytes: [UInt8], at offset: Int) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }

    static func appendUnsigned(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    static func appendSigned(_ value: Int64, to bytes: inout [UInt8]) {
        appendUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }

    /// The variable-length integer at `offset`, which is moved past it.
    static func unsigned(in bytes: [UInt8], at offset: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    static func signed(in bytes: [UInt8], at offset: inout Int) -> Int64 {
        let raw = unsigned(in: bytes, at: &offset)
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }
}
