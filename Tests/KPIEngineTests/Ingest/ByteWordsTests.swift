import Testing
@testable import KPIEngine

/// The word-at-a-time readings of field bytes against byte-by-byte ones, over many generated
/// values: where a field ends (``OnePassFraming/fieldEnd(_:from:delimiter:)``), a value's
/// letters made small (``FieldText/lowercasedWord``), its white space trimmed, the `Total` of a
/// summary row (``FieldText/saysTotal``) and the placeholders of no value
/// (``FieldText/isMissing``).
@Suite struct ByteWordsTests {
    /// Bytes that mean something to the framing or the words, and some that do not.
    static let alphabet: [UInt8] = Array("aAzZtToOlLsS@[`{09,;\"\t\r\n ".utf8) + [0, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]

    /// Values of 0 to 12 bytes of `alphabet`, from a fixed seed.
    static func values(count: Int) -> [[UInt8]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % 13)).map { _ in alphabet[next() % alphabet.count] } }
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")])
    func fieldEndsWhereTheFirstStoppingByteIs(delimiter: UInt8) {
        for value in Self.values(count: 20_000) {
            // Framing reads at least eight bytes; the text may end right after the value.
            let text = value + Array("12345678".utf8).prefix(max(0, 8 - value.count))
            for start in 0...value.count {
                var expected: Int? = text.count
                for index in start..<text.count {
                    let byte = text[index]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D { expected = index; break }
                    if byte == UInt8(ascii: "\"") || byte < 0x20 || byte >= 0x80 { expected = nil; break }
                }
                let end = text.withUnsafeBytes { OnePassFraming.fieldEnd($0, from: start, delimiter: delimiter) }
                #expect(end == expected, "\(text) from \(start)")
            }
        }
    }

    @Test func wordsTrimmingAndTotalsAsByteByByte() {
        let named = ["Total", " totals ", "TOTAL\t", "Totalx", "total", "NeUtRaL", "N/A", " null", "NULL", "nul", "Undefined ",
                     "undefine", "-", " -- ", "---", "n/ab", "m/a"]
        for value in Self.values(count: 20_000) + named.map({ Array($0.utf8) }) {
            value.withUnsafeBytes { bytes in
                let field = FieldText(bytes: bytes)
                let lowered = value.map(FieldText.lowercased)
                var word: UInt64 = 0
                for (index, byte) in lowered.enumerated() where index < 8 { word |= UInt64(byte) << UInt64(index * 8) }
                #expect(field.lowercasedWord == (value.isEmpty || value.count > 8 ? nil : word), "\(value)")
                var start = 0
                var end = value.count
                while start < end, FieldText.isSpace(value[start]) { start += 1 }
                while end > start, FieldText.isSpace(value[end - 1]) { end -= 1 }
                #expect(Array(field.trimmed.bytes) == Array(value[start..<end]), "\(value)")
                let lowercasedTrimmed = Array(lowered[start..<end])
                let total = value.count >= 5 && value.count <= 8
                    && (lowercasedTrimmed == Array("total".utf8) || lowercasedTrimmed == Array("totals".utf8))
                #expect(field.saysTotal == total, "\(value)")
                let missing = ["", "-", "--", "n/a", "null", "undefined"].contains { Array($0.utf8) == lowercasedTrimmed }
                #expect(field.isMissing == missing, "\(value)")
            }
        }
    }
}
