import TOMLKit

/// Finds, before TOMLKit parses a text, the mistakes it cannot report itself:
/// - a NUL byte (TOMLKit passes the text on as a C string, so it would read only up to it);
/// - a table header whose name does not start with a key character (`[{`, `[` alone on a
///   line): the toml++ parser inside TOMLKit checks that with an assertion and aborts the
///   program (found by the goals fuzz target).
enum TOMLInputGuard {
    /// The first such mistake in `text`, with its line; nil when the text is safe to parse.
    static func problem(in text: String, file: String) -> ConfigProblem? {
        let bytes = Array(text.utf8)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let content = bytes[start..<end]
            if content.contains(0) {
                return ConfigProblem(file: file, line: line, reason: "not text (NUL byte)")
            }
            // A line that looks like such a header is one when it starts a statement, that is
            // when the text before it parses (else it lies inside a multi-line string or array).
            if abortsParser(header: content, endsWithLineFeed: end < bytes.count),
               (try? TOMLTable(string: String(decoding: bytes[..<start], as: UTF8.self))) != nil {
                return ConfigProblem(file: file, line: line,
                                     reason: "expected a table name after '[' (a bare name or one in quotes)")
            }
            line += 1
            start = end + 1
        }
        return nil
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
