import Testing
@testable import KPIEngine

/// The short value texts shared by the dashboard and the reports.
@Suite struct ValueFormatTests {
    @Test(arguments: [
        (0.0, KPIUnit.count, "0"), (999, .count, "999"), (1_234, .count, "1,234"), (12_345, .count, "12.3K"),
        (123_456, .count, "123K"), (1_234_567, .count, "1.2M"), (3.4e9, .count, "3.4B"), (-2_500, .count, "-2,500"),
        (0.0412, .fraction, "4.12%"), (0.412, .fraction, "41.2%"), (-0.05, .fraction, "-5.00%"),
        (0.85, .money, "$0.85"), (1_234, .money, "$1,234"), (12_345, .money, "$12.3K"), (-40, .money, "-$40.00"),
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

    @Test func changesShowDirectionAndMagnitude() {
        #expect(ChangeFormat.text(0.123) == "▲ 12.3%")
        #expect(ChangeFormat.text(-0.04, ascii: true) == "v 4.0%")
        #expect(ChangeFormat.text(0.0001) == "= 0.0%")
        #expect(ChangeFormat.text(nil).isEmpty)
        #expect(ChangeFormat.text(25) == "▲ 2,500%")
    }
}
