import KPIEngine

/// Something the model asks the terminal backend to do; the app loop takes them after each
/// input (``DashboardModel/takeEffects()``) and performs them.
public enum DashboardEffect: Equatable, Sendable {
    /// Ring the terminal bell: an alert became breached (with `--bell`).
    case bell
    /// Write the view to files, then tell the model where (``DashboardModel/saved(at:)``) or
    /// why not (``DashboardModel/saveFailed(_:)``).
    case save(ViewExport)
    /// The window, theme or platform changed with a key: keep them for the next run.
    case remember(SavedChoices)
    /// A brand was picked (`B`): open its data directory, goals, benchmarks and alerts in a
    /// new engine, stop the old one, then tell the model (``DashboardModel/switched(toBrand:dataDirectory:goalProblems:)``)
    /// or say why not (``DashboardModel/brandSwitchFailed(_:reason:)``).
    case switchBrand(String)
}

/// The choices made with keys that the next run starts with.
public struct SavedChoices: Equatable, Sendable {
    public var window: WindowLength
    /// The theme's name (`Nord`).
    public var theme: String
    /// The platform the overview shows, `all` for every platform.
    public var platform: String

    public init(window: WindowLength, theme: String, platform: String) {
        self.window = window
        self.theme = theme
        self.platform = platform
    }
}
