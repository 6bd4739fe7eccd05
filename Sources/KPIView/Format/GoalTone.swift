import KPIEngine

/// How a goal's status reads at a glance: good (met, on track), warning (at risk) or bad
/// (off track, expired). Ordered from good to bad, so the worst of several is their maximum.
enum GoalTone: Int, Comparable {
    case good, warning, bad

    init(_ status: GoalProgress.Status) {
        switch status {
        case .met, .onTrack: self = .good
        case .atRisk, .noBaseline: self = .warning
        case .offTrack, .expired: self = .bad
        }
    }

    static func < (a: GoalTone, b: GoalTone) -> Bool { a.rawValue < b.rawValue }
}

extension StyleSheet {
    /// The colour of a goal's status.
    func style(for tone: GoalTone, bold: Bool = false) -> Style {
        switch tone {
        case .good: style(.good, bold: bold)
        case .warning: style(.warning, bold: bold)
        case .bad: style(.bad, bold: bold)
        }
    }
}
