import Foundation
import KPIEngine
import KPIView

/// The interactive dashboard: takes over the terminal, runs the ``DashboardLoop`` on it, and
/// gives the terminal back when done.
@MainActor
public struct DashboardApp {
    public let capabilities: TerminalCapabilities

    public init(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
    }

    /// Runs until the user quits (0), SIGTERM or SIGQUIT (Ctrl-\) arrives (0) or the terminal
    /// hangs up (129), and returns that exit status. SIGINT is Ctrl-C: the model decides. The
    /// terminal is restored on every exit path, thrown errors included; a crash restores it
    /// too (``CrashGuard``).
    ///
    /// `save` writes a view saved with `e` and says where; `remember` keeps the choices made
    /// with keys for the next run; `openBrand` opens a brand picked with `B`
    /// (``LoopServices/openBrand``).
    /// - Throws: `TerminalError` when the terminal cannot be used.
    public func run(source: any SnapshotSource, model: DashboardModel, refresh: RefreshInterval = .standard,
                    save: @escaping (ViewExport) throws -> String,
                    remember: @escaping (SavedChoices) -> Void,
                    openBrand: @escaping (String) throws -> BrandSource) throws -> Int32 {
        let signals = SignalGuard.install()
        defer { signals.uninstall() }
        let screen = try NcursesScreen(capabilities: capabilities)
        defer { screen.stop() }
        let services = LoopServices(
            now: { Int64(Date().timeIntervalSince1970 * 1000) }, takeSignal: { signals.takePendingSignal() },
            save: save, remember: remember, openBrand: openBrand)
        var loop = DashboardLoop(screen: screen, source: source, model: model, refresh: refresh, services: services)
        return loop.run()
    }
}
