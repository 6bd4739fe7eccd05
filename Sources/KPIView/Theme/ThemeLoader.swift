import KPIEngine
import Foundation

/// Finds and loads themes: files in the ``ThemeFolders``, then the shipped themes compiled
/// into kpitop (so a lone copied binary still has them all).
public enum ThemeLoader {
    /// A theme by NAME (the file `NAME.toml` first found in the theme folders, else the
    /// built-in copy) or by PATH (anything containing `/` or ending in `.toml`).
    public static func load(_ nameOrPath: String) throws(ConfigProblem) -> Theme {
        try load(nameOrPath, searching: ThemeFolders.search())
    }

    /// Every theme found (unreadable or bad files are left out), the default theme first.
    public static func availableThemes() -> [Theme] {
        themes(in: ThemeFolders.search())
    }

    /// Every theme name in `folders` and among the built-in copies, sorted by name: the
    /// source used for it and the ones it hides.
    public static func catalog(searching folders: [String] = ThemeFolders.search()) -> [ThemeEntry] {
        var entries: [String: ThemeEntry] = [:]
        func add(_ name: String, _ source: ThemeSource) {
            let key = name.lowercased()
            if entries[key] == nil {
                entries[key] = ThemeEntry(name: name, source: source, hidden: [])
            } else {
                entries[key]?.hidden.append(source)
            }
        }
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".toml") {
                add(ThemeParser.fileStem(name), .file(path: folder + "/" + name))
            }
        }
        for file in ShippedThemes.files { add(ThemeParser.fileStem(file.name), .builtIn(fileName: file.name)) }
        return entries.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// The theme of a catalog entry; a bad file's problem names its path and line.
    public static func load(_ entry: ThemeEntry) throws(ConfigProblem) -> Theme {
        switch entry.source {
        case .file(let path):
            return try parseFile(path)
        case .builtIn(let fileName):
            let text = ShippedThemes.files.first { $0.name == fileName }?.text ?? ""
            return try ThemeParser.parse(text, file: "(built in)/" + fileName)
        }
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

    static func load(_ nameOrPath: String, searching folders: [String]) throws(ConfigProblem) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try parseFile(nameOrPath)
        }
        let entries = catalog(searching: folders)
        if let entry = entries.first(where: { $0.name.lowercased() == nameOrPath.lowercased() }) {
            return try load(entry)
        }
        throw ConfigProblem(file: nameOrPath, line: 0, reason: "no theme of that name; available: "
                            + entries.map(\.name).joined(separator: ", "))
    }

    static func themes(in folders: [String]) -> [Theme] {
        var defaults: [Theme] = [], others: [Theme] = []
        for entry in catalog(searching: folders) {
            guard let theme = try? load(entry) else { continue }
            if entry.name.lowercased() == "default" { defaults.append(theme) } else { others.append(theme) }
        }
        return (defaults.isEmpty ? [builtInDefault] : defaults) + others
    }

    private static func parseFile(_ path: String) throws(ConfigProblem) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigProblem(file: path, line: 0, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigProblem(file: path, line: 0, reason: "not UTF-8 text")
        }
        return try ThemeParser.parse(text, file: path)
    }
}
