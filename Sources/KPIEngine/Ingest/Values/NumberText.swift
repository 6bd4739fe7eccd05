/// What a field holds when read as a number.
enum NumberValue: Equatable {
    case missing
    case number(Double)
    /// Text that is no number (`abc`, `true`, `1,23` with decimal points).
    case notANumber
    /// `NaN`, `inf`, `Infinity` or an overflow.
    case notFinite
}

/// Which character separates a number's fraction: `12.5` (point) or `12,5` (comma). The other
/// one, and spaces, may group thousands.
enum DecimalConvention: Equatable, Sendable {
    case point
    case comma
}

/// The sign of money a value carries (`$12`, `12 €`, `EUR 12`).
enum MoneySign: Equatable {
    case none
    /// `$`: US dollars unless the file or the config says another currency (our choice).
    case dollar
    /// `€`, `£` or an ISO code: says the currency outright.
    case currency(Currency)
}

/// Reads numbers straight from bytes: plain and decimal numbers on a fast path; thousands
/// separators (`,` `.` or spaces, whichever the convention leaves), a currency sign or ISO code
/// before or after, a trailing `%` (a fraction) and exponents on a slow path.
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

    /// A number written with a decimal point; `NaN` is `notFinite` (JSON, mapping constants).
    static func parse(_ text: FieldText) -> NumberValue {
        parse(text, nanIsMissing: false)
    }

    /// A number written with a decimal point; `nanIsMissing` reads `NaN` as a placeholder for
    /// "no value", as CSV exports write it.
    static func parse(_ text: FieldText, nanIsMissing: Bool) -> NumberValue {
        if let plain = plainNumber(text) { return .number(plain) }
        return parseSlowly(text, convention: .point, nanIsMissing: nanIsMissing).value
    }

    /// The fast path: digits with an optional leading minus and decimal point, at most 15
    /// bytes; nil for anything else (which ``parseSlowly(_:convention:nanIsMissing:)`` reads).
    @inline(__always)
    static func plainNumber(_ text: FieldText) -> Double? {
        let count = text.count
        guard count > 0, count <= 15, let base = text.bytes.baseAddress else { return nil }
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
            guard digit == UInt8(ascii: ".") &- 0x30 else { return nil }
            index &+= 1
            fractionDigits = count &- index
            while index < count {
                digit = base.load(fromByteOffset: index, as: UInt8.self) &- 0x30
                guard digit < 10 else { return nil }
                mantissa = mantissa &* 10 &+ Int64(digit)
                index &+= 1
            }
            digits &+= fractionDigits
        }
        guard digits > 0 else { return nil }
        let magnitude = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powerOfTen(fractionDigits)
        return negative ? -magnitude : magnitude
    }

    /// The fast path to fixed point: digits with an optional leading minus, at most 13 before
    /// a point and four after it, read straight into units of 1/10,000 (exact, no rounding);
    /// nil for anything else. Without `allowsPoint` only whole numbers are read (they read the
    /// same under either decimal convention).
    @inline(__always)
    static func plainUnits(_ text: FieldText, allowsPoint: Bool = true) -> Int64? {
        let count = text.count
        guard count > 0, count <= 19, let base = text.bytes.baseAddress else { return nil }
        let negative = base.load(as: UInt8.self) == UInt8(ascii: "-")
        var index = negative ? 1 : 0
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = -1
        while index < count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            let digit = byte &- 0x30
            if digit < 10 {
                mantissa = mantissa &* 10 &+ Int64(digit)
                digits &+= 1
                if fractionDigits >= 0 { fractionDigits &+= 1 }
            } else if byte == UInt8(ascii: "."), allowsPoint, fractionDigits < 0 {
                fractionDigits = 0
            } else {
                return nil
            }
            index &+= 1
        }
        guard digits > 0, fractionDigits <= 4, digits - max(0, fractionDigits) <= 13 else { return nil }
        let units = mantissa &* unitScale[max(0, fractionDigits)]
        return negative ? -units : units
    }

    /// 10^(4 - n): what a value with n decimals is multiplied by to give units.
    private static let unitScale: [Int64] = [10_000, 1_000, 100, 10, 1]

    /// True when `text` is digits with at most a leading minus: the same number under either
    /// convention, and no currency.
    @inline(__always)
    static func isPlainInteger(_ text: FieldText) -> Bool {
        let count = text.count
        guard count > 0 else { return false }
        var index = text[0] == UInt8(ascii: "-") ? 1 : 0
        guard index < count else { return false }
        while index < count {
            guard text[index] &- 0x30 < 10 else { return false }
            index &+= 1
        }
        return true
    }

    /// The general case: trims, recognises placeholders for "missing", strips decoration (a
    /// currency sign or code, `%`), then reads the digits under `convention`.
    static func parseSlowly(_ text: FieldText, convention: DecimalConvention,
                            nanIsMissing: Bool) -> (value: NumberValue, sign: MoneySign) {
        if text.isMissing { return (.missing, .none) }
        let trimmed = text.trimmed
        if nanIsMissing, trimmed.equalsIgnoringCase("nan") { return (.missing, .none) }
        guard let parts = Decoration(trimmed.bytes) else { return (.notANumber, .none) }
        let body = parts.body
        if isNonFiniteWord(body) { return (.notFinite, parts.sign) }
        var clean: [UInt8] = []
        clean.reserveCapacity(body.count)
        guard appendDigits(of: body, convention: convention, to: &clean) else { return (.notANumber, parts.sign) }
        guard let magnitude = Double(String(decoding: clean, as: UTF8.self)) else { return (.notANumber, parts.sign) }
        guard magnitude.isFinite else { return (.notFinite, parts.sign) }
        let value = parts.isPercent ? magnitude / 100 : magnitude
        return (.number(parts.isNegative ? -value : value), parts.sign)
    }

    /// The convention a number's separators prove, if they prove one: both separators (the
    /// last one is the decimal), one repeated (it groups thousands), or one that cannot group
    /// thousands (not followed by exactly three digits, or after a lone `0`). `1,234` and
    /// `1.234` prove nothing.
    static func provenConvention(_ text: FieldText) -> DecimalConvention? {
        var points = 0
        var commas = 0
        var last: UInt8 = 0
        var lastIndex = 0
        for index in 0..<text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                if byte == UInt8(ascii: ".") { points += 1 } else { commas += 1 }
                last = byte
                lastIndex = index
            } else if byte | 0x20 == UInt8(ascii: "e") && points + commas > 0 {
                break
            }
        }
        if points > 0 && commas > 0 { return last == UInt8(ascii: ".") ? .point : .comma }
        guard points + commas > 0 else { return nil }
        let separatorIsPoint = points > 0
        if points + commas > 1 { return separatorIsPoint ? .comma : .point }
        var after = 0
        var index = lastIndex + 1
        while index < text.count, text[index] &- 0x30 < 10 {
            after += 1
            index += 1
        }
        var before = 0
        var leadingZero = false
        index = lastIndex - 1
        while index >= 0, text[index] &- 0x30 < 10 {
            before += 1
            leadingZero = text[index] == UInt8(ascii: "0")
            index -= 1
        }
        let cannotGroup = after != 3 || before == 0 || before > 3 || (before == 1 && leadingZero)
        guard cannotGroup else { return nil }
        return separatorIsPoint ? .point : .comma
    }

    /// Copies `digits[group digits]*[decimal digits][e[+-]digits]` without the separators; false
    /// if the text has another shape (separators must split groups of three).
    private static func appendDigits(of body: UnsafeRawBufferPointer, convention: DecimalConvention,
                                     to clean: inout [UInt8]) -> Bool {
        let decimal = convention == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let group = convention == .point ? UInt8(ascii: ",") : UInt8(ascii: ".")
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
                index += 1
                continue
            }
            let separatorLength = byte == group || byte == 0x20 ? 1 : Decoration.nonBreakingSpaceLength(body, at: index)
            guard separatorLength > 0 else { break }
            guard integerDigits > 0, sawSeparator ? groupDigits == 3 : groupDigits <= 3 else { return false }
            sawSeparator = true
            groupDigits = 0
            index += separatorLength
        }
        if sawSeparator, groupDigits != 3 { return false }
        var fractionDigits = 0
        if index < body.count, body[index] == decimal {
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

/// A number's text split into its decoration (sign, currency, percent) and its digits.
private struct Decoration {
    var body: UnsafeRawBufferPointer
    var isNegative = false
    var isPercent = false
    var sign = MoneySign.none

    /// Nil when a second currency or sign makes no sense of the text.
    init?(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        var end = bytes.count
        var isNegative = false
        var sign = MoneySign.none
        func skipSpaces() {
            while start < end, bytes[start] == 0x20 || Self.nonBreakingSpaceLength(bytes, at: start) > 0 {
                start += bytes[start] == 0x20 ? 1 : Self.nonBreakingSpaceLength(bytes, at: start)
            }
            while end > start, bytes[end - 1] == 0x20 || Self.nonBreakingSpaceEnding(bytes, before: end) > 0 {
                end -= bytes[end - 1] == 0x20 ? 1 : Self.nonBreakingSpaceEnding(bytes, before: end)
            }
        }
        func skipSign() {
            guard start < end else { return }
            if bytes[start] == UInt8(ascii: "-") {
                isNegative.toggle()
                start += 1
            } else if bytes[start] == UInt8(ascii: "+") {
                start += 1
            }
        }
        skipSign()
        if let (leading, length) = Self.leadingSign(bytes, from: start, to: end) {
            sign = leading
            start += length
            skipSpaces()
            skipSign()
        }
        skipSpaces()
        if end > start, bytes[end - 1] == UInt8(ascii: "%") {
            isPercent = true
            end -= 1
            skipSpaces()
        }
        if let (trailing, length) = Self.trailingSign(bytes, from: start, to: end) {
            guard sign == .none else { return nil }
            sign = trailing
            end -= length
            skipSpaces()
        }
        self.sign = sign
        self.isNegative = isNegative
        body = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    private static let symbols: [(bytes: [UInt8], sign: MoneySign)] = [
        ([0x24], .dollar), (Array("€".utf8), .currency(.eur)), (Array("£".utf8), .currency(.gbp)),
    ]

    private static func leadingSign(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> (MoneySign, Int)? {
        let rest = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        for (symbol, sign) in symbols where rest.starts(with: symbol) { return (sign, symbol.count) }
        if rest.count > 3, let currency = isoCode(rest, at: 0), rest[3] == 0x20 || rest[3] &- 0x30 < 10 {
            return (.currency(currency), 3)
        }
        return nil
    }

    private static func trailingSign(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> (MoneySign, Int)? {
        let rest = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        for (symbol, sign) in symbols where rest.count >= symbol.count && rest.suffix(symbol.count).elementsEqual(symbol) {
            return (sign, symbol.count)
        }
        if rest.count > 3, let currency = isoCode(rest, at: rest.count - 3),
           rest[rest.count - 4] == 0x20 || rest[rest.count - 4] &- 0x30 < 10 {
            return (.currency(currency), 3)
        }
        return nil
    }

    /// Three upper-case ASCII letters at `index`, as a currency.
    private static func isoCode(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Currency? {
        for offset in 0..<3 where bytes[index + offset] < UInt8(ascii: "A") || bytes[index + offset] > UInt8(ascii: "Z") {
            return nil
        }
        return Currency(code: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + 3)]), as: UTF8.self))
    }

    /// The length of a no-break space (U+00A0) or narrow no-break space (U+202F) at `index`, or 0.
    static func nonBreakingSpaceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        if index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 { return 2 }
        if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return 3 }
        return 0
    }

    /// The length of a no-break space ending just before `end`, or 0.
    static func nonBreakingSpaceEnding(_ bytes: UnsafeRawBufferPointer, before end: Int) -> Int {
        if end >= 2, nonBreakingSpaceLength(bytes, at: end - 2) == 2 { return 2 }
        if end >= 3, nonBreakingSpaceLength(bytes, at: end - 3) == 3 { return 3 }
        return 0
    }
}
