import ArgumentParser
import Foundation
import KPIEngine
import KPITerminal
import KPIView

/// Options only the dashboard takes (data contract section 8).
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Theme name (see Themes/) or path to a theme file.", valueName: "name|path"))
    var theme: String?

    @Flag(inversion: .prefixedNo, help: "Poll the data directory every second instead of using inotify (default: no).")
    var poll: Bool?

    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Do not use colours (NO_COLOR=1 does the same).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Redraw interval, from 100ms to 60s (default: 1s).", valueName: "interval"))
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
        discussion: """
            Without --data, a configured data directory or a ./data directory, the dashboard
            shows live demo data. Settings not given as flags come from the config file
            (kpitop config shows them).
            Examples:
              kpitop
              kpitop --data ~/exports --window 7d --theme nord --bell

            Keys: arrows/hjkl move, Enter drills down, Esc goes back, ? lists every key, q quits.
            """
    )

    @OptionGroup var shared: SharedOptions
    @OptionGroup var dashboard: DashboardOptions

    func run() throws {
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
        discussion: """
            Writes 90 days of realistic data for six platforms into a temporary directory,
            appends a few rows a second while the dashboard runs, and removes it on exit.
            Example:
              kpitop demo --theme gruvbox
            """
    )

    @OptionGroup var shared: SharedOptions
    @OptionGroup var dashboard: DashboardOptions

    func validate() throws {
        if shared.data != nil { throw ValidationError("demo writes its own data: leave out --data") }
    }

    func run() throws {
        try DemoLauncher(options: shared.resolve(dashboard: dashboard), dashboard: dashboard).run()
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
        let goalFile = try options.loadGoals(directory: directory)
        var watcher = DirectoryWatcher.Options(forcePolling: config.poll.value)
        if isDemo { watcher.pollInterval = .milliseconds(250) }
        let session = try options.makeSession(directory: directory, isDemo: isDemo, goals: goalFile.goals, watcher: watcher)
        session.start()
        defer { session.stop() }
        let capabilities = TerminalCapabilities.detect(forceASCII: dashboard.ascii, forceNoColor: dashboard.noColor)
        let model = DashboardModel(
            themes: ThemeChoice.themes(startingWith: config.theme.value), options: capabilities.renderOptions,
            dataDirectory: directory, window: config.window.value, goalProblems: goalFile.problems,
            bell: config.bell.value)
        let status = try MainActor.assumeIsolated {
            try DashboardApp(capabilities: capabilities).run(source: session, model: model, refresh: config.refresh.value)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Writes demo data into a temporary directory, keeps appending to it, shows the dashboard
/// on it, and removes it on exit.
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
final class DemoAppender: @unchecked Sendable {
    // `writer` is only touched on `queue`.
    private let writer: DemoDataWriter
    private let timeZone: TimeZone
    private let queue = DispatchQueue(label: "kpitop.demo")
    private var timer: DispatchSourceTimer?

    init(writer: DemoDataWriter, timeZone: TimeZone) {
        self.writer = writer
        self.timeZone = timeZone
    }

    func start() {
        let t = DispatchSource.makeTimerSource(queue: queue)
        t.schedule(deadline: .now() + .milliseconds(300), repeating: .milliseconds(300), leeway: .milliseconds(50))
        t.setEventHandler { [writer, timeZone] in try? writer.appendLive(at: LocalTime.now(in: timeZone)) }
        t.resume()
        timer = t
    }

    func stop() {
        timer?.cancel()
        queue.sync {}
    }
}
