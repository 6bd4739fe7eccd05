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
