import Testing
@testable import KPIView

@Suite struct BufferTests {
    @Test func writeClipsAndSanitises() {
        var b = Buffer(width: 5, height: 1)
        b.write("a\u{1B}[2Jbcdef", x: 0, y: 0)
        #expect(b.text == "a?[2J")
    }
}
