/// Paths written in a config file: `~/...` is in the home directory, and a relative path is
/// relative to the config file's folder (so the file means the same from any directory).
struct ConfigPath {
    let folder: String
    let home: String?

    init(configFile: String, home: String?) {
        if let slash = configFile.lastIndex(of: "/") {
            folder = slash == configFile.startIndex ? "/" : String(configFile[..<slash])
        } else {
            folder = "."
        }
        self.home = home.flatMap { $0.isEmpty ? nil : $0 }
    }

    func resolve(_ text: String) -> String {
        if let home, text == "~" { return home }
        if let home, text.hasPrefix("~/") { return Self.normalized(home + text.dropFirst()) }
        if text.hasPrefix("/") || folder == "." { return text }
        return Self.normalized(folder + "/" + text)
    }

    /// An absolute path without `.`, `..` and doubled slashes (`/a/b/../c` -> `/a/c`);
    /// a relative path is left as it is.
    static func normalized(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A theme is a name unless it looks like a path (has a `/` or ends in `.toml`), as the
    /// dashboard's theme loader decides.
    func resolveTheme(_ text: String) -> String {
        text.contains("/") || text.hasSuffix(".toml") ? resolve(text) : text
    }
}
