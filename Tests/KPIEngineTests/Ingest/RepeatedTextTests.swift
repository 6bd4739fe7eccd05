import Testing
@testable import KPIEngine

/// A field's text read again from the same bytes is the same text; any other bytes, or the
/// same bytes quoted differently, give their own.
@Suite struct RepeatedTextTests {
    static func text(_ bytes: [UInt8], doubledQuotes: Bool = false, _ body: (FieldText) -> Void) {
        bytes.withUnsafeBytes { body(FieldText(bytes: $0, hasDoubledQuotes: doubledQuotes)) }
    }

    @Test func textFollowsTheBytes() {
        var repeated = RepeatedText()
        var seen: [String] = []
        let fields: [(String, Bool)] = [("1784_170", false), ("1784_170", false), ("1784_171", false), ("", false),
                                        ("say \"\"hi\"\"", false), ("say \"\"hi\"\"", true), ("Café ✓", false), ("1784_170", false)]
        for (text, doubled) in fields {
            Self.text(Array(text.utf8), doubledQuotes: doubled) { seen.append(repeated.string($0)) }
        }
        #expect(seen == ["1784_170", "1784_170", "1784_171", "", "say \"\"hi\"\"", "say \"hi\"", "Café ✓", "1784_170"])
    }
}
