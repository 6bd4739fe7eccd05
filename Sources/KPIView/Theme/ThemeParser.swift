import TOMLKit

/// Reads a theme file: `name = "Nord"` and a `[colors]` table with one `role = "#rrggbb"`
/// per ``ThemeRole`` (the format `Themes/README.md` documents).
enum ThemeParser {
    /// Parses a theme's text; `file` names it in errors and gives the default name (its stem).
    static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, problem: error.description)
        } catch {
            throw ThemeError(file: file, line: 0, problem: "not a TOML file")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        var name = fileStem(file)
        if let value = document["name"] {
            guard let string = value.string, !string.isEmpty else {
                throw ThemeError(file: file, line: line(of: "name", in: nil, lines: lines),
                                 problem: "'name' must be a non-empty string")
            }
            name = string
        }

        guard let colorsValue = document["colors"] else {
            throw ThemeError(file: file, line: 0, problem: "no [colors] table")
        }
        let colorsLine = line(of: "colors", in: nil, lines: lines)
        guard let colors = colorsValue.table else {
            throw ThemeError(file: file, line: colorsLine, problem: "'colors' must be a table")
        }

        var parsed: [ThemeRole: RGB] = [:]
        let keysInFileOrder = colors.keys
            .map { (key: $0, line: line(of: $0, in: "colors", lines: lines)) }
            .sorted { $0.line < $1.line }
        for (key, keyLine) in keysInFileOrder {
            guard let role = ThemeRole(rawValue: key) else {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeError(file: file, line: keyLine,
                                 problem: "'\(key)' is not a colour role (expected one of: \(known))")
            }
            guard let hex = colors[key]?.string, hex.hasPrefix("#"), let rgb = RGB(hex: hex) else {
                throw ThemeError(file: file, line: keyLine,
                                 problem: "'\(key)' is not a colour (#rrggbb expected)")
            }
            parsed[role] = rgb
        }
        if let missing = ThemeRole.allCases.first(where: { parsed[$0] == nil }) {
            throw ThemeError(file: file, line: colorsLine, problem: "[colors] has no '\(missing.rawValue)'")
        }
        return Theme(name: name) { parsed[$0]! }
    }

    /// The 1-based line where `key` is set (in the table `section`, nil for the top level), or
    /// where the table `[key]` starts; 0 when not found.
    static func line(of key: String, in section: String?, lines: [Substring]) -> Int {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingWhitespace
            if line.hasPrefix("[") {
                let header = line.dropFirst().prefix { $0 != "]" }.trimmingWhitespace
                if section == nil, header == key { return index + 1 }
                current = String(header)
                continue
            }
            let assigned = line.prefix { $0 != "=" }.trimmingWhitespace
            let bare = assigned.hasPrefix("\"") && assigned.hasSuffix("\"") && assigned.count >= 2
                ? assigned.dropFirst().dropLast() : assigned
            guard line.contains("=") else { continue }
            if current == section, bare == key { return index + 1 }
            if current == nil, let section, bare == "\(section).\(key)" { return index + 1 }
        }
        return 0
    }

    /// `Themes/nord.toml` -> `nord`.
    static func fileStem(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return base.hasSuffix(".toml") ? String(base.dropLast(5)) : base
    }
}

private extension Substring {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
