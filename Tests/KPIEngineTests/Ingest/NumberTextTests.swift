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

    @Test func plainUnitsAreTheExactFixedPointOfTheNumber() {
        func units(_ text: String) -> Int64? { Ingest.withField(text) { NumberText.plainUnits($0) } }
        #expect(units("12345") == 123_450_000)
        #expect(units("149.90") == 1_499_000)
        #expect(units(".5") == 5_000)
        #expect(units("5.") == 50_000)
        #expect(units("-3.0001") == -30_001)
        #expect(units("9999999999999.9999") == 99_999_999_999_999_999)
        #expect(Ingest.withField("42", { NumberText.plainUnits($0, allowsPoint: false) }) == 420_000)
        #expect(Ingest.withField("4.2", { NumberText.plainUnits($0, allowsPoint: false) }) == nil)
        for text in ["", "-", ".", "1.23456", "1e3", "1,5", " 1", "1.2.3", "+1", "99999999999999"] {
            #expect(units(text) == nil, "\(text)")
        }
        // Where a double holds the number exactly (15 digits), the general path gives the same
        // units; beyond that only the units are exact.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let whole = String(UInt64.random(in: 0...99_999_999_999, using: &generator) >> UInt64.random(in: 0...36, using: &generator))
            let decimals = Int.random(in: 0...4, using: &generator)
            let fraction = String((0..<decimals).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let text = decimals == 0 ? whole : whole + "." + fraction
            guard let plain = Ingest.withField(text, { NumberText.plainNumber($0) }) else { continue }
            #expect(units(text) == MetricValues.units(plain), "\(text)")
        }
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

    private func read(_ text: String, _ convention: DecimalConvention) -> (NumberValue, MoneySign) {
        Ingest.withField(text) { field in
            let parsed = NumberText.parseSlowly(field, convention: convention, nanIsMissing: true)
            return (parsed.value, parsed.sign)
        }
    }

    @Test func decimalCommaAndSpacesThatGroupThousands() {
        #expect(read("1.234,50 €", .comma) == (.number(1234.5), .currency(.eur)))
        #expect(read("12,5", .comma) == (.number(12.5), .none))
        #expect(read("1 234,50", .comma) == (.number(1234.5), .none))
        #expect(read("1\u{00A0}234,50\u{00A0}€", .comma) == (.number(1234.5), .currency(.eur)))
        #expect(read("4,5 %", .comma) == (.number(0.045), .none))
        #expect(read("-1.000", .comma) == (.number(-1000), .none))
        #expect(read("12.5", .comma).0 == .notANumber)
        #expect(read("1,234.50", .point) == (.number(1234.5), .none))
        #expect(read("NaN", .point).0 == .missing)
    }

    @Test func currencySignsAndCodes() {
        #expect(read("$35.20", .point) == (.number(35.2), .dollar))
        #expect(read("-$5", .point) == (.number(-5), .dollar))
        #expect(read("£7", .point) == (.number(7), .currency(.gbp)))
        #expect(read("12 €", .point) == (.number(12), .currency(.eur)))
        #expect(read("EUR 12", .point) == (.number(12), .currency(.eur)))
        #expect(read("12CHF", .point) == (.number(12), .currency(Currency(code: "CHF")!)))
        #expect(read("$12 €", .point).0 == .notANumber)
    }

    @Test func whichConventionANumberProves() {
        let proves = { (text: String) in Ingest.withField(text) { NumberText.provenConvention($0) } }
        #expect(proves("12,5") == .comma && proves("0,123") == .comma && proves("1.234,50") == .comma)
        #expect(proves("1.234.567") == .comma && proves("1234,567") == .comma)
        #expect(proves("424.0") == .point && proves("0.75") == .point && proves("1,234.50") == .point)
        #expect(proves("1,234,567") == .point && proves("6.54E+17") == .point)
        #expect(proves("1,234") == nil && proves("1.234") == nil && proves("1234") == nil)
    }

    @Test func aFileDecidesOnceFromItsFirstTellingValue() {
        var decision = DecimalDecision(delimiter: UInt8(ascii: ","))
        let read = { (text: String, isCount: Bool) in Ingest.withField(text) { decision.read($0, isCount: isCount) } }
        #expect(read("1,234", true) == .number(1234))
        #expect(read("1.234", true) == .number(1234))
        #expect(read("1.234", false) == .number(1.234))
        #expect(!decision.isDecided)
        #expect(read("2,5", false) == .number(2.5) && decision.isDecided && decision.convention == .comma)
        #expect(decision.takeNewComma() && !decision.takeNewComma())
        #expect(read("1.234", false) == .number(1234))
        var semicolons = DecimalDecision(delimiter: UInt8(ascii: ";"))
        #expect(Ingest.withField("1,5") { semicolons.readMoney($0).value } == .number(1.5))
        var fixed = DecimalDecision(fixed: .point)
        #expect(Ingest.withField("1,234") { fixed.read($0) } == .number(1234))
    }
}
