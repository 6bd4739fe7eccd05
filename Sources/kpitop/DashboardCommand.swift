import ArgumentParser
import Foundation
import Synchronization
import KPIDemo
import KPIEngine
import KPITerminal
import KPIView

/// Options only the dashboard (and the demo) take (docs/CONFIG.md).
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Theme name (kpitop themes lists them) or path to a theme file.",
                                            valueName: "name|path"),
            completion: .custom { _, _, _ in CompletionValues.themes })
    var theme: String?

    @Flag(inversion: .prefixedNo, help: "Poll the data directory every second instead of using inotify (default: no).")
    var poll: Bool?

    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Do not use colours (NO_COLOR=1 does the same).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Redraw interval, from 100ms to 60s (default: 1s).", valueName: "interval"),
            completion: .list(CompletionValues.refreshIntervals))
    var refresh: RefreshInterval?

    @Flag(inversion: .prefixedNo, help: "Ring the terminal bell once for each alert breach (default: no).")
    var bell: Bool?
}

extension RefreshInterval: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the live dashboard (the default command).",
        usage: "kpitop [dashboard] [--data <dir>] [--window <length>] [<options>]",
        discussion: """
            Without --data, a configured data directory or a ./data directory, the dashboard \
            shows live demo data. Settings not given as flags come from the config file \
            (kpitop config shows them); the window, theme and platform chosen with keys are \
            kept for the next run in $XDG_STATE_HOME/kpitop/dashboard.toml.

            Examples:
              kpitop
              kpitop --data ~/exports --window 7d --theme nord --bell

            Keys: arrows or j/k move, Enter opens, Esc goes back, w or W the window, [ and ] \
            the day, a alerts, e saves the view, ? lists every key, q quits.
            """
    )

    @OptionGroup var shared: SharedOptions
    @OptionGroup var dashboard: DashboardOptions

    func run() throws {
        try Self.open(shared: shared, dashboard: dashboard)
    }

    /// The dashboard on the data directory the options name, or on demo data when none.
    static func open(shared: SharedOptions, dashboard: DashboardOptions) throws {
        let options = try shared.resolve(dashboard: dashboard)
        if let directory = options.dataDirectory {
            try DashboardLauncher(options: options, dashboard: dashboard).run(directory: directory, isDemo: false)
        } else {
            try DemoLauncher(options: options, dashboard: dashboard).run()
        }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the dashboard on demo data that keeps changing.",
        usage: "kpitop demo [--window <length>] [--theme <name|path>] [<options>]",
        discussion: """
            Writes 90 days of realistic data for six platforms into a temporary directory, \
            appends a few rows a second while the dashboard runs, and removes the directory \
            on exit (q, Ctrl-C, Ctrl-\\, SIGTERM, or a closed terminal).

            Example:
              kpitop demo --theme gruvbox
            """
    )

    @OptionGroup var view: ViewOptions
    @OptionGroup var dashboard: DashboardOptions

    func run() throws {
        try DemoLauncher(options: view.resolve(dashboard: dashboard), dashboard: dashboard).run()
    }
}

/// Starts the engine on a directory and runs the dashboard until the user quits.
struct DashboardLauncher {
    let options: ResolvedOptions
    let dashboard: DashboardOptions

    func run(directory: String, isDemo: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the dashboard needs a terminal; for a pipe or a file use `kpitop report`")
        }
        let config = options.config
        let environment = ProcessInfo.processInfo.environment
        let savedFile = SavedChoicesFile(environment: environment)
        let saved = savedFile?.load() ?? (nil, nil, nil)
        let start = StartingChoices(config: config, saved: saved)

