import Testing
@testable import KPIEngine
@testable import KPIView

/// The Conversion panel adds the customer KPIs (CAC, CLTV, CLTV : CAC) when the data has them.
@Suite struct CustomerValuePanelTests {
    static func conversionLines(withCustomers: Bool) -> [Substring] {
        var model = SampleData.model(width: 160, height: 50)
        model.update(snapshot: SampleData.snapshot(withCustomers: withCustomers),
                     status: EngineStatus(dataDirectory: "data", isDemo: false))
        let screen = model.render(width: 160, height: 50, now: SampleData.now).text
        return screen.split(separator: "\n")
    }

    @Test func theConversionPanelShowsCustomerValueWhenTheDataHasIt() {
        let lines = Self.conversionLines(withCustomers: true)
        for title in ["CAC", "CLTV", "CLTV : CAC"] {
            #expect(lines.contains { $0.contains("│  \(title) ") || $0.contains("│▶ \(title) ") }, "no \(title) row")
        }
    }

    @Test func withoutCustomerDataThePanelIsAsBefore() {
        let lines = Self.conversionLines(withCustomers: false)
        #expect(!lines.contains { $0.contains("│  CAC ") || $0.contains("│  CLTV ") })
    }
}
