import Testing
@testable import KPIEngine

/// Only valid TOML reaches toml++ (inside TOMLKit), which aborts the program on some malformed
/// inputs: `TOMLValidator` refuses the rest with its line and a reason a person understands.
@Suite struct TOMLValidatorTests {
    static func problem(_ text: String) -> ConfigProblem? {
        do {
            _ = try TOMLDocument(text: text, file: "goals.toml")
            return nil
        } catch {
            return error
        }
    }

    /// Valid TOML 1.0, one feature a sample: the validator lets it through and toml++ parses it.
    @Test(arguments: [
        "", "\n\n", "# only a comment", "\u{FEFF}a = 1", "a = 1\r\nb = 2\r\n", "a=1 # comment é\t",
        "bare_key-1 = 1", "\"quoted key\" = 1", "'literal key' = 1", "\"\" = 1", "a . b . c = 1", "3.14159 = 'pi'",
        "a = \"tab\tand escapes \\b\\t\\n\\f\\r\\\"\\\\ \\u00E9 \\U0001F600\"", "a = 'C:\\path\\'",
        "a = \"\"\"\nline one\n  \"quoted\" \"\"twice\"\"\n\"\"\"", "a = \"\"\"text \\\n    continued\"\"\"",
        "a = \"\"\"ends with quotes\"\"\"\"\"", "a = '''\nraw \\ text\n'''''", "a = '''''''",
        "a = 0", "a = +99", "a = -17", "a = 1_000_000", "a = 0xDEAD_beef", "a = 0o755", "a = 0b1101",
        "a = 9223372036854775807", "a = -9223372036854775808", "a = -0", "a = +0",
        "a = 3.14", "a = -0.01", "a = 5e+22", "a = 1E6", "a = 6.626e-34", "a = 224_617.445_991e-2_28",
        "a = inf", "a = +inf", "a = -inf", "a = nan", "a = -nan", "a = 0e0", "a = true", "b = false",
        "a = 1979-05-27T07:32:00Z", "a = 1979-05-27T00:32:00-07:00", "a = 1979-05-27T00:32:00.999999+07:00",
        "a = 1979-05-27 07:32:00", "a = 1979-05-27t07:32:00z", "a = 1979-05-27", "a = 07:32:00", "a = 00:32:00.999999",
        "a = 2024-02-29", "a = 2000-02-29", "a = 1979-05-27 # a date, then a comment",
        "a = [1, 2, 3]", "a = []", "a = [ ]", "a = [\n  1, # one\n  2,\n]", "a = [[1, 2], ['a', \"b\"], [1.0, true]]",
        "a = [\n  # only comments\n]", "a = [1979-05-27, 07:32:00, { x = 1 }]",
        "a = {}", "a = { }", "a = { x = 1, y.z = 'q', w = [\n 1,\n 2\n] }", "a = { b = { c = { d = 1 } } }",
        "[table]", "[ table . 'sub' . \"sub2\" ]", "[[array]]\n[[array]]", "[a]\nb = 1\n[a.c]\nd = 2 # c",
        "[[ a ]]\nx = 1", "1979-05-27Tx = 1", "[1979-05-27]\nk = 1",
    ])
    func validTOMLIsAcceptedAndParsed(text: String) {
        #expect(TOMLValidator.problem(in: text, file: "x.toml") == nil)
        #expect(Self.problem(text) == nil)
    }

