/// How often the dashboard redraws when nothing else happens (its clock tick, which moves
/// "updated 3s ago"): `1s`, `500ms`, `2.5s`; from 100 ms to 60 s.
public struct RefreshInterval: Sendable, Hashable, CustomStringConvertible {
    public let milliseconds: Int

    /// The intervals accepted, in milliseconds.
    public static let allowed = 100...60_000
    /// Once a second.
    public static let standard = RefreshInterval(checked: 1000)

    private init(checked milliseconds: Int) { self.milliseconds = milliseconds }

    /// nil outside ``allowed``.
    public init?(milliseconds: Int) {
        guard Self.allowed.contains(milliseconds) else { return nil }
        self.init(checked: milliseconds)
    }

    /// A number of seconds (as TOML `refresh = 2` gives it); nil outside ``allowed``.
    public init?(seconds: Double) {
        guard seconds.isFinite, abs(seconds) < 1e6 else { return nil }
        self.init(milliseconds: Int((seconds * 1000).rounded()))
    }

    /// Parses `500ms`, `1s`, `2.5s` or a plain number of seconds; nil for anything else.
    public init?(_ text: String) {
        let t = String(text.trimmingSpaces).lowercased()
        if t.hasSuffix("ms"), let n = Double(t.dropLast(2).trimmingSpaces), n.isFinite, abs(n) < 1e9 {
            self.init(milliseconds: Int(n.rounded()))
        } else if let n = Double(t.hasSuffix("s") ? String(t.dropLast().trimmingSpaces) : t) {
            self.init(seconds: n)
        } else {
            return nil
        }
    }

    /// `1s`, `2.5s` or `500ms`, as it can be written back.
    public var description: String {
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        if milliseconds > 1000, milliseconds % 100 == 0 { return "\(milliseconds / 1000).\(milliseconds % 1000 / 100)s" }
        return "\(milliseconds)ms"
    }
}
