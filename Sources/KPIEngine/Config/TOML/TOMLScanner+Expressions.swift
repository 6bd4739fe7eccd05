extension TOMLScanner {
    /// One line of a document: blank, a comment, `key = value` or a table header, each with an
    /// optional comment after it.
    mutating func expression() throws(TOMLSyntaxError) {
        skipBlanks()
        guard let byte = current, byte != .hash, byte != .lineFeed, byte != .carriageReturn else {
            try expectLineEnd(after: "a comment")
            return
        }
        if byte == UInt8(ascii: "[") {
            try tableHeader()
            try expectLineEnd(after: "the table header")
        } else {
            try keyValue(depth: 0)
            try expectLineEnd(after: "the value (one key = value per line)")
        }
    }

    /// `[name]` or `[[name]]`, the name a key, dotted or not.
    mutating func tableHeader() throws(TOMLSyntaxError) {
        index += 1
        let isArrayOfTables = skip(UInt8(ascii: "["))
        skipBlanks()
        guard let byte = current, byte.isBareKeyCharacter || byte == .doubleQuote || byte == .singleQuote else {
            throw error("expected a table name after '[' (a bare name or one in quotes)")
        }
        try key()
        guard skip(UInt8(ascii: "]")) else {
            throw error("expected '\(isArrayOfTables ? "]]" : "]")' after the table name, found \(describeCurrent())")
        }
        if isArrayOfTables, !skip(UInt8(ascii: "]")) {
            throw error("expected ']]' after the table name, found \(describeCurrent())")
        }
    }

    /// `key = value`, the key dotted or not.
    mutating func keyValue(depth: Int) throws(TOMLSyntaxError) {
        try key()
        guard skip(UInt8(ascii: "=")) else {
            throw error("expected '=' after the key, found \(describeCurrent())")
        }
        skipBlanks()
        try value(depth: depth)
    }

    /// Simple keys joined by dots (blanks around the dots allowed), and the blanks after them.
    mutating func key() throws(TOMLSyntaxError) {
        repeat {
            skipBlanks()
            try simpleKey()
            skipBlanks()
        } while skip(UInt8(ascii: "."))
    }

    /// A bare key (letters, digits, `-`, `_`) or a quoted one (a basic or literal string on one line).
    private mutating func simpleKey() throws(TOMLSyntaxError) {
        guard let byte = current else { throw error("expected a key, found the end of the file") }
        if byte == .doubleQuote || byte == .singleQuote {
            guard peek(ahead: 1) != byte || peek(ahead: 2) != byte else {
                throw error("a key cannot be a multi-line string")
            }
            try string()
            return
        }
        guard byte.isBareKeyCharacter else {
            throw error("expected a key (letters, digits, '-', '_', or a name in quotes), found \(describeCurrent())")
        }
        while current?.isBareKeyCharacter == true { index += 1 }
    }
}