    /// Each malformed kind is refused at its line, under a first line that is fine.
    @Test(arguments: [
        // The inputs fuzzing found toml++ aborting on.
        ("[{", "expected a table name after '[' (a bare name or one in quotes)"),
        ("a=1979-05-27T:", "a date-time needs a time after 'T' (such as 1979-05-27T07:32:00)"),
        ("n = [}", "expected a value, found '}'"),
        ("a = 2026-12-31 1", "'1' is not a time (write it as HH:MM:SS, such as 07:32:00)"),
        ("d=19v9-10-27 9 ", "'19v9-10-27' is not a number, a date or a boolean"),
        // Keys and headers.
        ("= 1", "expected a key (letters, digits, '-', '_', or a name in quotes), found '='"),
        ("a b = 1", "expected '=' after the key, found 'b'"),
        ("a = ", "expected a value, found the end of the file"),
        ("a.= 1", "expected a key (letters, digits, '-', '_', or a name in quotes), found '='"),
        ("\"\"\"a\"\"\" = 1", "a key cannot be a multi-line string"),
        ("é = 1", "expected a key (letters, digits, '-', '_', or a name in quotes), found a non-ASCII character"),
        ("[]", "expected a table name after '[' (a bare name or one in quotes)"),
        ("[a", "expected ']' after the table name, found the end of the file"),
        ("[[a]", "expected ']]' after the table name, found the end of the file"),
        ("[[a] ]", "expected ']]' after the table name, found a blank"),
        ("[a] b = 1", "expected the end of the line after the table header, found 'b'"),
        ("a = 1 b = 2", "expected the end of the line after the value (one key = value per line), found 'b'"),
        // Strings.
        ("a = \"open", "a string must end on its line (closing \" missing)"),
        ("a = 'open", "a string must end on its line (closing ' missing)"),
        ("a = \"\"\"open", "a multi-line string is never closed (\"\"\" missing)"),
        ("a = '''open", "a multi-line string is never closed (''' missing)"),
        ("a = \"bad \\x escape\"", "unknown escape \\x in a string (write \\\\ for a backslash, or use a 'literal string')"),
        ("a = \"\\u12\"", "\\u needs 4 hexadecimal digits"),
        ("a = \"\\uD800\"", "\\u escape is not a Unicode character (a surrogate or above 10FFFF)"),
        ("a = \"\\U00110000\"", "\\U escape is not a Unicode character (a surrogate or above 10FFFF)"),
        ("a = \"\"\"x \\ y\"\"\"", "a backslash followed by a blank must end the line (write \\\\ for a backslash)"),
        ("a = \"\"\"\"\"\"\"\"\"", "expected the end of the line after the value (one key = value per line), found '\"'"),
        // Numbers and booleans.
        ("a = 012", "'012': a decimal number cannot start with 0 (write 0o for octal)"),
        ("a = 1__0", "an underscore in a number must sit between two digits"),
        ("a = _1", "'_1' is not a value (a string needs quotes; true and false are lower case)"),
        ("a = 1_", "an underscore in a number must sit between two digits"),
        ("a = 0x", "'0x' is not a number, a date or a boolean"),
        ("a = 0xG", "not a hexadecimal number: 'G'"),
        ("a = +0x1", "a hexadecimal, octal or binary number cannot have a sign"),
        ("a = 0b102", "not a binary number: '102'"),
        ("a = 9223372036854775808", "integer out of range (64 bits)"),
        ("a = 0x8000000000000000", "integer out of range (64 bits)"),
        ("a = 1.", "a float needs digits after its '.' (such as 3.0)"),
        ("a = .5", "'.5' is not a value (a string needs quotes; true and false are lower case)"),
        ("a = 1e", "'1e' is not a number, a date or a boolean"),
        ("a = 1.5.3", "'1.5.3' is not a number, a date or a boolean"),
        ("a = infinity", "'infinity' is not a value (a string needs quotes; true and false are lower case)"),
        ("a = True", "'True' is not a value (a string needs quotes; true and false are lower case)"),
        ("a = hello world", "'hello' is not a value (a string needs quotes; true and false are lower case)"),
        // Dates and times, with their ranges.
        ("a = 2026-13-01", "month 13 is out of range (01 to 12)"),
        ("a = 2026-00-01", "month 0 is out of range (01 to 12)"),
        ("a = 2026-04-31", "day 31 is out of range for 2026-04 (01 to 30)"),
        ("a = 2023-02-29", "day 29 is out of range for 2023-02 (01 to 28)"),
        ("a = 1900-02-29", "day 29 is out of range for 1900-02 (01 to 28)"),
        ("a = 2026-01-00", "day 0 is out of range for 2026-01 (01 to 31)"),
        ("a = 2026-1-01", "'2026-1-01' is not a date (write it as YYYY-MM-DD, such as 2026-12-31)"),
        ("a = 2026-12-31X", "'2026-12-31X' is not a date (write it as YYYY-MM-DD, such as 2026-12-31)"),
        ("a = 24:00:00", "hour 24 is out of range (00 to 23)"),
        ("a = 1979-05-27T07:60:00", "minute 60 is out of range (00 to 59)"),
        ("a = 07:32:61", "second 61 is out of range (00 to 60)"),
        ("a = 07:32", "'07:32' is not a time (write it as HH:MM:SS, such as 07:32:00)"),
        ("a = 07:32:00.", "a time needs digits after its '.' (such as 07:32:00.5)"),
        ("a = 07:32:00Z", "'07:32:00Z' is not a time (write it as HH:MM:SS, such as 07:32:00)"),
        ("a = 1979-05-27T07:32:00+7", "'+7' is not a time offset (write Z or ±HH:MM, such as +02:00)"),
        ("a = 1979-05-27T07:32:00+24:00", "time offset out of range (at most ±23:59)"),
        // Arrays and inline tables.
        ("a = [1, 2", "an array is never closed (']' missing)"),
        ("a = [1 2]", "expected ',' or ']' after an array's item, found '2'"),
        ("a = [1,,2]", "expected a value, found ','"),
        ("a = [,]", "expected a value, found ','"),
        ("a = { b = 1", "an inline table must close on its line ('}' missing)"),
        ("a = { b = 1, }", "an inline table cannot end with ','"),
        ("a = { b = 1 c = 2 }", "expected ',' or '}' after an inline table's value, found 'c'"),
        ("a = { b }", "expected '=' after the key, found '}'"),
        ("a = { ]", "expected a key (letters, digits, '-', '_', or a name in quotes), found ']'"),
        // Characters TOML allows nowhere.
        ("a = 1\rb = 2", "a carriage return without a line feed (TOML allows none)"),
        ("a = \"\u{7F}\"", "control character U+007F (TOML allows none but tab)"),
        ("# \u{1B}[31m", "control character U+001B (TOML allows none but tab)"),
        ("a = 'x\u{0}'", "not text (NUL byte)"),
    ])
    func malformedTOMLIsRefusedAtItsLine(text: String, reason: String) {
        let problem = Self.problem("# fine\n" + text)
        #expect(problem?.line == 2)
        #expect(problem?.reason == reason)
    }

