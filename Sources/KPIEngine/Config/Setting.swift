/// Where a setting's value came from, as `kpitop config` shows it.
public enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    /// A command-line flag, by name (`--window`).
    case flag(String)
    /// A line of the config file.
    case file(String, line: Int)
    /// The built-in default, with an optional note on how it was chosen.
    case builtIn(note: String?)

    /// `flag --window`, `/home/ana/.config/kpitop/config.toml:3`, `default (./data exists)`.
    public var description: String {
        switch self {
        case .flag(let name): "flag \(name)"
        case .file(let path, let line): line > 0 ? "\(path):\(line)" : path
        case .builtIn(let note): note.map { "default (\($0))" } ?? "default"
        }
    }
}

/// A setting's value and where it came from.
public struct Setting<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var source: SettingSource

    public init(_ value: Value, from source: SettingSource) {
        self.value = value
        self.source = source
    }
}
