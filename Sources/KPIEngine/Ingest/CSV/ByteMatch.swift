/// Finds given bytes eight at a time in a 64-bit word (SWAR), without a branch per byte.
enum ByteMatch {
    /// 0x01 in every byte: `UInt64(byte) &* everyByte` repeats a byte eight times.
    static let everyByte: UInt64 = 0x0101_0101_0101_0101

    /// The high bit of every byte of `word` equal to the byte repeated in `pattern`, and no
    /// other bit: the first match is `trailingZeroBitCount / 8` bytes in (little-endian load).
    @inline(__always)
    static func bytes(of word: UInt64, equalTo pattern: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let zeroWhereEqual = word ^ pattern
        return ~(((zeroWhereEqual & lows) &+ lows) | zeroWhereEqual | lows)
    }

    /// The high bit of every byte of `word` below 0x20 (a control byte) or from 0x80 on (not
    /// ASCII), and no other bit. Exact for every byte (no carry from one byte into the next).
    @inline(__always)
    static func controlOrNotASCII(_ word: UInt64) -> UInt64 {
        // (byte & 0x7F) + 0x60 has its high bit set from 0x20 on.
        let printable = (word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x6060_6060_6060_6060
        return (~printable | word) & 0x8080_8080_8080_8080
    }
}
