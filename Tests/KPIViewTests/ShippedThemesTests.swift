import Foundation
import KPIEngine
import Testing
@testable import KPIView

/// The themes compiled into kpitop are the files of `Themes/`, byte for byte, and a binary
/// with no theme folder at all still offers every one of them.
@Suite struct ShippedThemesTests {
    private let folder = ThemeTests.themesFolder

    @Test func embeddedCopiesEqualTheThemesFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(ShippedThemes.files.map(\.name) == names, "run Scripts/embed-themes")
        for file in ShippedThemes.files {
            let text = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.text == text, "Themes/\(file.name) changed: run Scripts/embed-themes")
        }
    }

    @Test func withNoThemeFolderEveryShippedThemeIsBuiltIn() throws {
        let entries = ThemeLoader.catalog(searching: [])
        #expect(entries.map(\.name) == ["default", "gruvbox", "high-contrast", "light", "monochrome", "nord"])
        #expect(entries.allSatisfy { $0.source == .builtIn(fileName: $0.name + ".toml") && $0.hidden.isEmpty })
        for entry in entries {
            let builtIn = try ThemeLoader.load(entry)
            let file = try ThemeLoader.load(folder.appendingPathComponent(entry.name + ".toml").path)
            #expect(builtIn == file, "\(entry.name)")
        }
        #expect(try ThemeLoader.load("nord", searching: []).name == "Nord")
        #expect(ThemeLoader.themes(in: []).map(\.name).first == ThemeLoader.builtInDefault.name)
        #expect(ThemeLoader.themes(in: []).count == 6)
    }
}
