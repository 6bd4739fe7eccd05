import KPIEngine

/// Whether a change is good news, bad news or neither.
enum ChangeTone: Equatable {
    case good, bad, neutral

    /// A rise is good unless the KPI is one where lower is better (costs, waits, backlog).
    init(change: Double?, lowerIsBetter: Bool) {
        guard let change, change.isFinite, change != 0 else { self = .neutral; return }
        self = (change > 0) != lowerIsBetter ? .good : .bad
    }
}

/// The change against the previous window: `▲ 12.3%`, `▼ 4.0%` (`^` / `v` in ASCII),
/// blank when unknown.
enum ChangeFormat {
    static func text(_ change: Double?, ascii: Bool) -> String {
        guard let change, change.isFinite else { return "" }
        let percent = abs(change) * 100
        let digits = percent < 1000 ? ValueFormat.fixed(percent, decimals: 1) : ValueFormat.grouped(percent)
        if digits == "0.0" { return "= 0.0%" }
        let arrow = change > 0 ? (ascii ? "^" : "▲") : (ascii ? "v" : "▼")
        return "\(arrow) \(digits)%"
    }
}
