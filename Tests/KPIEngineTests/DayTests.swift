import Testing
@testable import KPIEngine

@Suite struct DayTests {
    @Test func civilRoundTrip() {
        let d = Day(year: 2026, month: 11, day: 23)!
        #expect(d.description == "2026-11-23")
        #expect(Day(number: 0).description == "1970-01-01")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
    }
}
