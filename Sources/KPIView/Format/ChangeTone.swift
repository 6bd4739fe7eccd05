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
