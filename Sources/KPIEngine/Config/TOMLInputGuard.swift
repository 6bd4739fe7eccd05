import TOMLKit

/// Finds, before TOMLKit parses a text, the mistakes it cannot report itself:
/// - a NUL byte (TOMLKit passes the text on as a C string, so it would read only up to it),
///   and any other control character but tab and line ends (TOML allows none);
/// - what the toml++ parser inside TOMLKit checks with an assertion, aborting the program:
///   a table header whose name does not start with a key character (`[{`, `[` alone on a
///   line; found by the goals fuzz target), a value that starts as a date and a `T` with
///   no digit after it (`a = 1979-05-27T:`, also as an array's item or before ` =`; found by
///   the config fuzz target), a value that starts with a year but is no date or date-time
///   (`a = 2026-12-31 1`; goals), and a bracket that closes the wrong one (`n = [}`; goals).
enum TOMLInputGuard {
    /// The first such mistake in `text`, with its line; nil when the text is safe to parse.
    static func problem(in text: String, file: String) -> ConfigProblem? {
        let bytes = Array(text.utf8)
        let bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let nul = bytes.firstIndex(of: 0) {
            let line = 1 + bytes[..<nul].count { $0 == 0x0A }
            return ConfigProblem(file: file, line: line, reason: "not text (NUL byte)")
        }
        // TOML allows no control character but tab and line ends, in strings and comments
        // either; toml++ asserts on some of them (`n=2026-12-3\u{1} 1`).
        if let control = bytes.firstIndex(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }) {
            let line = 1 + bytes[..<control].count { $0 == 0x0A }
            let code = String(bytes[control], radix: 16, uppercase: true)
            return ConfigProblem(file: file, line: line,
                                 reason: "control character U+\(String(repeating: "0", count: 4 - code.count) + code) (TOML allows none but tab)")
        }
        // Values first: the header check below parses the text before a header, which must
        // not hold a value that aborts the parser either.
        if let problem = valueProblem(in: bytes) {
            return ConfigProblem(file: file, line: problem.line, reason: problem.reason)
        }
        var start = bodyStart
        var line = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            // A line that looks like such a header is one when it starts a statement, that is
            // when the text before it parses (else it lies inside a multi-line string or array).
            if abortsParser(header: bytes[start..<end], endsWithLineFeed: end < bytes.count),
               (try? TOMLTable(string: String(decoding: bytes[..<start], as: UTF8.self))) != nil {
                return ConfigProblem(file: file, line: line,
                                     reason: "expected a table name after '[' (a bare name or one in quotes)")
            }
            line += 1
            start = end + 1
        }
        return nil
    }

    /// The first value toml++ would abort on, outside strings and comments, with its line:
    /// - one that starts `YYYY-MM-DD` and `T` and goes on with neither a digit nor the value's
    ///   end (toml++ takes it for a date-time and asserts a digit after the `T`); a key spelled
    ///   so (`1979-05-27Tx = 1`, `[1979-05-27Tx]`) is a key, and fine;
    /// - a `]` or `}` that closes the wrong bracket of an array or inline table (`n = [}`:
    ///   toml++ asserts that a value starts there).
    private static func valueProblem(in bytes: [UInt8]) -> (line: Int, reason: String)? {
        var index = 0
        var line = 1
        var previous = UInt8(ascii: "\n")
        /// The last byte that is not blank (space, tab, line end), outside comments.
        var significant = UInt8(ascii: "\n")
        /// The open arrays (`[`) and inline tables (`{`) of the value being read.
        var open: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = endOfString(bytes, at: index, line: &line)
                previous = byte
                significant = byte
                continue
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
            let inValue = !open.isEmpty
            if Self.startsValue(after: previous), startsBrokenDateTime(bytes, at: index),
               !isKey(bytes, at: index, afterEquals: significant == UInt8(ascii: "="), inValue: inValue,
                      inArray: open.last == UInt8(ascii: "[")) {
                return (line, "a date-time needs a time after 'T' (such as 1979-05-27T07:32:00)")
            }
            if Self.startsValue(after: previous), startsWithYear(bytes, at: index),
               !isKey(bytes, at: index, afterEquals: significant == UInt8(ascii: "="), inValue: inValue,
                      inArray: open.last == UInt8(ascii: "[")),
               !isDateValue(dateToken(bytes, at: index)) {
                return (line, "not a date or a date-time (such as 2026-12-31 or 1979-05-27T07:32:00Z)")
            }
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if inValue || significant == UInt8(ascii: "=") { open.append(byte) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                let opener = byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                if open.last == opener {
                    open.removeLast()
                } else if let last = open.last {
                    let inside = last == UInt8(ascii: "[") ? "an array" : "an inline table"
                    return (line, "'\(Character(Unicode.Scalar(byte)))' inside \(inside), which it does not close")
                }
            default:
                break
            }
            if ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(byte) {
                significant = byte
            }
            previous = byte
            index += 1
        }
        return nil
    }

    /// Whether a value or a key can start after `byte`.
    private static func startsValue(after byte: UInt8) -> Bool {
        [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "="),
         UInt8(ascii: "["), UInt8(ascii: ","), UInt8(ascii: "{")].contains(byte)
    }

    /// Characters that end a value (toml++'s value terminators, in ASCII).
    private static func endsValue(_ byte: UInt8) -> Bool {
        [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "]"),
         UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "#")].contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `YYYY-MM-DD` and `T` or `t` at `index`, then a byte that is neither a digit nor the end.
    private static func startsBrokenDateTime(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 11 < bytes.count else { return false }
        for offset in 0..<10 {
            let byte = bytes[index + offset]
            guard offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : isDigit(byte) else { return false }
        }
        let separator = bytes[index + 10], next = bytes[index + 11]
        return (separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")) && !isDigit(next) && !endsValue(next)
    }

    /// Four digits and `-` at `index`: toml++ reads what follows as a date.
    private static func startsWithYear(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 4 < bytes.count, bytes[index + 4] == UInt8(ascii: "-") else { return false }
        return (0..<4).allSatisfy { isDigit(bytes[index + $0]) }
    }

    /// The value that starts at `index` as toml++ takes it for a date: up to the value's end,
    /// and a time after a space (`1979-05-27 07:32:00`) when a digit follows the space.
    private static func dateToken(_ bytes: [UInt8], at index: Int) -> ArraySlice<UInt8> {
        var end = index
        while end < bytes.count, !endsValue(bytes[end]) { end += 1 }
        if end - index == 10, end + 1 < bytes.count, bytes[end] == UInt8(ascii: " "), isDigit(bytes[end + 1]) {
            end += 1
            while end < bytes.count, !endsValue(bytes[end]) { end += 1 }
        }
        return bytes[index..<end]
    }

    /// A TOML local date, or date-time: `YYYY-MM-DD`, then `T`, `t` or a space, `HH:MM:SS`, an
    /// optional fraction, and an optional `Z`, `z` or `±HH:MM`.
    private static func isDateValue(_ token: ArraySlice<UInt8>) -> Bool {
        let text = Array(token)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= text.count && range.allSatisfy { isDigit(text[$0]) } }
        func byte(_ at: Int, _ character: Character) -> Bool { at < text.count && text[at] == character.asciiValue! }
        guard digits(0..<4), byte(4, "-"), digits(5..<7), byte(7, "-"), digits(8..<10) else { return false }
        if text.count == 10 { return true }
        guard byte(10, "T") || byte(10, "t") || byte(10, " "),
              digits(11..<13), byte(13, ":"), digits(14..<16), byte(16, ":"), digits(17..<19) else { return false }
        var at = 19
        if byte(at, ".") {
            at += 1
            let start = at
            while at < text.count, isDigit(text[at]) { at += 1 }
            guard at > start else { return false }
        }
        if at == text.count { return true }
        if byte(at, "Z") || byte(at, "z") { return at + 1 == text.count }
        guard byte(at, "+") || byte(at, "-"), digits(at + 1..<at + 3), byte(at + 3, ":"), digits(at + 4..<at + 6) else {
            return false
        }
        return at + 6 == text.count
    }

    /// True when the word at `index` is a key: `=` follows it (and it is neither the value of a
    /// key nor an item of an array), or it names a table (`[` before, outside any value).
    private static func isKey(_ bytes: [UInt8], at index: Int, afterEquals: Bool, inValue: Bool, inArray: Bool) -> Bool {
        if afterEquals || inArray { return false }
        var end = index
        while end < bytes.count, !endsValue(bytes[end]) { end += 1 }
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "=") { return true }
        guard !inValue else { return false }
        var before = index - 1
        while before >= 0, bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") { before -= 1 }
        guard before >= 0, bytes[before] == UInt8(ascii: "[") else { return false }
        before -= 1
        if before >= 0, bytes[before] == UInt8(ascii: "[") { before -= 1 }
        while before >= 0, bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") { before -= 1 }
        return before < 0 || bytes[before] == UInt8(ascii: "\n")
    }

    /// The index just after the string that opens at `index` (basic or literal, on one line
    /// or on several), or of the line feed that ends an unterminated one; counts its lines.
    private static func endOfString(_ bytes: [UInt8], at index: Int, line: inout Int) -> Int {
        let quote = bytes[index]
        let isMultiLine = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        var position = index + (isMultiLine ? 3 : 1)
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\n") { line += 1 }
                position += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                guard isMultiLine else { return position }
                line += 1
            }
            if byte == quote {
                guard isMultiLine else { return position + 1 }
                if position + 2 < bytes.count, bytes[position + 1] == quote, bytes[position + 2] == quote {
                    var end = position + 3
                    while end < bytes.count, bytes[end] == quote, end < position + 5 { end += 1 }  // up to two more quotes
                    return end
                }
            }
            position += 1
        }
        return position
    }

    /// True when toml++ would call its key parser on something that is not a key: after `[`
    /// or `[[` (and spaces or tabs), neither a key character, a quote, `]` nor the end.
    private static func abortsParser(header line: ArraySlice<UInt8>, endsWithLineFeed: Bool) -> Bool {
        var index = skipBlanks(line, from: line.startIndex)
        guard index < line.endIndex, line[index] == UInt8(ascii: "[") else { return false }
        let afterBracket = line.index(after: index)
        index = skipBlanks(line, from: afterBracket)
        if index < line.endIndex, line[index] == UInt8(ascii: "[") {
            guard index == afterBracket else { return false }  // "[ [" is an error toml++ reports
            index = skipBlanks(line, from: line.index(after: index))
        }
        guard index < line.endIndex else { return endsWithLineFeed }
        let byte = line[index]
        let startsKey = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "]")
        return !startsKey
    }

    private static func skipBlanks(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") {
            index += 1
        }
        return index
    }
}
