/// TOML's numbers: decimal integers (an optional sign, no leading zero), hexadecimal, octal
/// and binary ones (`0x`, `0o`, `0b`, no sign), all within 64 bits, and floats (a fraction, an
/// exponent or both; `inf` and `nan` with an optional sign). An underscore may sit only
/// between two digits.
enum TOMLNumber {
    /// What is wrong with `token` as a number; nil when nothing is.
    static func problem(in token: ArraySlice<UInt8>) -> String? {
        var body = token
        let sign = body.first == UInt8(ascii: "+") || body.first == UInt8(ascii: "-") ? body.popFirst() : nil
        if body.elementsEqual("inf".utf8) || body.elementsEqual("nan".utf8) { return nil }
        let notANumber = "\(TOMLSyntaxError.quoted(token)) is not a number, a date or a boolean"
        if body.count > 2, body.first == UInt8(ascii: "0"), let radix = radix(body[body.startIndex + 1]) {
            guard sign == nil else { return "a hexadecimal, octal or binary number cannot have a sign" }
            return integerProblem(body.dropFirst(2), radix: radix, negative: false)
        }
        let integerEnd = body.firstIndex { !($0.isDigit || $0 == UInt8(ascii: "_")) } ?? body.endIndex
        let integerPart = body[..<integerEnd]
        if let problem = digitsProblem(integerPart, radix: 10) { return problem == "" ? notANumber : problem }
        if integerPart.count > 1, integerPart.first == UInt8(ascii: "0") {
            return "\(TOMLSyntaxError.quoted(token)): a decimal number cannot start with 0 (write 0o for octal)"
        }
        var rest = body[integerEnd...]
        if rest.isEmpty { return integerProblem(integerPart, radix: 10, negative: sign == UInt8(ascii: "-")) }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let fractionEnd = rest.firstIndex { !($0.isDigit || $0 == UInt8(ascii: "_")) } ?? rest.endIndex
            if let problem = digitsProblem(rest[..<fractionEnd], radix: 10) {
                return problem == "" ? "a float needs digits after its '.' (such as 3.0)" : problem
            }
            rest = rest[fractionEnd...]
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            if let problem = digitsProblem(rest, radix: 10) { return problem == "" ? notANumber : problem }
            return nil
        }
        return rest.isEmpty ? nil : notANumber
    }

    private static func radix(_ letter: UInt8) -> Int? {
        switch letter {
        case UInt8(ascii: "x"): return 16
        case UInt8(ascii: "o"): return 8
        case UInt8(ascii: "b"): return 2
        default: return nil
        }
    }

    /// Digits of `radix`, underscores only between two of them: "" when `digits` is empty or
    /// holds another character, a reason about the underscores, or nil when it is fine.
    private static func digitsProblem(_ digits: ArraySlice<UInt8>, radix: Int) -> String? {
        guard !digits.isEmpty else { return "" }
        var previousIsDigit = false
        for byte in digits {
            if byte == UInt8(ascii: "_") {
                guard previousIsDigit else { return "an underscore in a number must sit between two digits" }
                previousIsDigit = false
            } else {
                guard digitValue(byte, radix: radix) != nil else { return "" }
                previousIsDigit = true
            }
        }
        return previousIsDigit ? nil : "an underscore in a number must sit between two digits"
    }

    /// Whether the digits (and underscores) of `radix` fit a 64-bit signed integer.
    private static func integerProblem(_ digits: ArraySlice<UInt8>, radix: Int, negative: Bool) -> String? {
        let names = [16: "hexadecimal ", 8: "octal ", 2: "binary "]
        if let problem = digitsProblem(digits, radix: radix) {
            return problem == "" ? "not a \(names[radix] ?? "")number: \(TOMLSyntaxError.quoted(digits))" : problem
        }
        var magnitude: UInt64 = 0
        for byte in digits where byte != UInt8(ascii: "_") {
            let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: UInt64(radix))
            let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(digitValue(byte, radix: radix)!))
            guard !overflowA, !overflowB else { return "integer out of range (64 bits)" }
            magnitude = sum
        }
        let limit = UInt64(Int64.max) + (negative ? 1 : 0)
        return magnitude <= limit ? nil : "integer out of range (64 bits)"
    }

    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        guard byte < 0x80, let value = Character(Unicode.Scalar(byte)).hexDigitValue, value < radix else { return nil }
        return value
    }
}
