import KPIEngine
import Foundation

/// Finds and loads theme files.
public enum ThemeLoader {
    /// A theme by NAME (a file `NAME.toml`, searched in `$XDG_CONFIG_HOME/kpitop/themes` or
    /// `~/.config/kpitop/themes`, then in a `Themes` folder found by walking up from the
    /// executable's directory) or by PATH (anything containing `/` or ending in `.toml`).
    public static func load(_ nameOrPath: String) throws(ConfigProblem) -> Theme {
        try load(nameOrPath, searching: searchDirectories())
    }

    /// Every theme found in the search directories (a user's file hides a bundled one of the
    /// same name; unreadable or bad files are left out), the default theme first.
    public static func availableThemes() -> [Theme] {
        themes(in: searchDirectories())
    }

    /// The dark default theme (the values of `Themes/default.toml`), used when files are
    /// missing or bad.
    public static let builtInDefault = Theme(name: "Default") { role in
        switch role {
        case .background: RGB(0x10, 0x14, 0x18)
        case .text: RGB(0xD0, 0xD6, 0xE0)
        case .muted: RGB(0x7A, 0x84, 0x94)
        case .accent: RGB(0x4F, 0xB3, 0xFF)
        case .good: RGB(0x4C, 0xD9, 0x7B)
        case .bad: RGB(0xFF, 0x5C, 0x5C)
        case .warning: RGB(0xFF, 0xB3, 0x47)
        case .border: RGB(0x3A, 0x42, 0x50)
        case .selection: RGB(0x26, 0x4F, 0x78)
        case .graphLow: RGB(0x2E, 0x7D, 0xE9)
        case .graphMid: RGB(0x2E, 0xC4, 0xB6)
        case .graphHigh: RGB(0xE9, 0xD4, 0x5B)
        }
    }

    static func load(_ nameOrPath: String, searching directories: [URL]) throws(ConfigProblem) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try parseFile(URL(fileURLWithPath: nameOrPath), shownAs: nameOrPath)
        }
        let files = themeFiles(in: directories)
        for file in files where ThemeParser.fileStem(file.path).lowercased() == nameOrPath.lowercased() {
            return try parseFile(file, shownAs: file.path)
        }
        let names = files.map { ThemeParser.fileStem($0.path) }
        throw ConfigProblem(file: nameOrPath, line: 0, reason: names.isEmpty
            ? "no theme of that name (no theme folder found)"
            : "no theme of that name; available: \(names.joined(separator: ", "))")
    }

    static func themes(in directories: [URL]) -> [Theme] {
        var found: [(stem: String, theme: Theme)] = []
        for file in themeFiles(in: directories) {
            guard let theme = try? parseFile(file, shownAs: file.path) else { continue }
            found.append((ThemeParser.fileStem(file.path).lowercased(), theme))
        }
        let defaults = found.filter { $0.stem == "default" }.map(\.theme)
        let others = found.filter { $0.stem != "default" }.map(\.theme)
        return (defaults.isEmpty ? [builtInDefault] : defaults) + others
    }

    /// `*.toml` files of the directories, sorted by name, the first directory's file winning
    /// when two have the same name.
    static func themeFiles(in directories: [URL]) -> [URL] {
        var seen = Set<String>()
        var files: [URL] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".toml") && seen.insert(name.lowercased()).inserted {
                files.append(directory.appendingPathComponent(name))
            }
        }
        return files
    }

    /// The user's theme folder, then the project's `Themes` folder near the executable.
    static func searchDirectories(environment: [String: String] = ProcessInfo.processInfo.environment,
                                  executable: URL? = Bundle.main.executableURL) -> [URL] {
        var directories: [URL] = []
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            directories.append(URL(fileURLWithPath: config).appendingPathComponent("kpitop/themes"))
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(URL(fileURLWithPath: home).appendingPathComponent(".config/kpitop/themes"))
        }
        var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent()
        while let current = folder, current.path != "/" {
            let candidate = current.appendingPathComponent("Themes")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                directories.append(candidate)
                break
            }
            folder = current.deletingLastPathComponent()
        }
        return directories
    }

    private static func parseFile(_ url: URL, shownAs name: String) throws(ConfigProblem) -> Theme {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigProblem(file: name, line: 0, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigProblem(file: name, line: 0, reason: "not UTF-8 text")
        }
        return try ThemeParser.parse(text, file: name)
    }
}
