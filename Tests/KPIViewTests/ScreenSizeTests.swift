import KPIEngine
import Testing
@testable import KPIView

/// Every size from 30x8 up: the four panels at 80x24, the room used from 160 columns, labels
/// and headers whole (never `interactions da…`), the help complete at 80x24.
@Suite struct ScreenSizeTests {
    static let sizes = [(30, 8), (34, 10), (40, 12), (60, 20), (79, 24), (80, 24), (100, 30), (120, 40), (160, 50),
                        (200, 60)]

    func screen(_ keys: [Key] = [], width: Int, height: Int, options: RenderOptions = RenderOptions()) -> Buffer {
        var model = CoverageSample.model(width: width, height: height, options: options)
        for key in keys { _ = model.handle(key) }
        return model.render(width: width, height: height, now: CoverageSample.now)
    }

    @Test func eightyByTwentyFourShowsTheFourPanelsAtOnce() {
        let buffer = screen(width: 80, height: 24)
        for title in ["1 Reach", "2 Engagement", "3 Conversion", "4 Customer service"] {
            #expect(buffer.find(title) != nil, "\(title) missing:\n\(buffer.text)")
        }
        // The platform list has no room under them: it takes the lower half while it has the focus.
        let platforms = screen([.character("5")], width: 80, height: 24)
        #expect(platforms.find("5 Platforms") != nil && platforms.find("instagram") != nil, "\(platforms.text)")
        #expect(platforms.find("1 Reach") != nil)
    }

    @Test func wideScreensUseTheRoom() throws {
        let overview = screen(width: 160, height: 50)
        #expect(overview.find("prev", inRowWith: "KPI") != nil, "\(overview.text)")
        #expect(overview.find("target", inRowWith: "KPI") != nil)
        #expect(overview.find("5 Platforms") != nil)
        // The KPI page puts its chart beside the table.
        let drill = screen([.character("2"), .down, .enter], width: 160, height: 50)
        let table = try #require(drill.find("Engagement rate by platform"))
        #expect(drill.find("Engagement rate daily for all", rows: table.y..<table.y + 1) != nil, "\(drill.text)")
        #expect(drill.find("previous", inRowWith: "platform") != nil)
        // Sums say each platform's share of the total.
        let sums = screen([.enter], width: 160, height: 50)
        #expect(sums.find("share", inRowWith: "platform") != nil, "\(sums.text)")
    }

    @Test(arguments: sizes)
    func labelsAndHeadersAreNeverCut(width: Int, height: Int) {
        let screens: [(String, [Key])] = [
            ("overview", []), ("engagement panel", [.character("2"), .down]), ("KPI page", [.character("2"), .down, .enter]),
            ("sum KPI page", [.enter]), ("goals", [.character("g")]), ("help", [.character("?")]),
            ("platform page", [.character("5"), .enter]),
        ]
        for (name, keys) in screens {
            let buffer = screen(keys, width: width, height: height)
            #expect(!buffer.text.contains("…"), "\(name) at \(width)x\(height):\n\(buffer.text)")
        }
    }

    @Test func theHelpIsCompleteAtEightyByTwentyFour() {
        let buffer = screen([.character("?")], width: 80, height: 24)
        let text = buffer.text
        for entry in HelpOverlay.entries(themeName: ThemeLoader.builtInDefault.name) {
            #expect(text.contains(entry.meaning), "missing: \(entry.meaning)\n\(text)")
        }
        for note in HelpOverlay.notes(.unicode) {
            #expect(text.contains(note), "missing: \(note)\n\(text)")
        }
        #expect(!text.contains("scroll)"), "the help should not need scrolling at 80x24")
        // More keys (as the app loop adds them) go into two columns and still fit.
        let more = HelpOverlay.entries(themeName: "Default") + [
            ("[  ]  .", "anchor a day earlier / later / latest"), ("a", "alerts: every alert, breached first"),
            ("z", "pause updates / resume"), ("e", "save this view as Markdown and CSV"),
        ]
        let sheet = StyleSheet(theme: ThemeLoader.builtInDefault, options: RenderOptions())
        let lines = HelpOverlay.lines(more, width: 80, height: 24, sheet: sheet)
        let shown = lines.map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(lines.count + 2 <= 24, "\(lines.count) lines:\n\(shown)")
        for entry in more { #expect(shown.contains(entry.keys.split(separator: " ")[0])) }
        #expect(!shown.contains("…"))
        // Smaller, it scrolls and says so; the last line can be reached.
        var small = CoverageSample.model(width: 40, height: 12)
        _ = small.handle(.character("?"))
        #expect(small.render(width: 40, height: 12, now: CoverageSample.now).text.contains("↑↓ scroll"))
        _ = small.handle(.end)
        let end = small.render(width: 40, height: 12, now: CoverageSample.now).text
        #expect(end.contains("a day without") && end.contains("data.") && end.contains("╰"), "\(end)")
    }
}
