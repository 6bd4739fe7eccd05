import Foundation
import KPIEngine
import KPIView

/// What the app loop needs from the world besides the screen and the engine: the clock, the
/// signals received, and where saved views and choices go. Tests pass their own.
public struct LoopServices {
    /// The time now, in milliseconds since the epoch.
    public var now: () -> Int64
    /// A signal received since the last call (SIGINT, SIGTERM, SIGHUP, SIGQUIT), if any.
    public var takeSignal: () -> Int32?
    /// Writes a view saved with `e` and returns where, in words ("kpitop-x.md and .csv in ~/").
    public var save: (ViewExport) throws -> String
    /// Keeps the window, theme and platform for the next run.
    public var remember: (SavedChoices) -> Void

    public init(now: @escaping () -> Int64, takeSignal: @escaping () -> Int32?,
                save: @escaping (ViewExport) throws -> String, remember: @escaping (SavedChoices) -> Void) {
        self.now = now
        self.takeSignal = takeSignal
        self.save = save
        self.remember = remember
    }
}

/// The dashboard's app loop: feeds the terminal's size, keys, mouse and the engine's
/// snapshots into the model, sends the engine the model's choice of view, performs the
/// model's effects, and draws the model's screen when something visible changed. Between
/// rounds it sleeps in ``TerminalScreen/wait(milliseconds:wakeDescriptor:)`` until input,
/// engine news, a signal, or the next tick of the clock (the header's "updated 3s ago").
@MainActor
public struct DashboardLoop {
    /// Exit status after a hang-up (SIGHUP, or the terminal went away): 128 + SIGHUP.
    public static let hangUpStatus: Int32 = 129

    public private(set) var model: DashboardModel
    private let screen: any TerminalScreen
    private let source: any SnapshotSource
    private let refresh: RefreshInterval
    private let services: LoopServices

    public init(screen: any TerminalScreen, source: any SnapshotSource, model: DashboardModel,
                refresh: RefreshInterval = .standard, services: LoopServices) {
        self.screen = screen
        self.source = source
        self.model = model
        self.refresh = refresh
        self.services = services
    }

    /// Runs until the user quits (0: `q`, Ctrl-C, SIGINT, SIGTERM, Ctrl-\ and SIGQUIT) or the
    /// terminal hangs up (129), and returns that exit status.
    public mutating func run() -> Int32 {
        var requested: ViewChoice?
        var shownVersion: Int?
        var shownClock: String?
        var changed = true
        while true {
            let now = services.now()
            model.advance(to: now)
            switch services.takeSignal() {
            case SIGINT?:
                if !model.handle(.interrupt) { return 0 }
                changed = true
            case SIGTERM?, SIGQUIT?: return 0
            case SIGHUP?: return Self.hangUpStatus
            default: break
            }
            // The size is an input of every frame, the first one included: clicks and PgDn
            // work before any resize.
            let size = screen.size
            if size.width != model.size.width || size.height != model.size.height {
                _ = model.handle(.resize(width: size.width, height: size.height))
                changed = true
            }
            while let key = screen.nextKey() {
                if !model.handle(key) { return 0 }
                changed = true
            }
            if model.viewChoice != requested {
                requested = model.viewChoice
                source.request(model.viewChoice)
            }
            let latest = source.latest()
            if latest.version != shownVersion {
                shownVersion = latest.version
                model.update(snapshot: latest.snapshot, status: latest.status)
                changed = true
            }
            if perform(model.takeEffects()) { changed = true }

            let clock = model.clockText(now: now)
            if changed || clock != shownClock {
                screen.draw(model.render(width: size.width, height: size.height, now: now))
                shownClock = clock
                changed = false
            }
            if screen.wait(milliseconds: sleep(from: now), wakeDescriptor: source.wakeFileDescriptor) == .terminalClosed {
                return Self.hangUpStatus
            }
        }
    }

    /// Until the next tick of the clock, or sooner when a notice ends before it.
    private func sleep(from now: Int64) -> Int32 {
        let tick = Int64(refresh.milliseconds)
        var wait = tick - now % tick
        if let change = model.nextChange(after: now) { wait = min(wait, change - now) }
        return Int32(max(1, wait))
    }

    /// Performs the model's effects; true when the screen may have changed.
    private mutating func perform(_ effects: [DashboardEffect]) -> Bool {
        var changed = false
        for effect in effects {
            switch effect {
            case .bell:
                screen.bell()
            case .save(let export):
                do {
                    model.saved(at: try services.save(export))
                } catch {
                    model.saveFailed("\(error)")
                }
                changed = true
            case .remember(let choices):
                services.remember(choices)
            }
        }
        return changed
    }
}
