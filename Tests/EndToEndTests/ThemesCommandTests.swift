import Foundation
import Testing

/// `kpitop themes`: every theme with where it comes from, a bad file with its problem, and the
/// folders searched in order.
@Suite struct ThemesCommandTests {
    @Test func listsEachThemeWithItsSourceAndTheFoldersSearched() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-themes-\(UUID().uuidString)")
        let folder = config.appendingPathComponent("kpitop/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        let colors = ["background", "text", "muted", "accent", "good", "bad", "warning", "border", "selection",
                      "graph_low", "graph_mid", "graph_high"].map { "\($0) = \"#102030\"" }.joined(separator: "\n")
        try "name = \"Mine\"\n[colors]\n\(colors)\n".write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "name = \"My Nord\"\n[colors]\n\(colors)\n".write(to: folder.appendingPathComponent("nord.toml"), atomically: true, encoding: .utf8)
        try "[colors]\ngood = \"green\"\n".write(to: folder.appendingPathComponent("bad.toml"), atomically: true, encoding: .utf8)

        let run = try CommandRun(["themes"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let byName = Dictionary(lines.compactMap { line in line.split(separator: " ").first.map { (String($0), line) } },
                                uniquingKeysWith: { first, _ in first })
        #expect(lines.first?.hasPrefix("bad ") == true)
        #expect(byName["bad"]?.contains(" (bad file) ") == true)
        #expect(byName["bad"]?.hasSuffix(" \(folder.path)/bad.toml:2: 'good' is not a colour (#rrggbb expected)") == true)
        #expect(byName["mine"]?.contains(" Mine ") == true)
        #expect(byName["mine"]?.hasSuffix(" \(folder.path)/mine.toml") == true)
        #expect(byName["nord"]?.contains(" My Nord ") == true)
        #expect(byName["nord"]?.contains(" \(folder.path)/nord.toml (hides ") == true)
        #expect(byName["nord"]?.hasSuffix("the built-in copy)") == true)
        for name in ["default", "gruvbox", "high-contrast", "light", "monochrome"] {
            #expect(byName[name] != nil, "\(name) is missing")
        }
        let folders = lines.drop { $0 != "Folders searched, in this order:" }.dropFirst()
        #expect(folders.first == "  \(folder.path)")
        #expect(folders.contains("  /usr/share/kpitop/themes") || folders.contains("  /usr/share/kpitop/themes (none)"))
        #expect(folders.last == "  then the themes built into kpitop")
    }
}
