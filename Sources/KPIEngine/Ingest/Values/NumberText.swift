/// What a field holds when read as a number.
enum NumberValue: Equatable {
    case missing
    case number(Double)
    /// Text that is no number (`abc`, `true`, `1,23`).
    case notANumber
    /// `NaN`, `inf`, `Infinity` or an overflow.
    case notFinite
}

/// Reads numbers straight from bytes: plain and decimal numbers on a fast path; thousands
/// separators, a leading currency sign (`$`, `€`, `£`, also after a minus), a trailing `%`
/// (a fraction) and exponents on a slow path.
enum NumberText {
    /// Exact powers of ten for the fast path (`Double(mantissa) / 10^k` is correctly rounded
    /// while the mantissa is below 2^53); a switch, so the hot path reads no global.
    private static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        default: 1e14
        }
    }

    static func parse(_ text: FieldText) -> NumberValue {
        let count = text.count
        guard count > 0, count <= 15, let base = text.bytes.baseAddress else { return parseSlowly(text) }
        let negative = base.load(as: UInt8.self) == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        var index = start
        var mantissa: Int64 = 0
        var digit: UInt8 = 0
        while index < count {
            digit = base.load(fromByteOffset: index, as: UInt8.self) &- 0x30
            guard digit < 10 else { break }
            mantissa = mantissa &* 10 &+ Int64(digit)
            index &+= 1
        }
        var digits = index &- start
        var fractionDigits = 0
        if index < count {
            guard digit == UInt8(ascii: ".") &- 0x30 else { return parseSlowly(text) }
            index &+= 1
            fractionDigits = count &- index
            while index < count {
                digit = base.load(fromByteOffset: index, as: UInt8.self) &- 0x30
                guard digit < 10 else { return parseSlowly(text) }
                mantissa = mantissa &* 10 &+ Int64(digit)
                index &+= 1
            }
            digits &+= fractionDigits
        }
        guard digits > 0 else { return parseSlowly(text) }
        let magnitude = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powerOfTen(fractionDigits)
        return .number(negative ? -magnitude : magnitude)
    }

    /// The general case: trims, recognises placeholders for "missing", strips decoration.
    private static func parseSlowly(_ text: FieldText) -> NumberValue {
        if text.isMissing { return .missing }
        let bytes = text.trimmed.bytes
        var index = 0
        var negative = false
        var percent = false
        var clean: [UInt8] = []
        clean.reserveCapacity(bytes.count)

        func skipSign() {
            guard index < bytes.count else { return }
            if bytes[index] == UInt8(ascii: "-") {
                negative.toggle()
                index += 1
            } else if bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
        }
        func skipCurrency() -> Bool {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])
            for sign in currencySigns where rest.starts(with: sign) {
                index += sign.count
                return true
            }
            return false
        }

        skipSign()
        if skipCurrency() { skipSign() }
        var end = bytes.count
        if end > index, bytes[end - 1] == UInt8(ascii: "%") {
            percent = true
            end -= 1
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[index..<end])
        if isNonFiniteWord(body) { return .notFinite }
        guard appendDigits(of: body, to: &clean) else { return .notANumber }
        guard let magnitude = Double(String(decoding: clean, as: UTF8.self)) else { return .notANumber }
        guard magnitude.isFinite else { return .notFinite }
        let value = percent ? magnitude / 100 : magnitude
        return .number(negative ? -value : value)
    }

    private static let currencySigns: [[UInt8]] = [[0x24], Array("€".utf8), Array("£".utf8)]

    /// Copies `digits[,ddd]*[.digits][e[+-]digits]` without the separators; false if the
    /// text has another shape (separators must split groups of three).
    private static func appendDigits(of body: UnsafeRawBufferPointer, to clean: inout [UInt8]) -> Bool {
        var index = 0
        var integerDigits = 0
        var groupDigits = 0
        var sawSeparator = false
        while index < body.count {
            let byte = body[index]
            if byte &- 0x30 < 10 {
                clean.append(byte)
                integerDigits += 1
                groupDigits += 1
            } else if byte == UInt8(ascii: ",") {
                guard integerDigits > 0, !sawSeparator || groupDigits == 3 else { return false }
                guard sawSeparator || groupDigits <= 3 else { return false }
                sawSeparator = true
                groupDigits = 0
            } else {
                break
            }
            index += 1
        }
        if sawSeparator, groupDigits != 3 { return false }
        var fractionDigits = 0
        if index < body.count, body[index] == UInt8(ascii: ".") {
            clean.append(UInt8(ascii: "."))
            index += 1
            while index < body.count, body[index] &- 0x30 < 10 {
                clean.append(body[index])
                fractionDigits += 1
                index += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        if index < body.count, body[index] | 0x20 == UInt8(ascii: "e") {
            clean.append(UInt8(ascii: "e"))
            index += 1
            if index < body.count, body[index] == UInt8(ascii: "-") || body[index] == UInt8(ascii: "+") {
                clean.append(body[index])
                index += 1
            }
            var exponentDigits = 0
            while index < body.count, body[index] &- 0x30 < 10 {
                clean.append(body[index])
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return false }
        }
        return index == body.count
    }

    private static func isNonFiniteWord(_ body: UnsafeRawBufferPointer) -> Bool {
        let word = FieldText(bytes: body)
        return word.equalsIgnoringCase("nan") || word.equalsIgnoringCase("inf")
            || word.equalsIgnoringCase("infinity")
    }
}
