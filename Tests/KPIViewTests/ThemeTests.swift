import Foundation
import KPIEngine
import Testing
@testable import KPIView

/// Theme files: every bundled theme loads, a mistake names its file and line, and colours map
/// to the nearest one a smaller palette has.
@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    static let validColors = ThemeRole.allCases.map { "\($0.rawValue) = \"#102030\"" }.joined(separator: "\n")

    private func problem(_ text: String) -> ConfigProblem? {
        do throws(ConfigProblem) {
            _ = try ThemeParser.parse(text, file: "mine.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func everyBundledThemeLoadsAndThereAreAtLeastSix() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path)
            .filter { $0.hasSuffix(".toml") }
        #expect(files.count >= 6)
        for file in files {
            #expect(throws: Never.self) { try ThemeLoader.load(Self.themesFolder.appendingPathComponent(file).path) }
        }
        let names = ThemeLoader.themes(in: [Self.themesFolder.path]).map(\.name)
        #expect(names.count == files.count)
        #expect(names.first == ThemeLoader.builtInDefault.name)
    }

    @Test func defaultFileMatchesTheBuiltInFallback() throws {
        let file = try ThemeLoader.load(Self.themesFolder.appendingPathComponent("default.toml").path)
        for role in ThemeRole.allCases { #expect(file[role] == ThemeLoader.builtInDefault[role], "\(role)") }
    }

    @Test func nameDefaultsToTheFileStem() throws {
        let theme = try ThemeParser.parse("[colors]\n" + Self.validColors, file: "themes/ocean.toml")
        #expect(theme.name == "ocean")
        #expect(theme[.good] == RGB(0x10, 0x20, 0x30))
    }

    @Test func unknownRoleNamesItsLine() {
        let error = problem("name = \"Mine\"\n[colors]\n" + Self.validColors + "\nsparkle = \"#ffffff\"\n")
        #expect(error?.file == "mine.toml")
        #expect(error?.line == 3 + ThemeRole.allCases.count)
        #expect(error?.reason.contains("'sparkle' is not a colour role") == true)
    }

    @Test func badColourNamesItsLine() {
        let text = "[colors]\n" + Self.validColors.replacing("good = \"#102030\"", with: "good = \"green\"")
        let goodLine = 2 + ThemeRole.allCases.firstIndex(of: .good)!
        let error = problem(text)
        #expect(error?.line == goodLine)
        #expect(error?.description == "mine.toml:\(goodLine): 'good' is not a colour (#rrggbb expected)")
    }

    @Test func missingRoleAndMissingTableAndSyntaxErrors() {
        let withoutBad = "[colors]\n" + Self.validColors.split(separator: "\n").filter { !$0.hasPrefix("bad ") }
            .joined(separator: "\n")
        #expect(problem(withoutBad)?.reason == "[colors] has no 'bad'")
        #expect(problem("name = \"x\"\n")?.reason == "no [colors] table")
        #expect(problem("name = \"x\"\n[colors\n")?.line == 2)
        #expect(problem("name = \"\"\n[colors]\n" + Self.validColors)?.line == 1)
    }

    @Test func unknownThemeNameListsTheAvailableOnes() {
        let error = #expect(throws: ConfigProblem.self) {
            try ThemeLoader.load("no-such-theme", searching: [Self.themesFolder.path])
        }
        #expect(error?.reason.contains("nord") == true)
    }

    @Test(arguments: [
        (RGB(0xFF, 0x00, 0x00), ColorDepth.palette256, 196),
        (RGB(0x00, 0x00, 0x00), .palette256, 16),
        (RGB(0x80, 0x80, 0x80), .palette256, 244),
        (RGB(0x4C, 0xD9, 0x7B), .palette256, 78),
        (RGB(0xFF, 0x10, 0x10), .palette8, 1),
        (RGB(0x20, 0xE0, 0x20), .palette8, 2),
        (RGB(0xF0, 0xF0, 0xF0), .palette8, 7),
        (RGB(0x10, 0x14, 0x18), .palette8, 0),
        (RGB(0x10, 0x14, 0x18), .none, -1),
    ])
    func hexColoursMapToTheNearestPaletteEntry(color: RGB, depth: ColorDepth, index: Int) {
        #expect(PaletteMapping.index(of: color, depth: depth) == index)
    }
}
