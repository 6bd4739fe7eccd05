/// The bytes of one field value (CSV quotes removed), valid only while its record's bytes are.
struct FieldText {
    var bytes: UnsafeRawBufferPointer
    /// True when the value was quoted in CSV and holds doubled quotes (`""`) standing for one.
    var hasDoubledQuotes = false

    static var empty: FieldText { FieldText(bytes: UnsafeRawBufferPointer(start: nil, count: 0)) }

    var count: Int { bytes.count }
    var isEmpty: Bool { bytes.isEmpty }
    subscript(index: Int) -> UInt8 { bytes[index] }

    /// The value without leading and trailing ASCII white space.
    @inline(__always)
    var trimmed: FieldText {
        // Most values have none: looking at both ends tells.
        guard let first = bytes.first, Self.isSpace(first) || Self.isSpace(bytes[bytes.count &- 1]) else { return self }
        return trimmingSpace()
    }

    private func trimmingSpace() -> FieldText {
        var start = 0
        var end = bytes.count
        while start < end, Self.isSpace(bytes[start]) { start += 1 }
        while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
        return FieldText(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), hasDoubledQuotes: hasDoubledQuotes)
    }

    /// True when the value is empty or only white space.
    var isBlank: Bool {
        for byte in bytes where !Self.isSpace(byte) { return false }
        return true
    }

    /// Empty, or one of the placeholders real exports write for "no value"
    /// (`-`, `--`, `undefined`, `N/A`, `null`), after trimming.
    @inline(__always)
    var isMissing: Bool {
        let text = trimmed
        switch text.count {
        case 0: return true
        case 1: return text[0] == UInt8(ascii: "-")
        case 2: return text[0] == UInt8(ascii: "-") && text[1] == UInt8(ascii: "-")
        // `n/a`, `null` as little-endian words (``lowercasedWord``).
        case 3: return text.lowercasedWord == 0x61_2F6E
        case 4: return text.lowercasedWord == 0x6C6C_756E
        case 9: return text[0] | 0x20 == UInt8(ascii: "u") && text.equalsIgnoringCase("undefined")
        default: return false
        }
    }

    /// True when the value, trimmed, is the word of a summary row: `Total` or `Totals` in any
    /// case.
    @inline(__always)
    var saysTotal: Bool {
        guard count >= 5, count <= 8 else { return false }
        // The word starts with a `t`, or the value with white space.
        let first = bytes[0]
        guard first | 0x20 == UInt8(ascii: "t") || Self.isSpace(first) else { return false }
        let word = trimmed
        return word.equalsIgnoringCase("total") || word.equalsIgnoringCase("totals")
    }

    /// True when the bytes equal `lowercaseASCII` ignoring ASCII case.
    func equalsIgnoringCase(_ lowercaseASCII: StaticString) -> Bool {
        guard lowercaseASCII.utf8CodeUnitCount == bytes.count else { return false }
        let expected = lowercaseASCII.utf8Start
        for index in 0..<bytes.count where Self.lowercased(bytes[index]) != expected[index] {
            return false
        }
        return true
    }

    /// The value's bytes, when there are one to eight, as a little-endian word with the ASCII
    /// capitals made small letters: equal to a word of small letters of the same length (as
    /// little-endian bytes) when the value is that word in any case. Nil for an empty or longer
    /// value.
    @inline(__always)
    var lowercasedWord: UInt64? {
        let count = bytes.count
        guard UInt(bitPattern: count &- 1) < 8 else { return nil }
        let base = bytes.baseAddress.unsafelyUnwrapped
        var word: UInt64
        if count >= 4 {
            // Two loads of four bytes that overlap when there are fewer than eight.
            let low = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            word = low | high &<< UInt64((count &- 4) &* 8)
        } else {
            word = 0
            for index in 0..<count { word |= UInt64(bytes[index]) &<< UInt64(index &* 8) }
        }
        // A capital's byte is from 0x41 to 0x5A: the high bit of (byte & 0x7F) + 0x3F is set
        // from 0x41 on, that of (byte & 0x7F) + 0x25 from 0x5B on; no byte carries into the next.
        let lows = word & 0x7F7F_7F7F_7F7F_7F7F
        let capitals = (lows &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(lows &+ 0x2525_2525_2525_2525) & ~word & 0x8080_8080_8080_8080
        return word | capitals &>> 2
    }

    /// The value as text (invalid UTF-8 repaired, `""` turned into `"`).
    func string() -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return hasDoubledQuotes ? text.replacingDoubledQuotes() : text
    }

    /// The value as text for an error message: trimmed, at most 40 characters.
    func excerpt() -> String {
        let text = trimmed.string()
        return text.count > 40 ? String(text.prefix(40)) : text
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

extension String {
    func replacingDoubledQuotes() -> String {
        var result = ""
        var previousWasQuote = false
        for character in self {
            if character == "\"" && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = character == "\""
            result.append(character)
        }
        return result
    }
}
