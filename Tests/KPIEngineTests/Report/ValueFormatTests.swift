import Testing
@testable import KPIEngine
@testable import KPIReport

/// The short value texts shared by the dashboard and the reports.
@Suite struct ValueFormatTests {
    @Test(arguments: [
        (0.0, KPIUnit.count, "0"), (999, .count, "999"), (1_234, .count, "1,234"), (12_345, .count, "12.3K"),
        (123_456, .count, "123K"), (1_234_567, .count, "1.2M"), (3.4e9, .count, "3.4B"), (-2_500, .count, "-2,500"),
        (0.0412, .fraction, "4.12%"), (0.412, .fraction, "41.2%"), (-0.05, .fraction, "-5.00%"),
        (0.85, .money, "0.85"), (1_234, .money, "1,234"), (12_345, .money, "12.3K"), (-40, .money, "-40.00"),
        (2.345, .multiple, "2.3x"), (45, .seconds, "45s"), (720, .seconds, "12m"), (11_520, .seconds, "3h 12m"),
        (187_200, .seconds, "2d 4h"), (0.42, .score, "+0.42"), (-0.13, .score, "-0.13"), (0.001, .score, "0.00"),
    ])
    func formatsEachUnit(value: Double, unit: KPIUnit, text: String) {
        #expect(ValueFormat.format(value, unit: unit) == text)
    }

    @Test func missingValuesAreADash() {
        #expect(ValueFormat.format(nil, unit: .count) == "–")
        #expect(ValueFormat.format(nil, unit: .count, ascii: true) == "-")
        #expect(ValueFormat.format(.nan, unit: .fraction) == "–")
        #expect(ValueFormat.format(.infinity, unit: .money, ascii: true) == "-")
    }

    @Test func negativeValuesThatRoundToZeroHaveNoSign() {
        #expect(ValueFormat.format(-0.00001, unit: .fraction) == "0.00%")
        #expect(ValueFormat.format(-0.2, unit: .seconds) == "0s")
    }

    @Test func moneyShowsTheDatasCurrency() {
        #expect(ValueFormat.format(0.85, unit: .money, currency: .usd) == "$0.85")
        #expect(ValueFormat.format(12_345, unit: .money, currency: .eur) == "€12.3K")
        #expect(ValueFormat.format(-40, unit: .money, currency: .gbp) == "-£40.00")
        #expect(ValueFormat.format(1_234, unit: .money, currency: Currency(code: "chf")) == "CHF 1,234")
        #expect(ValueFormat.format(1_234, unit: .money, ascii: true, currency: .eur) == "EUR 1,234")
    }

    @Test func changesShowDirectionAndMagnitude() {
        #expect(ChangeFormat.relative(0.123) == "▲ 12.3%")
        #expect(ChangeFormat.relative(-0.04, ascii: true) == "v 4.0%")
        #expect(ChangeFormat.relative(0.0001) == "= 0.0%")
        #expect(ChangeFormat.relative(25) == "▲ 2,500%")
        #expect(ChangeFormat.text(.impressions, KPIValue(value: 10, previous: nil)).isEmpty)
    }

    /// Rates change in percentage points, the sentiment index and multiples by their
    /// difference; sums, money and durations in percent.
    @Test func eachKindOfKPIChangesInItsOwnTerms() {
        #expect(ChangeFormat.text(.engagementRate, KPIValue(value: 0.029, previous: 0.025)) == "▲ 0.4 pp")
        #expect(ChangeFormat.text(.ctr, KPIValue(value: 0.01, previous: 0.0125), ascii: true) == "v 0.3 pp")
        #expect(ChangeFormat.text(.sentiment, KPIValue(value: 0.20, previous: 0.25)) == "▼ 0.05")
        #expect(ChangeFormat.text(.roas, KPIValue(value: 3.5, previous: 3.2)) == "▲ 0.3x")
        #expect(ChangeFormat.text(.spend, KPIValue(value: 110, previous: 100)) == "▲ 10.0%")
        #expect(ChangeFormat.text(.firstResponseMedianSeconds, KPIValue(value: 90, previous: 120)) == "▼ 25.0%")
        #expect(ChangeFormat.text(.sentiment, KPIValue(value: 0.001, previous: 0.002)) == "= 0.00")
    }

    @Test func aChangeWithoutBaselineSaysWhy() {
        #expect(ChangeFormat.text(.impressions, KPIValue(value: 10, previous: nil, previousGap: .new)) == "new")
        #expect(ChangeFormat.text(.ctr, KPIValue(value: 0.1, previous: nil, previousGap: .noEarlierData))
                == "no earlier data")
    }
}
