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
    /// Opens a brand of the config file by name: a started engine on its data directory,
    /// with its goals, benchmarks and alerts, the old engine stopped. Throws why it cannot
    /// (the old engine then keeps running).
    public var openBrand: (String) throws -> BrandSource

    public init(now: @escaping () -> Int64, takeSignal: @escaping () -> Int32?,
                save: @escaping (ViewExport) throws -> String, remember: @escaping (SavedChoices) -> Void,
                openBrand: @escaping (String) throws -> BrandSource = { _ in throw BrandSource.NoBrands() }) {
        self.now = now
        self.takeSignal = takeSignal
        self.save = save
        self.remember = remember
        self.openBrand = openBrand
    }
}

/// A brand opened while the dashboard runs: the engine that follows its data directory, and
/// its goals file's problems.
public struct BrandSource {
    /// The brand could not be opened because the dashboard runs without brands.
    public struct NoBrands: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "the config file has no [brands]" }
    }

    public var source: any SnapshotSource
    public var dataDirectory: String
    public var goalProblems: [ConfigProblem]

    public init(source: any SnapshotSource, dataDirectory: String, goalProblems: [ConfigProblem]) {
        self.source = source
        self.dataDirectory = dataDirectory
        self.goalProblems = goalProblems
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
    /// The engine in use; a brand switch replaces it.
    private var source: any SnapshotSource
    private let refresh: RefreshInterval
    private let services: LoopServices
    /// The choice of view last sent to `source`, and the version of its news last shown.
    private var requested: ViewChoice?
    private var shownVersion: Int?

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
            // A brand picked is opened before the view is asked for: the new engine gets it first.
            if perform(model.takeEffects()) { changed = true }
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
            case .switchBrand(let brand):
                do {
                    let opened = try services.openBrand(brand)
                    source = opened.source
                    // The new engine is told the view at once and its news is all new.
                    requested = nil
                    shownVersion = nil
                    model.switched(toBrand: brand, dataDirectory: opened.dataDirectory, goalProblems: opened.goalProblems)
                } catch {
                    model.brandSwitchFailed(brand, reason: "\(error)")
                }
                changed = true
            }
        }
        return changed
    }
}
