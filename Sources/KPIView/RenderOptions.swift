/// What the terminal can show, decided once by the backend.
public struct RenderOptions: Sendable, Equatable {
    /// Draw box lines and sparklines with ASCII only (non-UTF-8 locale, or `--ascii`).
    public var asciiOnly: Bool
    /// No colours at all (`NO_COLOR`, `--no-color`, or a terminal without colours).
    public var noColor: Bool

    public init(asciiOnly: Bool = false, noColor: Bool = false) {
        self.asciiOnly = asciiOnly
        self.noColor = noColor
    }
}
