/// The change against the previous window: `▲ 12.3%`, `▼ 4.0%` (`^` / `v` in ASCII),
/// blank when unknown.
public enum ChangeFormat {
    public static func text(_ change: Double?, ascii: Bool = false) -> String {
        guard let change, change.isFinite else { return "" }
        let percent = abs(change) * 100
        let digits = percent < 1000 ? ValueFormat.fixed(percent, decimals: 1) : ValueFormat.grouped(percent)
        if digits == "0.0" { return "= 0.0%" }
        let arrow = change > 0 ? (ascii ? "^" : "▲") : (ascii ? "v" : "▼")
        return "\(arrow) \(digits)%"
    }
}