    @Test func theLineIsWhereTheMistakeIs() {
        #expect(Self.problem("a = [\n  1,\n  2\n  3,\n]")?.line == 4)
        #expect(Self.problem("a = \"\"\"\none\n\\q\n\"\"\"")?.line == 3)
        #expect(Self.problem("[t]\n\na = '''\nnever closed\n")?.line == 3)
        #expect(Self.problem("a = [\n  1,\n  # comment\n")?.line == 1)
        #expect(Self.problem("a = 1\r\nb = 2\r\n[[goal]]\r\nc = 2026-02-30\r\n")?.line == 4)
    }

    @Test func bracketsAndDatesInsideStringsAndCommentsAreText() throws {
        let text = """
            a = \"\"\"
            [{
            [
            1979-05-27T:
            \"\"\"
            s = "1979-05-27Tuesday" # 1979-05-27T: [{
            e = "say \\"1979-05-27T:\\""
            b = [
              [{ c = 1 }],
              [
              ],
            ]
            [table]
            d = 'x'
            """
        let document = try TOMLDocument(text: text, file: "x.toml")
        #expect(document.table["a"]?.string == "[{\n[\n1979-05-27T:\n")
        #expect(document.table["s"]?.string == "1979-05-27Tuesday")
        #expect(document.table["e"]?.string == "say \"1979-05-27T:\"")
        #expect(document.table["table"]?.table?["d"]?.string == "x")
    }

    @Test func nestingIsLimited() {
        let deepest = String(repeating: "[", count: TOMLValidator.deepestNesting) + String(repeating: "]", count: TOMLValidator.deepestNesting)
        #expect(Self.problem("a = " + deepest) == nil)
        let tooDeep = "# fine\na = [" + deepest + "]"
        #expect(Self.problem(tooDeep)?.line == 2)
        #expect(Self.problem(tooDeep)?.reason == "arrays and inline tables nested more than 100 deep")
        #expect(Self.problem("a = " + String(repeating: "{b=", count: 100_000))?.reason == "arrays and inline tables nested more than 100 deep")
    }

    /// What the grammar cannot see is left to toml++, which reports it as an ordinary error
    /// with a line (it does not abort on these).
    @Test(arguments: [
        ("a = 1\n\na = 2", 3),
        ("[t]\nx = 1\n[t]", 3),
        ("[t]\nx = 1\n\n[t.x]", 4),
        ("a = { b = 1 }\na.c = 2", 2),
        ("a = [1]\n[[a]]", 2),
        ("[[a]]\n[a]", 2),
        ("a = { b = 1, b = 2 }", 1),
    ])
    func definingTwiceIsReportedByTOMLKit(text: String, line: Int) {
        #expect(TOMLValidator.problem(in: text, file: "x.toml") == nil)
        #expect(Self.problem(text)?.line == line)
    }

    @Test func valuesAtTheEdgeOfTheirRangesReachTOMLKit() throws {
        let document = try TOMLDocument(text: "leap = 2024-02-29\nfine = 07:32:00.1234567890123\n", file: "x.toml")
        #expect(document.table["leap"]?.date != nil)
        #expect(document.table["fine"]?.time != nil)
    }

    /// A leap second and a float beyond binary64 are valid TOML; toml++ refuses them with an
    /// ordinary error.
    @Test(arguments: ["second = 23:59:60", "big = 1e400"])
    func validTOMLThatTOMLKitRefusesGetsItsError(text: String) {
        #expect(TOMLValidator.problem(in: text, file: "x.toml") == nil)
        #expect(Self.problem("# fine\n" + text)?.line == 2)
    }

    @Test func windowsLineEndsKeepLineNumbers() throws {
        let document = try TOMLDocument(text: "# a\r\n[[goal]]\r\nkpi = \"reach\"\r\n", file: "goals.toml")
        #expect(document.line(ofArrayTable: "goal", index: 0) == 2)
        #expect(document.line(ofKey: "kpi", from: 2) == 3)
    }
}
