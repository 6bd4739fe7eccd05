import Testing
@testable import KPIView

/// Widths come from the C library's wcwidth, as ncurses places characters, whatever the
/// process's locale (the tests run in the C locale, where wcwidth knows only ASCII).
@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), ("─", 1), ("▁", 1), ("…", 1), ("€", 1), ("✓", 1), ("░", 1),
        ("新", 2), ("🚀", 2), ("Ａ", 2), ("e\u{301}", 1), ("", 0),
    ])
    func aCharacterTakesTheColumnsWcwidthGivesIt(symbol: String, columns: Int) {
        #expect(TextWidth.columns(of: symbol) == columns)
    }

    @Test func aStringTakesTheSumOfItsCharacters() {
        #expect(TextWidth.columns("新品发布 launch 🚀") == 18)
        #expect(TextWidth.columns("Customer story – Ana") == 20)
    }

    @Test func unsafeAndUnplaceableCharactersBecomeQuestionMarks() {
        #expect(TextWidth.displayable("\u{1B}") == "?")
        #expect(TextWidth.displayable("\u{200B}") == "?")
        // A combining mark without its base has no column of its own.
        #expect(TextWidth.displayable("\u{301}") == "?")
        // A thumb with a skin tone is four columns to wcwidth: the thumb alone is drawn.
        #expect(TextWidth.displayable("👍🏽") == "👍")
        #expect(TextWidth.displayable("e\u{301}") == "e\u{301}")
    }

    @Test func wrappingAndCuttingCountColumns() {
        #expect(WordWrap.lines("新品发布 launch now", width: 8) == ["新品发布", "launch", "now"])
        #expect(WordWrap.lines("新品发布新品发布", width: 5) == ["新品"])
        #expect(Canvas.fit("新品发布", width: 5, ellipsis: "…") == "新品…")
        #expect(Canvas.fit("新品发布", width: 8, ellipsis: "…") == "新品发布")
        #expect(TextWidth.prefix("ab新c", columns: 3) == "ab")
        #expect(TextWidth.dropping(columns: 3, of: "ab新c") == "c")
    }

    @Test func aWideCharacterFillsTwoCellsOfTheBuffer() {
        var buffer = Buffer(width: 6, height: 1)
        let written = buffer.write("新a新", x: 0, y: 0)
        #expect(written == 5)
        #expect(buffer.cells.map(\.symbol) == ["新", "", "a", "新", "", " "])
        // A wide character that would be cut in half is left out.
        var narrow = Buffer(width: 2, height: 1)
        narrow.write("a新", x: 0, y: 0)
        #expect(narrow.cells.map(\.symbol) == ["a", " "])
    }
}
