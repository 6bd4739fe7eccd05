import Testing
@testable import KPIEngine

@Suite struct NumberTextTests {
    private func read(_ text: String) -> NumberValue { Ingest.withField(text) { NumberText.parse($0) } }

    @Test func plainAndDecimal() {
        #expect(read("12345") == .number(12345))
        #expect(read("149.90") == .number(149.90))
        #expect(read("0.1") == .number(0.1))
        #expect(read("-3") == .number(-3))
        #expect(read("424.0") == .number(424))
        #expect(read(" 42 ") == .number(42))
        #expect(read("1e3") == .number(1000))
        #expect(read("12345678901234567168") == .number(12_345_678_901_234_567_168))
    }

    @Test func separatorsCurrencyAndPercent() {
        #expect(read("1,234") == .number(1234))
        #expect(read("15,000") == .number(15000))
        #expect(read("1,234,567.5") == .number(1_234_567.5))
        #expect(read("$35.20") == .number(35.20))
        #expect(read("€1,200") == .number(1200))
        #expect(read("£7") == .number(7))
        #expect(read("-$5") == .number(-5))
        #expect(read("$-5") == .number(-5))
        #expect(read("4.5%") == .number(0.045))
    }

    @Test func missingPlaceholders() {
        for text in ["", "  ", "-", "--", "undefined", "N/A", "n/a", "null", "NULL"] {
            #expect(read(text) == .missing, "\(text)")
        }
    }

    @Test func notNumbers() {
        #expect(read("abc") == .notANumber)
        #expect(read("1,23") == .notANumber)
        #expect(read("12abc") == .notANumber)
        #expect(read(".") == .notANumber)
        #expect(read("NaN") == .notFinite)
        #expect(read("inf") == .notFinite)
        #expect(read("-Infinity") == .notFinite)
        #expect(read("1e999") == .notFinite)
    }
}
