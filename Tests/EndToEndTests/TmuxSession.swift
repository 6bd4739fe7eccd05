import Foundation

/// One pane on a private tmux server (its own socket), for driving the real `kpitop`
/// executable as a person would: keys in, screen text out. The server dies with the session.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// True when a `tmux` executable is on the PATH.
    static let isAvailable = executable(named: "tmux") != nil

    private let socket = "kpitop-test-\(UUID().uuidString)"
    private let configuration: URL
    /// `XDG_STATE_HOME` of the pane: the dashboard keeps its choices there, never in the
    /// home of whoever runs the tests (where they would change the next test's start).
    let stateHome: URL

    /// Starts `command` (run by `sh -c`) in a `width` x `height` pane with a UTF-8 locale and
    /// a 256-colour TERM. The pane stays after the command exits, so its status can be read.
    /// `stateHome` is a new scratch folder unless given.
    init(command: String, width: Int = 120, height: Int = 40, stateHome: URL? = nil) throws {
        configuration = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        ownsStateHome = stateHome == nil
        self.stateHome = stateHome ?? FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-state")
        try """
        set -g default-terminal tmux-256color
        set -g remain-on-exit on
        set -g status off
        """.write(to: configuration, atomically: true, encoding: .utf8)
        try tmux("new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                 "-e", "LANG=C.UTF-8", "-e", "SWIFT_BACKTRACE=interactive=no",
                 "-e", "XDG_STATE_HOME=\(self.stateHome.path)", command)
    }

    private let ownsStateHome: Bool

    deinit {
        _ = try? tmux("kill-server")
        try? FileManager.default.removeItem(at: configuration)
        if ownsStateHome { try? FileManager.default.removeItem(at: stateHome) }
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-c`, `q`...), one key each.
    func press(_ keys: String...) throws {
        for key in keys { try tmux("send-keys", key) }
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux("send-keys", "-l", text)
    }

    /// The visible screen, one line per row.
    func screen() throws -> String {
        try tmux("capture-pane", "-p")
    }

    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-x", "\(width)", "-y", "\(height)")
    }

    /// The process id of the pane's command (`sh -c`'s, or the program it `exec`s).
    func panePID() throws -> Int32 {
        let text = try tmux("display-message", "-p", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(text) else { throw Failure(description: "no pane pid in '\(text)'") }
        return pid
    }

    /// True while the pane's command has not exited.
    func commandIsRunning() throws -> Bool {
        try tmux("display-message", "-p", "#{pane_dead}").trimmingCharacters(in: .whitespacesAndNewlines) != "1"
    }

    /// Polls the screen until `condition` holds; returns the last screen seen either way.
    @discardableResult
    func waitForScreen(timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        var last = ""
        _ = try Self.waitUntil(timeout: timeout) {
            last = try screen()
            return condition(last)
        }
        return last
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes; returns whether it held.
    static func waitUntil(timeout: TimeInterval = 15, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if try condition() { return true }
            usleep(50_000)
        } while Date() < deadline
        return try condition()
    }

    /// Runs tmux on this session's server and returns what it printed. The output goes to a
    /// file, not a pipe: the tmux server it may start must not hold our read end open, and
    /// `posix_spawn` + `waitpid` avoid Foundation's `Process`, whose exit monitoring can miss
    /// a child's exit when many tests spawn processes at once.
    @discardableResult
    private func tmux(_ arguments: String...) throws -> String {
        guard let tmuxPath = Self.executable(named: "tmux")?.path else {
            throw Failure(description: "tmux is not installed")
        }
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        // The test thread blocks signals; a tmux server inheriting that mask would never reap
        // its panes nor pass SIGWINCH on, so the child starts with an empty mask and defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = [tmuxPath, "-u", "-L", socket, "-f", configuration.path] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }

        var pid: pid_t = 0
        let spawnResult = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in posix_spawn(&pid, tmuxPath, &actions, &attributes, cArgv, cEnvp) }
        }
        guard spawnResult == 0 else { throw Failure(description: "cannot start tmux: error \(spawnResult)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}

        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitedCleanly = (status & 0x7f) == 0 && (status >> 8) & 0xff == 0
        guard exitedCleanly else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")): \(text)")
        }
        return text
    }

    /// Calls `body` with a NULL-terminated C array of the strings.
    private func withCStrings<Result>(_ strings: [String],
                                      _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }

    private static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
