import KPIEngine

/// The dashboard's state machine: UI state plus the latest engine snapshot.
/// Keys become actions, one reducer applies them, and `render` draws the whole screen.
public struct DashboardModel: Sendable {
    public private(set) var snapshot: KPISnapshot?
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    /// Takes a new snapshot from the engine.
    public mutating func update(snapshot: KPISnapshot) { self.snapshot = snapshot }

    /// Applies a key; returns false when the user asked to quit.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character("q"), .interrupt: false
        default: true
        }
    }

    /// Draws the whole screen for a terminal of this size.
    public func render(width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        buffer.write("kpitop", x: 0, y: 0)
        return buffer
    }
}
