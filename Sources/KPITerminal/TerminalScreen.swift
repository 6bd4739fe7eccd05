import KPIView

/// The terminal as the app loop sees it: a size, a place to draw buffers, a queue of keys
/// and mouse events, and a way to sleep until something happens. ``NcursesScreen`` is the
/// real one; tests drive ``DashboardLoop`` through a fake.
@MainActor
public protocol TerminalScreen: AnyObject {
    /// Columns and rows now; read before every frame, so the first frame has it too.
    var size: TerminalSize { get }
    /// Shows a whole screen.
    func draw(_ buffer: Buffer)
    /// The next key, mouse or resize event waiting; nil when there is none (never blocks).
    func nextKey() -> Key?
    /// Rings the terminal bell.
    func bell()
    /// Sleeps until input arrives, `wakeDescriptor` becomes readable (the engine has news;
    /// drained here), a signal comes in, or `milliseconds` pass.
    func wait(milliseconds: Int32, wakeDescriptor: Int32) -> WaitOutcome
}

/// A terminal's size in character cells.
public struct TerminalSize: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// How a ``TerminalScreen/wait(milliseconds:wakeDescriptor:)`` ended.
public enum WaitOutcome: Equatable, Sendable {
    /// A key, engine news, a signal or the timeout: look at everything again.
    case awake
    /// The terminal hung up or failed: there is no terminal any more.
    case terminalClosed
}
