import KPITerminal
import KPIView

/// A terminal for ``DashboardLoop`` tests, like ratatui's TestBackend: it has a size, keeps
/// every frame drawn, and plays a script, one step each time the loop goes to sleep. When
/// the script is done, the terminal "hangs up" and the loop ends (status 129).
@MainActor
final class FakeScreen: TerminalScreen {
    enum Step {
        /// Keys (or mouse events) arrive.
        case keys([Key])
        /// The terminal is resized: the size changes and a resize event arrives, as from ncurses.
        case resize(width: Int, height: Int)
        /// Something else happens while the loop sleeps (the engine publishes, a signal
        /// arrives, the clock moves on).
        case run(() -> Void)
    }

    var size: TerminalSize
    private(set) var frames: [Buffer] = []
    private(set) var bells = 0
    /// The timeout of each `wait`, in order.
    private(set) var waits: [Int32] = []
    private var script: [Step]
    private var pending: [Key] = []

    init(width: Int = 100, height: Int = 30, script: [Step] = []) {
        size = TerminalSize(width: width, height: height)
        self.script = script
    }

    /// The last frame as text.
    var screen: String { frames.last?.text ?? "" }

    func draw(_ buffer: Buffer) { frames.append(buffer) }

    func nextKey() -> Key? { pending.isEmpty ? nil : pending.removeFirst() }

    func bell() { bells += 1 }

    func wait(milliseconds: Int32, wakeDescriptor: Int32) -> WaitOutcome {
        waits.append(milliseconds)
        guard !script.isEmpty else { return .terminalClosed }
        switch script.removeFirst() {
        case .keys(let keys): pending += keys
        case .resize(let width, let height):
            size = TerminalSize(width: width, height: height)
            pending.append(.resize(width: width, height: height))
        case .run(let body): body()
        }
        return .awake
    }
}
