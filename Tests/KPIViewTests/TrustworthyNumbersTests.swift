import KPIEngine
import SnapshotTesting
import Testing
@testable import KPIView

/// Issue 8's "what misled, and what it must become", point by point, on the screen: what the
/// text says and which colour role it is drawn in.
@Suite struct TrustworthyNumbersTests {
    let theme = ThemeLoader.builtInDefault

    func screen(_ keys: [Key] = [], width: Int = 120, height: Int = 40,
                options: RenderOptions = RenderOptions()) -> Buffer {
        var model = CoverageSample.model(width: width, height: height, options: options)
        for key in keys { _ = model.handle(key) }
        return model.render(width: width, height: height, now: CoverageSample.now)
    }

    /// Opens the KPI drill-down of `kpi` from its overview panel.
    func drillDown(_ kpi: KPI) -> [Key] {
        let area = OverviewArea.allCases.first { $0.kpis.contains(kpi) }!
        return [.character(Character(String(area.rawValue + 1)))]
            + Array(repeating: Key.down, count: area.kpis.firstIndex(of: kpi)!) + [.enter]
    }

    // 1. `all` ratios that leave platforms out say so.

    @Test func allRatiosSayWhichPlatformsTheyAreFrom() throws {
        for (width, height, note) in [(120, 40, "2 of 6"), (160, 50, "from 2 of 6"), (80, 24, "2 of 6")] {
            let buffer = screen(width: width, height: height)
            let label = width == 80 ? "Eng. rate" : "Engagement rate"
            let at = try #require(buffer.find(note, inRowWith: label), "\(width)x\(height):\n\(buffer.text)")
            #expect(buffer.style(of: note, at: at)?.foreground == theme[.muted])
            // Interactions come from every platform: nothing to say.
            #expect(buffer.find(note, inRowWith: "Interactions") == nil)
        }
        let drill = screen(drillDown(.engagementRate))
        let row = try #require(drill.find("from 2 of 6", inRowWith: "▶ all"), "\(drill.text)")
        #expect(drill.style(of: "from 2 of 6", at: row)?.foreground == theme[.warning])
    }

    // 2. No percentage against an empty baseline.

    @Test func aComparisonWithoutBaselineSaysWhyInANeutralStyle() throws {
        let overview = screen(width: 160, height: 50)
        let noEarlier = try #require(overview.find("no earlier data", inRowWith: "Impressions"), "\(overview.text)")
        #expect(overview.style(of: "no earlier data", at: noEarlier)?.foreground == theme[.muted])
        // x's data starts inside the window: its impressions are `new`.
        let drill = screen(drillDown(.impressions))
        let new = try #require(drill.find("new", inRowWith: "  x "), "\(drill.text)")
        #expect(drill.style(of: "new", at: new)?.foreground == theme[.muted])
        #expect(!drill.row(new.y).contains("▲") && !drill.row(new.y).contains("▼"), "x's row: \(drill.row(new.y))")
        // Narrower overviews say it in short, and the KPI's own page in full.
        for (width, height) in [(120, 40), (80, 24)] {
            let narrow = screen(width: width, height: height)
            let short = try #require(narrow.find("no earlier", inRowWith: "Impressions"), "\(narrow.text)")
            #expect(narrow.style(of: "no earlier", at: short)?.foreground == theme[.muted])
        }
        #expect(drill.find("no earlier data", inRowWith: "▶ all") != nil, "\(drill.text)")
    }

    // 3. The window ends yesterday; today so far is shown apart.