        let goalFile = try options.loadGoals(directory: directory)
        let benchmarkFile = options.loadBenchmarks(directory: directory)
        var watcher = DirectoryWatcher.Options(forcePolling: config.poll.value)
        if isDemo { watcher.pollInterval = .milliseconds(250) }
        let session = try options.makeSession(directory: directory, isDemo: isDemo, goals: goalFile.goals,
                                              benchmarks: benchmarkFile.benchmarks, window: start.window,
                                              restartCache: isDemo ? nil : RestartCache(dataDirectory: directory, environment: environment),
                                              watcher: watcher)
        session.start()
        defer { session.stop() }
        let capabilities = TerminalCapabilities.detect(forceASCII: dashboard.ascii, forceNoColor: dashboard.noColor)
        let model = DashboardModel(
            themes: ThemeChoice.themes(startingWith: start.theme, savedName: start.savedTheme),
            options: capabilities.renderOptions, dataDirectory: directory, window: start.window,
            platform: start.platform, goalProblems: goalFile.problems, bell: config.bell.value,
            comparison: config.compare.value, brands: config.brands.map(\.name), brand: config.brand.value?.name)
        let files = ViewFiles(folder: FileManager.default.currentDirectoryPath)
        let status: Int32
        do {
            status = try MainActor.assumeIsolated {
                // A brand picked with B replaces the engine; the one in use at the end is stopped.
                let sessions = BrandSessions(options: options, watcher: DirectoryWatcher.Options(forcePolling: config.poll.value),
                                             first: session)
                defer { sessions.stop() }
                return try DashboardApp(capabilities: capabilities).run(
                    source: session, model: model, refresh: config.refresh.value, save: files.save,
                    remember: { choices in try? savedFile?.save(choices) }, openBrand: sessions.open)
            }
        } catch let error as TerminalError {
            FileHandle.standardError.write(Data("kpitop: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// What the dashboard starts with: a flag beats the choices kept from the last run, which
/// beat the config file and the defaults.
struct StartingChoices {
    var window: WindowLength
    /// `--theme` or the config file's theme (a name or a path), when the kept one does not win.
    var theme: String?
    /// The theme kept from the last run, by name.
    var savedTheme: String?
    var platform: String

    init(config: EffectiveConfig, saved: (window: WindowLength?, theme: String?, platform: String?)) {
        func isFlag<Value>(_ setting: Setting<Value>) -> Bool {
            if case .flag = setting.source { return true }
            return false
        }
        window = isFlag(config.window) ? config.window.value : saved.window ?? config.window.value
        let flagTheme = isFlag(config.theme)
        theme = flagTheme || saved.theme == nil ? config.theme.value : nil
        savedTheme = flagTheme ? nil : saved.theme
        platform = saved.platform ?? KPISnapshot.allPlatforms
    }
}

/// Writes demo data into a temporary directory, keeps appending to it, shows the dashboard
/// on it, and removes it on exit: a normal one, a signal the dashboard turns into a quit
/// (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or a terminal that cannot be used.
struct DemoLauncher {
    let options: ResolvedOptions
    let dashboard: DashboardOptions

    func run() throws {
        let root = try DemoDataWriter.makeTemporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let timeZone = TimeZone(identifier: options.clock.identifier) ?? .current
        let writer = DemoDataWriter(root: root, now: LocalTime.now(in: timeZone), seed: UInt64(currentMilliseconds()))
        try writer.writeHistory()
        let appender = DemoAppender(writer: writer, timeZone: timeZone)
        appender.start()
        defer { appender.stop() }
        try DashboardLauncher(options: options, dashboard: dashboard).run(directory: root, isDemo: true)
    }
}

/// Appends a few demo rows a few times a second on a background queue.
final class DemoAppender: Sendable {
    private struct State {
        var writer: DemoDataWriter
        var stopped = false
    }

    private let state: Mutex<State>
    private let timeZone: TimeZone
    private let queue = DispatchQueue(label: "kpitop.demo")

    init(writer: sending DemoDataWriter, timeZone: TimeZone) {
        state = Mutex(State(writer: writer))
        self.timeZone = timeZone
    }

    func start() { appendSoon() }

    /// Appends in 300 ms, then again, until stopped.
    private func appendSoon() {
        queue.asyncAfter(deadline: .now() + .milliseconds(300)) { [self] in
            let goesOn = state.withLock { s in
                guard !s.stopped else { return false }
                try? s.writer.appendLive(at: LocalTime.now(in: timeZone))
                return true
            }
            if goesOn { appendSoon() }
        }
    }

    func stop() {
        state.withLock { $0.stopped = true }
        queue.sync {}
    }
}
