import KPIEngine
import Testing
@testable import KPIView

/// `Y` switches what KPIs are compared with (the previous window, or the same days a year
/// earlier) and the engine is asked for it; `B` picks a brand of the config file, which the
/// model asks the backend to open, and the header names the brand on screen.
@Suite struct ComparisonAndBrandTests {
    private static let brands = ["acme", "globex", "initech"]

    private func model(comparison: Comparison = .previousWindow, brands: [String] = brands,
                       brand: String? = "acme") -> DashboardModel {
        var model = DashboardModel(themes: [ThemeLoader.builtInDefault], options: RenderOptions(),
                                   dataDirectory: "~/kpi-data", comparison: comparison, brands: brands, brand: brand)
        model.update(snapshot: SampleData.snapshot(), status: SampleData.status)
        model.advance(to: SampleData.now)
        _ = model.handle(.resize(width: 120, height: 40))
        return model
    }

    /// The sample snapshot as the engine computes it for a year-earlier comparison.
    private func yearSnapshot() -> KPISnapshot {
        var snapshot = SampleData.snapshot()
        snapshot.comparison = .yearBefore
        snapshot.comparisonWindow = SampleData.window.comparisonWindow(.yearBefore)
        return snapshot
    }

    // MARK: - Y

    @Test func yAsksForTheYearEarlierAndBack() {
        var model = model()
        #expect(model.viewChoice.comparison == .previousWindow)
        _ = model.handle(.character("Y"))
        #expect(model.viewChoice.comparison == .yearBefore)
        #expect(model.render(width: 120, height: 40, now: SampleData.now).find("compared with the same days a year earlier")
            != nil, "the notice says what changed")
        _ = model.handle(.character("Y"))
        #expect(model.viewChoice.comparison == .previousWindow)
        #expect(self.model(comparison: .yearBefore).viewChoice.comparison == .yearBefore, "the config's compare")
    }

    @Test func theHeaderAndColumnsSayTheYearComparison() throws {
        var model = model()
        _ = model.handle(.character("Y"))
        model.update(snapshot: yearSnapshot(), status: SampleData.status)
        let buffer = model.render(width: 120, height: 40, now: SampleData.now)
        let earlier = try #require(SampleData.window.comparisonWindow(.yearBefore))
        #expect(buffer.row(0).contains("compared with \(earlier.start)..\(earlier.end) (a year earlier)")
            || buffer.row(0).contains("a year earlier"), "\(buffer.row(0))")
        #expect(buffer.find("vs year") != nil && buffer.find("vs prev") == nil, "\(buffer.text)")
        // While paused, the answer to the new comparison is still taken.
        var paused = self.model()
        _ = paused.handle(.character("z"))
        _ = paused.handle(.character("Y"))
        paused.update(snapshot: yearSnapshot(), status: SampleData.status)
        #expect(paused.render(width: 120, height: 40, now: SampleData.now).find("vs year") != nil)
    }

    // MARK: - B

    @Test func bOpensThePickerOnTheBrandShownAndEnterAsksForTheOneChosen() throws {
        var model = model()
        _ = model.handle(.character("B"))
        let picker = model.render(width: 120, height: 40, now: SampleData.now)
        let title = try #require(picker.find("Brand"), "\(picker.text)")
        #expect(picker.find("▶ acme (shown)", rows: title.y..<title.y + 2) != nil, "\(picker.text)")
        for brand in Self.brands { #expect(picker.find(brand) != nil) }
        #expect(model.takeEffects().isEmpty)
        _ = model.handle(.down)
        _ = model.handle(.enter)
        #expect(model.takeEffects() == [.switchBrand("globex")])
        #expect(model.render(width: 120, height: 40, now: SampleData.now).find("Brand") == nil, "the picker closed")
    }

    @Test func pickingTheBrandShownOrEscapeChangesNothing() {
        var model = model()
        _ = model.handle(.character("B"))
        _ = model.handle(.enter)
        _ = model.handle(.character("B"))
        _ = model.handle(.escape)
        _ = model.handle(.character("B"))
        _ = model.handle(.character("B"))
        #expect(model.takeEffects().isEmpty)
    }

    @Test func withoutBrandsBSaysHowToAddThem() {
        var model = model(brands: [], brand: nil)
        _ = model.handle(.character("B"))
        let buffer = model.render(width: 120, height: 40, now: SampleData.now)
        #expect(buffer.find("no brands: add [brands] to the config file") != nil, "\(buffer.text)")
        #expect(buffer.find("Brand") == nil)
        #expect(model.takeEffects().isEmpty)
        #expect(!buffer.row(0).contains("brand"), "no brand in the header")
    }

    @Test func theHeaderNamesTheBrand() {
        let buffer = model().render(width: 120, height: 40, now: SampleData.now)
        #expect(buffer.row(0).hasPrefix("kpitop · brand acme · 28d"), "\(buffer.row(0))")
        let wide = model().render(width: 200, height: 40, now: SampleData.now)
        #expect(wide.row(0).hasPrefix("kpitop · brand acme · ~/kpi-data · 28d"), "\(wide.row(0))")
        let narrow = model().render(width: 60, height: 20, now: SampleData.now)
        #expect(narrow.row(0).contains("acme"), "\(narrow.row(0))")
    }

    @Test func aSwitchedBrandStartsOverOnItsOwnData() throws {
        var model = model()
        _ = model.handle(.character("p"))
        _ = model.handle(.down)
        _ = model.handle(.enter)
        _ = model.handle(.character("Y"))
        _ = model.handle(.character("w"))
        let window = model.window
        model.switched(toBrand: "globex", dataDirectory: "/srv/globex", goalProblems: [])
        #expect(model.brand == "globex")
        #expect(model.window == window && model.viewChoice.comparison == .yearBefore, "window and comparison stay")
        #expect(model.savedChoices.platform == KPISnapshot.allPlatforms)
        let loading = model.render(width: 120, height: 40, now: SampleData.now)
        #expect(loading.row(0).hasPrefix("kpitop · brand globex · /srv/globex"), "\(loading.row(0))")
        #expect(loading.find("brand: globex") != nil, "the notice says which brand:\n\(loading.text)")
        let old = ValueFormat.format(SampleData.snapshot().value(.impressions).value, unit: .count)
        #expect(loading.find(old, inRowWith: "Impressions") == nil, "the old brand's numbers are gone:\n\(loading.text)")
        // The new engine's data arrives.
        var globex = SampleData.snapshot()
        globex.kpis["all"]![.impressions] = KPIValue(value: 7_777, previous: 7_000)
        model.update(snapshot: globex, status: EngineStatus(dataDirectory: "/srv/globex", updatedAt: SampleData.now))
        let shown = model.render(width: 120, height: 40, now: SampleData.now)
        #expect(shown.find("7,777", inRowWith: "Impressions") != nil, "\(shown.text)")
    }

    @Test func aFailedSwitchSaysWhyAndKeepsTheBrand() {
        var model = model()
        model.brandSwitchFailed("globex", reason: "mapping.toml:3: unknown key")
        let buffer = model.render(width: 120, height: 40, now: SampleData.now)
        #expect(buffer.find("brand globex not opened: mapping.toml:3: unknown key") != nil, "\(buffer.text)")
        #expect(model.brand == "acme")
    }
}
