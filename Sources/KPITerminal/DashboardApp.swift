import Foundation
import KPIEngine
import KPIView

/// The interactive dashboard: takes over the terminal, shows the model, feeds it keys and
/// snapshots, and gives the terminal back when done.
@MainActor
public struct DashboardApp {
    public let capabilities: TerminalCapabilities

    /// Exit status after a hang-up (SIGHUP, or the terminal went away): 128 + SIGHUP.
    static let hangUpStatus: Int32 = 129

    public init(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
    }

    /// Runs until the user quits (0), SIGTERM arrives (0) or the terminal hangs up (129), and
    /// returns that exit status. SIGINT is Ctrl-C: the model decides. The terminal is
    /// restored on every exit path, thrown errors included.
    ///
    /// Sleeps in `poll(2)` on the keyboard and `source.wakeFileDescriptor` until the next
    /// multiple of `refresh` (the clock tick of the header's "updated Ns ago"), and draws only
    /// when keys, engine news or the clock text (the ages on screen) changed what is shown, so
    /// an idle dashboard uses next to no CPU. Rings the terminal bell when the model asks for it.
    /// - Throws: `TerminalError` when the terminal cannot be used.
    public func run(source: any SnapshotSource, model initialModel: DashboardModel,
                    refresh: RefreshInterval = .standard) throws -> Int32 {
        let signals = SignalGuard.install()
        defer { signals.uninstall() }
        let screen = try NcursesScreen(capabilities: capabilities)
        defer { screen.stop() }

        var model = initialModel
        var requestedWindow = model.window
        var shownVersion: Int?
        let tick = Int64(refresh.milliseconds)
        var shownClock: String?
        var changed = true
        var wake = WakeSources(wakeFileDescriptor: source.wakeFileDescriptor)
        while true {
            switch signals.takePendingSignal() {
            case SIGINT:
                if !model.handle(.interrupt) { return 0 }
                changed = true
            case SIGTERM: return 0
            case SIGHUP: return Self.hangUpStatus
            default: break
            }
            while let key = screen.nextKey() {
                if !model.handle(key) { return 0 }
                changed = true
            }
            if model.window != requestedWindow {
                requestedWindow = model.window
                source.request(ViewChoice(window: requestedWindow))
            }
            let latest = source.latest()
            if latest.version != shownVersion {
                shownVersion = latest.version
                model.update(snapshot: latest.snapshot, status: latest.status)
                if model.takeBell() { screen.bell() }
                changed = true
            }

            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let clock = model.clockText(now: now)
            if changed || clock != shownClock {
                screen.draw(model.render(width: screen.width, height: screen.height, now: now))
                shownClock = clock
                changed = false
            }
            if wake.wait(milliseconds: Int32(tick - now % tick)) == .terminalClosed {
                return Self.hangUpStatus
            }
        }
    }
}
