/// Checks, before TOMLKit parses a text, that it is valid TOML 1.0 (https://toml.io/en/v1.0.0)
/// as far as its grammar goes: keys, table headers, strings, numbers, booleans, dates and
/// times (with their ranges), arrays, inline tables, comments and the control-character rules.
/// The toml++ parser inside TOMLKit aborts the program on some malformed inputs (found by
/// fuzzing, Fuzz/README.md), and TOMLKit hands it a C string that would end at a NUL byte, so
/// it only ever sees text that passed here. What the grammar cannot see (a key defined twice,
/// a table redefined) is left to toml++, which reports it as an ordinary error.
enum TOMLValidator {
    /// Arrays and inline tables nested deeper than this are refused (toml++ stops at 256).
    static let deepestNesting = 100

    /// The first mistake in `text` with its line; nil when the text is valid TOML.
    static func problem(in text: String, file: String) -> ConfigProblem? {
        let bytes = Array(text.utf8)
        guard let error = firstError(in: bytes) else { return nil }
        let line = 1 + bytes[..<min(error.offset, bytes.count)].count { $0 == .lineFeed }
        return ConfigProblem(file: file, line: line, reason: error.reason)
    }

    private static func firstError(in bytes: [UInt8]) -> TOMLSyntaxError? {
        if let error = controlCharacterError(in: bytes) { return error }
        var scanner = TOMLScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }  // a UTF-8 byte order mark
        do {
            while !scanner.isAtEnd { try scanner.expression() }
            return nil
        } catch {
            return error
        }
    }

    /// TOML allows no control character but tab, and a carriage return only before a line feed,
    /// in strings and comments either.
    private static func controlCharacterError(in bytes: [UInt8]) -> TOMLSyntaxError? {
        for (offset, byte) in bytes.enumerated() {
            if byte == 0 { return TOMLSyntaxError(offset: offset, reason: "not text (NUL byte)") }
            if byte == .carriageReturn {
                if offset + 1 < bytes.count, bytes[offset + 1] == .lineFeed { continue }
                return TOMLSyntaxError(offset: offset, reason: "a carriage return without a line feed (TOML allows none)")
            }
            if (byte < 0x20 && byte != .tab && byte != .lineFeed) || byte == 0x7F {
                let code = String(byte, radix: 16, uppercase: true)
                return TOMLSyntaxError(offset: offset, reason: "control character U+\(String(repeating: "0", count: 4 - code.count) + code) (TOML allows none but tab)")
            }
        }
        return nil
    }
}
