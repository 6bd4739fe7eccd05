/// Where a theme came from: a file found in a theme folder, or the copy compiled into kpitop.
public enum ThemeSource: Sendable, Equatable, CustomStringConvertible {
    /// A `.toml` file at this path.
    case file(path: String)
    /// The compiled-in copy of a shipped theme file (`nord.toml`).
    case builtIn(fileName: String)

    /// The path, or "built in".
    public var description: String {
        switch self {
        case .file(let path): path
        case .builtIn: "built in"
        }
    }
}
