extension TOMLScanner {
    /// A basic (`"…"`) or literal (`'…'`) string, on one line or, tripled, on several.
    mutating func string() throws(TOMLSyntaxError) {
        let quote = bytes[index]
        if peek(ahead: 1) == quote, peek(ahead: 2) == quote {
            try multiLineString(quote: quote)
        } else {
            try singleLineString(quote: quote)
        }
    }

    private mutating func singleLineString(quote: UInt8) throws(TOMLSyntaxError) {
        index += 1
        while let byte = current {
            if byte == quote {
                index += 1
                return
            }
            if byte == .lineFeed || byte == .carriageReturn { break }
            if byte == .backslash && quote == .doubleQuote {
                try escape()
            } else {
                index += 1
            }
        }
        throw error("a string must end on its line (closing \(quote == .doubleQuote ? "\"" : "'") missing)")
    }

    /// Up to two quotes in a row inside; the closing three may be followed by up to two more,
    /// which belong to the text.
    private mutating func multiLineString(quote: UInt8) throws(TOMLSyntaxError) {
        let start = index
        index += 3
        while let byte = current {
            if byte == quote, peek(ahead: 1) == quote, peek(ahead: 2) == quote {
                index += 3
                if skip(quote) { _ = skip(quote) }
                return
            }
            if byte == .backslash && quote == .doubleQuote {
                if peek(ahead: 1) == .space || peek(ahead: 1) == .tab || peek(ahead: 1) == .lineFeed
                    || peek(ahead: 1) == .carriageReturn {
                    try lineEndingBackslash()
                } else {
                    try escape()
                }
            } else {
                index += 1
            }
        }
        let delimiter = String(repeating: quote == .doubleQuote ? "\"" : "'", count: 3)
        throw error("a multi-line string is never closed (\(delimiter) missing)", at: start)
    }

    /// `\` at the end of a line (blanks may follow it): the line end and the blanks and line
    /// ends after it are left out of the text.
    private mutating func lineEndingBackslash() throws(TOMLSyntaxError) {
        let backslash = index
        index += 1
        skipBlanks()
        guard skipNewline() else {
            throw error("a backslash followed by a blank must end the line (write \\\\ for a backslash)", at: backslash)
        }
        while skipNewline() || skip(.space) || skip(.tab) {}
    }

    /// `\b \t \n \f \r \" \\`, `\uXXXX` or `\UXXXXXXXX` (a Unicode scalar value).
    private mutating func escape() throws(TOMLSyntaxError) {
        let backslash = index
        guard let letter = peek(ahead: 1) else { throw error("a backslash ends the file") }
        index += 2
        switch letter {
        case UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "r"),
             .doubleQuote, .backslash:
            return
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = letter == UInt8(ascii: "u") ? 4 : 8
            var scalar: UInt32 = 0
            for _ in 0..<count {
                guard let digit = current, digit.isHexDigit else {
                    throw error("\\\(letter == UInt8(ascii: "u") ? "u" : "U") needs \(count) hexadecimal digits", at: backslash)
                }
                scalar = scalar << 4 | UInt32(Character(Unicode.Scalar(digit)).hexDigitValue!)
                index += 1
            }
            guard Unicode.Scalar(scalar) != nil else {
                throw error("\\\(letter == UInt8(ascii: "u") ? "u" : "U") escape is not a Unicode character (a surrogate or above 10FFFF)", at: backslash)
            }
        default:
            let shown = letter > 0x20 && letter < 0x7F ? "\\\(Character(Unicode.Scalar(letter)))" : "a backslash"
            throw error("unknown escape \(shown) in a string (write \\\\ for a backslash, or use a 'literal string')", at: backslash)
        }
    }
}
