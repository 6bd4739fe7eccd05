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

    /// Where the unquoted ASCII field from `start` in `text` (at least eight bytes) ends: the
    /// next `delimiter`, carriage return or line feed, or the end of `text`; nil when a quote or
    /// a byte that is not ASCII comes first. Eight bytes at a time.
    @inline(__always)
    static func endOfASCIIField(_ text: UnsafeRawBufferPointer, from start: Int, delimiter: UInt8) -> Int? {
        let delimiters = UInt64(delimiter) &* everyByte
        let quotes = UInt64(UInt8(ascii: "\"")) &* everyByte
        let lineFeeds = UInt64(UInt8(ascii: "\n")) &* everyByte
        let carriageReturns = UInt64(UInt8(ascii: "\r")) &* everyByte
        var position = start
        while position < text.count {
            let word = DigitWord.load(text, at: position)
            let ends = bytes(of: word, equalTo: delimiters) | bytes(of: word, equalTo: lineFeeds)
                | bytes(of: word, equalTo: carriageReturns)
            let refused = bytes(of: word, equalTo: quotes) | (word & 0x8080_8080_8080_8080)
            if ends | refused != 0 {
                guard refused == 0 || refused.trailingZeroBitCount > ends.trailingZeroBitCount else { return nil }
                return position &+ ends.trailingZeroBitCount &>> 3
            }
            position &+= 8
        }
        return text.count
    }
}
