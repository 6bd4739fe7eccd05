import KPIEngine
import Testing
@testable import KPIView

/// Per-platform data age and the stale mark (header and platforms panel).
@Suite struct DataFreshnessTests {
    private let hour: Int64 = 3_600_000

    @Test func aPlatformIsStaleOnlyPastTheThreshold() {
        let now: Int64 = 1_000 * hour
        let freshness = DataFreshness(newestData: ["a": now - 48 * hour, "b": now - 48 * hour - 1, "c": now + hour],
                                      now: now, staleAfter: .seconds(48 * 3600))
        #expect(!freshness.isStale("a"))
        #expect(freshness.isStale("b"))
        #expect(!freshness.isStale("c"))
        #expect(freshness.age(of: "c") == 0, "data from the future is not negative in age")
        #expect(!freshness.isStale("none"), "a platform without dated data is not stale")
        #expect(freshness.age(of: "none") == nil)
        #expect(freshness.staleCount(of: ["a", "b", "c", "none"]) == 1)
    }

    @Test func theThresholdIsAModelParameter() {
        var model = DashboardModel(themes: [], options: RenderOptions(), dataDirectory: "~/kpi-data",
                                   staleAfter: .seconds(30 * 60))
        model.update(snapshot: SampleData.snapshot(), status: SampleData.status)
        let header = model.render(width: 120, height: 40, now: SampleData.now).lines[0]
        #expect(header.contains("5 stale"), "every platform is over an hour old:\n\(header)")
    }

    @Test func agesReadShort() {
        #expect(AgeFormat.text(milliseconds: 400) == "just now")
        #expect(AgeFormat.text(milliseconds: 59_000) == "59s ago")
        #expect(AgeFormat.text(milliseconds: 3 * 60_000) == "3m ago")
        #expect(AgeFormat.text(milliseconds: 5 * hour) == "5h ago")
        #expect(AgeFormat.text(milliseconds: 50 * hour) == "2d ago")
    }

    @Test func headerAndPlatformsPanelMarkTheStalePlatform() {
        let model = SampleData.model(width: 120, height: 40)
        let screen = model.render(width: 120, height: 40, now: SampleData.now).lines
        #expect(screen[0].contains("1 stale"))
        let linkedin = screen.first { $0.contains("linkedin") && $0.contains("ago") } ?? ""
        #expect(linkedin.contains("stale 3d ago"), "\(linkedin)")
        let instagram = screen.first { $0.contains("instagram") && $0.contains("ago") } ?? ""
        #expect(instagram.contains("1h ago") && !instagram.contains("stale"), "\(instagram)")
    }
}
