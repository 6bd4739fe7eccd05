/// A mistake in TOML text: the byte offset where it was found and what is wrong, in words a
/// person editing the file understands.
struct TOMLSyntaxError: Error {
    let offset: Int
    let reason: String

    /// `token` in quotes for a message when it is short printable ASCII, else "this value".
    static func quoted(_ token: ArraySlice<UInt8>) -> String {
        guard token.count <= 40, token.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return "this value" }
        return "'\(String(decoding: token, as: UTF8.self))'"
    }
}

/// Reads TOML text byte by byte for `TOMLValidator`: where it is, and the small steps the
/// grammar is made of (blanks, comments, line ends). Control characters other than tab and
/// line ends were refused before it runs.
struct TOMLScanner {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index >= bytes.count }

    /// The byte at the reading position, nil at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The byte `distance` past the reading position, nil past the end.
    func peek(ahead distance: Int) -> UInt8? {
        index + distance < bytes.count ? bytes[index + distance] : nil
    }

    /// Steps over `byte` when it is next; whether it was.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    func error(_ reason: String, at offset: Int? = nil) -> TOMLSyntaxError {
        TOMLSyntaxError(offset: offset ?? index, reason: reason)
    }

    /// Spaces and tabs.
    mutating func skipBlanks() {
        while current == .space || current == .tab { index += 1 }
    }

    /// A comment, from `#` up to the line end, when one starts here.
    mutating func skipComment() {
        guard current == .hash else { return }
        while let byte = current, byte != .lineFeed, byte != .carriageReturn { index += 1 }
    }

    /// A line end (LF or CRLF) when one is next; whether it was.
    mutating func skipNewline() -> Bool {
        if skip(.lineFeed) { return true }
        guard current == .carriageReturn, peek(ahead: 1) == .lineFeed else { return false }
        index += 2
        return true
    }

    /// Blanks, comments and line ends, as between the items of an array.
    mutating func skipBlanksCommentsAndNewlines() {
        while true {
            skipBlanks()
            skipComment()
            guard skipNewline() else { return }
        }
    }

    /// Blanks and an optional comment, then a line end or the end of the text.
    mutating func expectLineEnd(after what: String) throws(TOMLSyntaxError) {
        skipBlanks()
        skipComment()
        guard isAtEnd || skipNewline() else {
            throw error("expected the end of the line after \(what), found \(describeCurrent())")
        }
    }

    /// What is at the reading position, for a message: `'x'`, "the end of the line" or
    /// "the end of the file".
    func describeCurrent() -> String {
        guard let byte = current else { return "the end of the file" }
        if byte == .lineFeed || byte == .carriageReturn { return "the end of the line" }
        if byte == .space || byte == .tab { return "a blank" }
        if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "a non-ASCII character"
    }
}

extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")

    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    var isHexDigit: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }

    /// A letter, digit, `-` or `_`: what a bare key is made of.
    var isBareKeyCharacter: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || self == UInt8(ascii: "-") || self == UInt8(ascii: "_")
    }
}
