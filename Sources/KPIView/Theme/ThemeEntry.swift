/// One theme name found by the theme search: the source that provides it and the ones it hides.
public struct ThemeEntry: Sendable, Equatable {
    /// The name `--theme` takes: the file name without `.toml` (`nord`).
    public var name: String
    /// The file (or built-in copy) used for this name: the first found.
    public var source: ThemeSource
    /// Later files of the same name, and the built-in copy, that `source` hides.
    public var hidden: [ThemeSource]
}
