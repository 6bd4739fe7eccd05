import KPIEngine
import Testing
@testable import KPIView

/// Benchmarks (`benchmarks.toml`) on screen: a KPI with one says where it stands against it
/// with the change's non-colour cue (`✓` the good side, `✗` the bad one; ASCII `+` and `!`),
/// and the KPI's page gives the reference value and its source.
@Suite struct BenchmarkScreenTests {
    let theme = ThemeLoader.builtInDefault

    /// The sample with benchmarks: the `all` engagement rate's above its benchmark, CPA (lower
    /// is better) below its own, and instagram's reach below.
    private func snapshot() -> KPISnapshot {
        var snapshot = SampleData.snapshot()
        let engagement = snapshot.value(.engagementRate).value!
        let instagramReach = snapshot.value(.reach, platform: "instagram").value!
        snapshot.benchmarks = [
            "all": [.engagementRate: Benchmark(platform: "all", kpi: .engagementRate, value: engagement * 0.8,
                                               source: "Rival IQ 2025"),
                    .cpa: Benchmark(platform: "all", kpi: .cpa, value: 20)],
            "instagram": [.reach: Benchmark(platform: "instagram", kpi: .reach, value: instagramReach * 2,
                                            source: "our 2025 average")],
        ]
        return snapshot
    }

    private func screen(_ keys: [Key] = [], width: Int = 120, height: Int = 40,
                        options: RenderOptions = RenderOptions()) -> Buffer {
        var model = DashboardModel(themes: [theme], options: options, dataDirectory: "~/kpi-data")
        model.update(snapshot: snapshot(), status: SampleData.status)
        _ = model.handle(.resize(width: width, height: height))
        for key in keys { _ = model.handle(key) }
        return model.render(width: width, height: height, now: SampleData.now)
    }

    @Test func aKPIAboveOrBelowItsBenchmarkIsMarkedWithTheGoodOrBadCue() throws {
        let buffer = screen(width: 180, height: 50)
        let above = try #require(buffer.find("above ✓", inRowWith: "Engagement rate"), "\(buffer.text)")
        #expect(buffer.style(of: "above ✓", at: above)?.foreground == theme[.good])
        // A cost below its benchmark is good news.
        let cheaper = try #require(buffer.find("below ✓", inRowWith: "CPA"), "\(buffer.text)")
        #expect(buffer.style(of: "below ✓", at: cheaper)?.foreground == theme[.good])
        #expect(buffer.find("bench") != nil)
        // A KPI without a benchmark has no mark.
        #expect(buffer.find("above", inRowWith: "Impressions") == nil && buffer.find("below", inRowWith: "Impressions") == nil)
    }

    @Test func narrowerPanelsKeepTheShortMark() throws {
        let panels = screen()
        let mark = try #require(panels.find("▲✓", inRowWith: "Engagement rate"), "\(panels.text)")
        #expect(panels.style(of: "▲✓", at: mark)?.foreground == theme[.good])
        #expect(panels.find("▼✓", inRowWith: "CPA") != nil, "\(panels.text)")
        #expect(panels.find("bench") != nil)
        let buffer = screen(width: 80, height: 24)
        #expect(buffer.find("▲✓", inRowWith: "Eng. rate") != nil, "\(buffer.text)")
        let ascii = screen(width: 80, height: 24, options: RenderOptions(asciiOnly: true, noColor: true))
        #expect(ascii.find("^+", inRowWith: "Eng. rate") != nil, "\(ascii.text)")
    }

    @Test func aPlatformsBenchmarkIsItsOwn() throws {
        // instagram's reach is below its benchmark: bad news.
        let instagram = screen([.character("p"), .down, .down, .enter])
        let below = try #require(instagram.find("▼✗", inRowWith: "Reach"), "\(instagram.text)")
        #expect(instagram.style(of: "▼✗", at: below)?.foreground == theme[.bad])
        // The engagement rate's benchmark is for all platforms together, not instagram's.
        #expect(instagram.find("▲✓", inRowWith: "Engagement rate") == nil, "\(instagram.text)")
    }

    @Test func theKPIPageGivesTheReferenceValueAndItsSource() throws {
        let engagement = snapshot().benchmark(.engagementRate)!
        let reference = ValueFormat.format(engagement.value, unit: .fraction)
        let page = screen([.character("2"), .down, .enter])
        #expect(page.find("Engagement rate by platform") != nil, "\(page.text)")
        #expect(page.find("benchmark for all: \(reference) (Rival IQ 2025): above ✓") != nil, "\(page.text)")
        // The table's benchmark column, on the `all` row only (the other platforms have none).
        #expect(page.find("\(reference) ▲✓", inRowWith: "▶ all") != nil, "\(page.text)")
        // The daily chart draws the benchmark of a ratio as its reference line.
        #expect(page.find("benchmark \(reference)") != nil, "\(page.text)")
        // Another platform without a benchmark: no reference line under the table.
        let facebook = screen([.character("2"), .down, .enter, .down])
        #expect(facebook.find("benchmark for") == nil, "\(facebook.text)")
    }

    @Test func aSumsBenchmarkIsNotDrawnAsADailyLine() throws {
        let page = screen([.character("p"), .down, .down, .enter, .down, .enter])
        #expect(page.find("Reach by platform") != nil, "\(page.text)")
        #expect(page.find("benchmark for instagram:") != nil, "\(page.text)")
        #expect(page.find("(our 2025 average): below ✗") != nil, "\(page.text)")
        #expect(KPIChart.benchmark(Benchmark(platform: "x", kpi: .reach, value: 10), ascii: false) == nil)
    }
}
