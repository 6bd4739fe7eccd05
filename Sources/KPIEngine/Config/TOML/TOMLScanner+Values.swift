extension TOMLScanner {
    /// A value: a string, an array, an inline table, or a scalar (number, boolean, date or time).
    mutating func value(depth: Int) throws(TOMLSyntaxError) {
        switch current {
        case .doubleQuote?, .singleQuote?: try string()
        case UInt8(ascii: "[")?: try array(depth: depth + 1)
        case UInt8(ascii: "{")?: try inlineTable(depth: depth + 1)
        default: try scalar()
        }
    }

    /// `[ value, value, ]`: over several lines if need be, with comments, a trailing comma allowed.
    private mutating func array(depth: Int) throws(TOMLSyntaxError) {
        let start = index
        guard depth <= TOMLValidator.deepestNesting else {
            throw error("arrays and inline tables nested more than \(TOMLValidator.deepestNesting) deep")
        }
        index += 1
        while true {
            skipBlanksCommentsAndNewlines()
            if skip(UInt8(ascii: "]")) { return }
            guard !isAtEnd else { throw error("an array is never closed (']' missing)", at: start) }
            try value(depth: depth)
            skipBlanksCommentsAndNewlines()
            if skip(UInt8(ascii: "]")) { return }
            guard !isAtEnd else { throw error("an array is never closed (']' missing)", at: start) }
            guard skip(UInt8(ascii: ",")) else {
                throw error("expected ',' or ']' after an array's item, found \(describeCurrent())")
            }
        }
    }

    /// `{ key = value, key = value }` on one line (its values may span lines), no trailing comma.
    private mutating func inlineTable(depth: Int) throws(TOMLSyntaxError) {
        guard depth <= TOMLValidator.deepestNesting else {
            throw error("arrays and inline tables nested more than \(TOMLValidator.deepestNesting) deep")
        }
        index += 1
        skipBlanks()
        if skip(UInt8(ascii: "}")) { return }
        while true {
            try keyValue(depth: depth)
            skipBlanks()
            if skip(UInt8(ascii: "}")) { return }
            guard skip(UInt8(ascii: ",")) else {
                let found = describeCurrent()
                if found.hasPrefix("the end") { throw error("an inline table must close on its line ('}' missing)") }
                throw error("expected ',' or '}' after an inline table's value, found \(found)")
            }
            skipBlanks()
            if current == UInt8(ascii: "}") { throw error("an inline table cannot end with ','") }
        }
    }

    /// A number, boolean, date or time: the bytes up to the value's end, checked as a whole.
    private mutating func scalar() throws(TOMLSyntaxError) {
        let start = index
        while let byte = current, !Self.endsScalar(byte) { index += 1 }
        guard index > start else { throw error("expected a value, found \(describeCurrent())") }
        // A date, a space and a digit: a date-time with a space for the 'T' (1979-05-27 07:32:00).
        if index - start == 10, current == .space, peek(ahead: 1)?.isDigit == true,
           TOMLDateTime.isDateShaped(bytes[start..<index]) {
            index += 1
            while let byte = current, !Self.endsScalar(byte) { index += 1 }
        }
        if let reason = Self.scalarProblem(bytes[start..<index]) { throw error(reason, at: start) }
    }

    /// What is wrong with `token` as a boolean, number, date or time; nil when nothing is.
    private static func scalarProblem(_ token: ArraySlice<UInt8>) -> String? {
        if token.elementsEqual("true".utf8) || token.elementsEqual("false".utf8) { return nil }
        if TOMLDateTime.looksLikeDateOrTime(token) { return TOMLDateTime.problem(in: token) }
        if let first = token.first,
           first.isDigit || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || token.elementsEqual("inf".utf8) || token.elementsEqual("nan".utf8) {
            return TOMLNumber.problem(in: token)
        }
        return "\(TOMLSyntaxError.quoted(token)) is not a value (a string needs quotes; true and false are lower case)"
    }

    /// Blanks, line ends, a comment, and the separators of arrays and inline tables end a scalar.
    private static func endsScalar(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .lineFeed || byte == .carriageReturn || byte == .hash
            || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
    }
}
