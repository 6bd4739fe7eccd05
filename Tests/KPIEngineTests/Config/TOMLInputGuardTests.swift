import Testing
@testable import KPIEngine

/// TOML that TOMLKit cannot handle itself is refused with its line, never parsed: a table
/// header toml++ aborts the program on (found by fuzzing), a NUL byte it would cut the text at.
@Suite struct TOMLInputGuardTests {
    static func problem(_ text: String) -> ConfigProblem? {
        do {
            _ = try TOMLDocument(text: text, file: "goals.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["[{", "[\n", "[[\n", "[ \t{x}]", "[[ *]]", "[\r\n", "\u{FEFF}[{"])
    func aHeaderWithoutANameIsRefusedNotAborted(header: String) {
        let problem = Self.problem(header)
        #expect(problem?.line == 1)
        #expect(problem?.reason == "expected a table name after '[' (a bare name or one in quotes)")
    }

    @Test func theLineOfABadHeaderIsNamed() {
        let text = "[[goal]]\nkpi = \"reach\"\ntarget = 5\n\n  [{goal}]\n"
        #expect(Self.problem(text)?.line == 5)
    }

    @Test func bracketsInsideMultiLineStringsAndArraysAreValues() throws {
        let text = "a = \"\"\"\n[{\n[\n\"\"\"\nb = [\n  [{ c = 1 }],\n  [\n  ],\n]\n[table]\nd = 'x'\n"
        let document = try TOMLDocument(text: text, file: "x.toml")
        #expect(document.table["a"]?.string == "[{\n[\n")
        #expect(document.table["table"]?.table?["d"]?.string == "x")
    }

    @Test(arguments: ["a=1979-05-27T:", "a = 1979-05-27Tx:00", "a = [1, 1979-05-27T:00]", "a = { b = 1979-05-27t-1 }",
                      "a = [\n  1979-05-27T.5,\n]", "a = 1979-05-27T\u{00A0}"])
    func aDateTimeWithoutATimeIsRefusedNotAborted(text: String) {
        let problem = Self.problem("# first\n" + text)
        #expect(problem?.line == (text.contains("[\n") ? 3 : 2))
        #expect(problem?.reason == "a date-time needs a time after 'T' (such as 1979-05-27T07:32:00)")
    }

    @Test func datesAndTsElsewhereAreFine() throws {
        let text = """
            1979-05-27Tx = 1
            s = "1979-05-27Tuesday" # 1979-05-27T:
            m = '''
            1979-05-27T:
            '''
            e = "say \\"1979-05-27T:\\""
            d = 1979-05-27T07:32:00Z
            l = 1979-05-27 07:32:00
            t = [1979-05-27T00:00:00, 1979-05-27]
            [1979-05-27Ty]
            k = 1
            """
        let document = try TOMLDocument(text: text, file: "x.toml")
        #expect(document.table["1979-05-27Tx"]?.int == 1)
        #expect(document.table["s"]?.string == "1979-05-27Tuesday")
        #expect(document.table["e"]?.string == "say \"1979-05-27T:\"")
        #expect(document.table["1979-05-27Ty"]?.table?["k"]?.int == 1)
    }

    @Test func aNulByteIsRefusedAtItsLine() {
        let problem = Self.problem("[[goal]]\nkpi = \"reach\"\u{0}\n")
        #expect(problem?.line == 2)
        #expect(problem?.reason == "not text (NUL byte)")
    }

    @Test func windowsLineEndsKeepLineNumbers() throws {
        let document = try TOMLDocument(text: "# a\r\n[[goal]]\r\nkpi = \"reach\"\r\n", file: "goals.toml")
        #expect(document.line(ofArrayTable: "goal", index: 0) == 2)
        #expect(document.line(ofKey: "kpi", from: 2) == 3)
    }
}
