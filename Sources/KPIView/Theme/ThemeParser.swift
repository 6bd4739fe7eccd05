import KPIEngine

/// Reads a theme file: `name = "Nord"` and a `[colors]` table with one `role = "#rrggbb"`
/// per ``ThemeRole`` (the format `Themes/README.md` documents).
public enum ThemeParser {
    /// Parses a theme's text; `file` names it in errors and gives the default name (its stem).
    public static func parse(_ text: String, file: String) throws(ConfigProblem) -> Theme {
        let document = try TOMLDocument(text: text, file: file)
        func problem(_ line: Int, _ reason: String) -> ConfigProblem {
            ConfigProblem(file: file, line: line, reason: reason)
        }

        var name = fileStem(file)
        if let value = document.table["name"] {
            guard let string = value.string, !string.isEmpty else {
                throw problem(document.line(containing: "name", from: 1), "'name' must be a non-empty string")
            }
            name = string
        }

        guard let colorsValue = document.table["colors"] else { throw problem(0, "no [colors] table") }
        let colorsLine = document.line(containing: "colors", from: 1)
        guard let colors = colorsValue.table else { throw problem(colorsLine, "'colors' must be a table") }

        var parsed: [ThemeRole: RGB] = [:]
        let keysInFileOrder = colors.keys
            .map { (key: $0, line: document.line(ofKey: $0, from: colorsLine)) }
            .sorted { $0.line < $1.line }
        for (key, keyLine) in keysInFileOrder {
            guard let role = ThemeRole(rawValue: key) else {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw problem(keyLine, "'\(key)' is not a colour role (expected one of: \(known))")
            }
            guard let hex = colors[key]?.string, hex.hasPrefix("#"), let rgb = RGB(hex: hex) else {
                throw problem(keyLine, "'\(key)' is not a colour (#rrggbb expected)")
            }
            parsed[role] = rgb
        }
        if let missing = ThemeRole.allCases.first(where: { parsed[$0] == nil }) {
            throw problem(colorsLine, "[colors] has no '\(missing.rawValue)'")
        }
        return Theme(name: name) { parsed[$0]! }
    }

    /// `Themes/nord.toml` -> `nord`.
    static func fileStem(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return base.hasSuffix(".toml") ? String(base.dropLast(5)) : base
    }
}