    @Test func theHeaderSaysTheWindowTheComparisonAndTodaySoFar() {
        let buffer = screen()
        #expect(buffer.row(0).contains("28d 2026-10-27..2026-11-23 · compared with 2026-09-29..2026-10-26"), "\(buffer.row(0))")
        #expect(buffer.row(1).hasPrefix("Today until 14:05 (yesterday by then): Impressions 1,234 (1,100) · Interactions 56 (60)"),
                "\(buffer.row(1))")
        let wide = screen(width: 160, height: 50)
        #expect(wide.row(1).hasPrefix("Today so far (2026-11-24, until 14:05): Impressions 1,234 (yesterday by this time 1,100)"
            + " · Interactions 56 (yesterday by this time 60) · Clicks 12"), "\(wide.row(1))")
        let narrow = screen(width: 80, height: 24)
        #expect(narrow.row(0).contains("28d 2026-10-27..11-23 · compared with 09-29..10-26"), "\(narrow.row(0))")
        let small = screen(width: 40, height: 12)
        #expect(small.row(0) == "28d 2026-10-27..11-23 · vs 09-29..10-26 ", "\(small.row(0))")
        #expect(narrow.row(1).hasPrefix("Today until 14:05: Impressions 1,234 · Interactions 56 · Clicks 12"), "\(narrow.row(1))")
        #expect(!narrow.row(1).contains("…"))
    }

    @Test func aOneDayWindowNamesItsDayAndTheDayBefore() {
        var snapshot = CoverageSample.snapshot()
        snapshot.window = ReportWindow(days: 1, endingOn: CoverageSample.asOf)
        snapshot.comparisonWindow = snapshot.window.previous
        let forms = WindowText.forms(snapshot)
        #expect(forms[0].window == "1d 2026-11-23")
        #expect(forms[0].comparison == "compared with the day before (2026-11-22)")
        #expect(forms.last! == ("11-23", "vs 11-22"))
        snapshot.comparison = .yearBefore
        snapshot.comparisonWindow = snapshot.window.yearBefore
        #expect(WindowText.forms(snapshot)[0].comparison == "compared with the same day a year earlier (2025-11-23)")
    }

    // 4. Rates change in percentage points, the sentiment index absolutely; tones follow.

    @Test func ratesChangeInPointsAndTheirToneFollowsGoodAndBad() throws {
        let buffer = screen()
        let cases: [(label: String, change: String, role: ThemeRole)] = [
            ("Engagement rate", "▲ 0.2 pp ✓", .good), ("CTR", "▼ 0.3 pp ✗", .bad), ("Sentiment", "▼ 0.05 ✗", .bad),
        ]
        for (label, change, role) in cases {
            let at = try #require(buffer.find(change, inRowWith: label), "\(label):\n\(buffer.text)")
            #expect(buffer.style(of: change, at: at)?.foreground == theme[role], "\(label)")
        }
        // Lower is better: facebook's CPA fell, which is good news.
        let drill = screen(drillDown(.cpa))
        let fall = try #require(drill.find("▼ 10.7% ✓", inRowWith: "facebook"), "\(drill.text)")
        #expect(drill.style(of: "▼ 10.7% ✓", at: fall)?.foreground == theme[.good])
    }

    // 5. Charts from 0, zeros empty, days without data hatched, grouping said, the goal a line.

    @Test func theKPIChartStartsAtZeroAndDrawsTheGoal() throws {
        let buffer = screen(drillDown(.engagementRate))
        let chartTop = try #require(buffer.find("Engagement rate daily for all"))
        let bottomLabel = try #require(buffer.find("0.00%", rows: chartTop.y..<buffer.height - 1), "\(buffer.text)")
        #expect(buffer.style(of: "0.00%", at: bottomLabel)?.foreground == theme[.muted])
        let goal = try #require(buffer.find("┄ goal ≥ 5.00%"), "\(buffer.text)")
        let line = try #require(buffer.find("┄┄┄┄┄┄┄┄", rows: chartTop.y + 1..<goal.y), "\(buffer.text)")
        #expect(buffer[line.x, line.y].style.foreground == theme[.accent])
    }

    @Test func aDayWithoutDataIsHatchedAndADayWithZeroIsEmpty() throws {
        // facebook's impressions: 0 on the 5th day, nothing on the 10th and 11th.
        let buffer = screen([.character("5"), .enter], width: 120, height: 40)
        let title = try #require(buffer.find("Impressions daily for facebook"), "\(buffer.text)")
        let legend = try #require(buffer.find("░ no data", rows: title.y..<buffer.height), "\(buffer.text)")
        let plotRows = (title.y + 1)..<legend.y
        let hatched = plotRows.map { y in (0..<buffer.width).filter { buffer[$0, y].symbol == "░" } }
        #expect(hatched.allSatisfy { !$0.isEmpty }, "every row of a day without data is hatched")
        #expect(buffer[hatched[0][0], title.y + 1].style.foreground == theme[.border])
    }

    @Test func aSparklineOfManyDaysSaysItGroupsThem() {
        let wide = screen(width: 120, height: 40)
        #expect(wide.text.contains("days per cell") || wide.text.contains("d/cell") || wide.text.contains("d per cell"),
                "\(wide.text)")
    }

    // 6. Money in the data's currency; mixed currencies refused with the reason.

    @Test func moneyIsInTheDataCurrencyAndMixedCurrenciesAreRefused() throws {
        let overview = screen()
        let mixed = try #require(overview.find("mixed", inRowWith: "Revenue"), "\(overview.text)")
        #expect(overview.style(of: "mixed", at: mixed)?.foreground == theme[.warning])
        #expect(overview.find("EUR, USD", inRowWith: "Revenue") != nil)
        let revenue = screen(drillDown(.revenue))
        #expect(revenue.row(2).contains("Revenue = sum of revenue · mixed currencies: EUR, USD"), "\(revenue.row(2))")
        #expect(revenue.find("€1,235", inRowWith: "facebook") != nil, "\(revenue.text)")
        #expect(revenue.find("$2,345", inRowWith: "instagram") != nil, "\(revenue.text)")
        #expect(revenue.text.contains("mixed currencies: EUR, USD"))
        #expect(!revenue.text.contains("$1,235"))
        // The chart's axis of facebook's revenue is in euros.
        let chart = screen(drillDown(.revenue) + [.down])
        #expect(chart.find("€0.00") != nil, "\(chart.text)")
        // The platform table in each platform's own currency.
        #expect(overview.find("€1,235", inRowWith: "facebook") != nil)
        // Posts: instagram's revenue in dollars.
        let posts = screen([.character("5"), .down, .enter] + Array(repeating: .character("s"), count: 5))
        #expect(posts.find("$150", inRowWith: "Post number 1 ") != nil, "\(posts.text)")
    }

    // 7. Say what a number is.

    @Test func theSelectedKPISaysItsFormulaAndCoverage() {
        let buffer = screen([.character("2"), .down])
        #expect(buffer.row(2).contains("Engagement rate = interactions / reach · facebook, instagram (2 of 6 platforms)"),
                "\(buffer.row(2))")
        let narrow = screen([.character("2"), .down], width: 80, height: 24)
        #expect(narrow.row(2).contains("Engagement rate = interactions / reach · 2 of 6 platforms"), "\(narrow.row(2))")
    }

    @Test func goodAndBadChangesAreToldWithoutColour() throws {
        for options in [RenderOptions(noColor: true), RenderOptions(asciiOnly: true, noColor: true)] {
            let buffer = screen(options: options)
            let (better, worse) = options.asciiOnly ? ("+", "!") : ("✓", "✗")
            let arrowUp = options.asciiOnly ? "^" : "▲"
            let arrowDown = options.asciiOnly ? "v" : "▼"
            #expect(buffer.find("\(arrowUp) 0.2 pp \(better)", inRowWith: "Engagement rate") != nil, "\(buffer.text)")
            #expect(buffer.find("\(arrowDown) 0.3 pp \(worse)", inRowWith: "CTR") != nil, "\(buffer.text)")
            #expect(buffer.cells.allSatisfy { $0.style.foreground == nil })
        }
    }

    @Test func postsListsSayHowManyTheyHoldOfHowMany() {
        let buffer = screen([.character("5"), .down, .enter])
        #expect(buffer.text.contains("2 Posts: top 12 of 535 by interactions"), "\(buffer.text)")
    }

    @Test func stalePlatformsAreFlaggedWhereTheirNumbersAreShown() throws {
        let drill = screen(drillDown(.impressions))
        let stale = try #require(drill.find("linkedin stale"), "\(drill.text)")
        #expect(drill.style(of: "stale", at: (stale.x + 9, stale.y))?.foreground == theme[.warning])
        let page = screen([.character("5"), .down, .down, .enter])
        #expect(page.text.contains("1 linkedin: all KPIs · stale, newest data 3d ago"), "\(page.text)")
        let overview = screen()
        #expect(overview.find("stale 3d ago", inRowWith: "linkedin") != nil)
        // The overview of linkedin alone says so in the header.
        let filtered = screen([.character("p"), .down, .down, .down, .enter, .escape])
        #expect(filtered.row(0).contains("linkedin stale"), "\(filtered.row(0))")
    }

    @Test func newestTellsMetricsFromTickets() throws {
        let buffer = screen()
        let header = try #require(buffer.find("newest metrics"), "\(buffer.text)")
        #expect(buffer.find("newest ticket", rows: header.y..<header.y + 1) != nil)
        #expect(buffer.find("20m ago", inRowWith: "instagram") != nil)
    }

    // The screens, for reading.

    @Test func screens() {
        for (width, height) in [(120, 40), (80, 24), (160, 50), (30, 8)] {
            assertSnapshot(of: screen(width: width, height: height).text, as: .lines, named: "overview.\(width)x\(height)")
        }
        assertSnapshot(of: screen(drillDown(.engagementRate)).text, as: .lines, named: "engagementRate.120x40")
        assertSnapshot(of: screen(drillDown(.engagementRate), width: 160, height: 50).text, as: .lines,
                       named: "engagementRate.160x50")
        assertSnapshot(of: screen([.character("5"), .end, .up, .enter]).text, as: .lines, named: "platformX.120x40")
        assertSnapshot(of: screen(options: RenderOptions(asciiOnly: true, noColor: true)).text, as: .lines,
                       named: "ascii.120x40")
    }
}
