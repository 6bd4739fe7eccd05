import Testing
@testable import KPIEngine

/// Text that is not valid UTF-8 is read as Windows-1252, line by line.
@Suite struct TextRepairTests {
    private func isValid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes(Windows1252.isValidUTF8) }

    @Test func validUTF8IsLeftAlone() {
        #expect(isValid(Array("plain ascii, long enough for words".utf8)))
        #expect(isValid(Array("Café 🎉 Größe ✓".utf8)))
        #expect(!isValid([0x43, 0x61, 0x66, 0xE9]))
        #expect(!isValid([0xED, 0xA0, 0x80]))
        #expect(!isValid([0xC0, 0xAF]))
        #expect(!isValid([0xF4, 0x90, 0x80, 0x80]))
        #expect(!isValid([0xE2, 0x82]))
    }

    @Test func windows1252BecomesUTF8() {
        var output: [UInt8] = []
        let input: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x93, 0x94, 0x81]
        input.withUnsafeBytes { Windows1252.transcode($0, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == "Café €\u{201C}\u{201D}\u{FFFD}")
    }

    @Test func eachLineIsDecidedOnItsOwn() {
        let bytes = Array("date,title,likes\n2026-05-10,Caf".utf8) + [0xE9] + Array(",1\n2026-05-11,Café,2\n".utf8)
        let sink = Ingest.parseBothWays(bytes, path: "instagram/a.csv")
        #expect(sink.metricsRows.map(\.title) == ["Café", "Café"])
        #expect(sink.notes == ["text that is not valid UTF-8 was read as Windows-1252 (first at line 2)"])
    }
}
