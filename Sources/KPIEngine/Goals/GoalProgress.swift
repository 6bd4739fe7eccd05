/// Where a goal stands on the anchor day (docs/DATA.md section 9).
public struct GoalProgress: Sendable, Equatable {
    public enum Status: String, Sendable {
        case met
        case onTrack = "on_track"
        case atRisk = "at_risk"
        case offTrack = "off_track"
        case expired
    }

    public var goal: Goal
    /// The first day counted (the goal's start or the platform's first day with data).
    public var start: Day
    public var value: Double?
    public var projection: Double?
    /// Deadline − anchor day, in days (negative once past).
    public var daysLeft: Int
    public var status: Status
    /// The currency of the goal's platform, for money goals.
    public var currency: Currency?

    /// Evaluates `goal` against the store's data for a snapshot's anchor day and window.
    public init(goal: Goal, calculator: KPICalculator, snapshot: KPISnapshot) {
        let asOf = snapshot.asOf
        let platform = goal.platform == KPISnapshot.allPlatforms ? nil : goal.platform
        let start = goal.start
            ?? (platform.flatMap { calculator.store.platforms[$0]?.span?.lowerBound } ?? calculator.store.dataSpan?.lowerBound)
            ?? asOf
        let daysLeft = asOf.distance(to: goal.deadline)
        let value: Double?, projection: Double?
        switch goal.kpi.kind {
        case .sum:
            let elapsed = start.distance(to: asOf) + 1
            if elapsed < 1 {
                value = calculator.value(goal.kpi, platform: platform, window: ReportWindow(start: asOf, end: asOf)).map { _ in 0 }
                projection = value
            } else {
                value = calculator.value(goal.kpi, platform: platform, window: ReportWindow(start: start, end: asOf))
                let rateDays = min(28, elapsed)
                let recent = calculator.value(goal.kpi, platform: platform, window: ReportWindow(days: rateDays, endingOn: asOf))
                projection = value.flatMap { v in recent.map { v + $0 / Double(rateDays) * Double(daysLeft) } }
            }
        case .level:
            value = calculator.value(.followers, platform: platform, window: ReportWindow(start: asOf, end: asOf))
            let earlier = calculator.value(.followers, platform: platform,
                                           window: ReportWindow(start: asOf.adding(days: -28), end: asOf.adding(days: -28)))
            projection = value.flatMap { v in earlier.map { v + (v - $0) / 28 * Double(daysLeft) } }
        case .other:
            value = snapshot.value(goal.kpi, platform: goal.platform).value
            projection = value
        }
        self.init(goal: goal, start: start, value: value, projection: projection, daysLeft: daysLeft)
        currency = snapshot.currencies[goal.platform]
    }

    /// Progress from figures already worked out; the status follows from them.
    public init(goal: Goal, start: Day, value: Double?, projection: Double?, daysLeft: Int) {
        self.goal = goal
        self.start = start
        self.value = value
        self.projection = projection
        self.daysLeft = daysLeft
        status = Self.status(goal: goal, value: value, projection: projection, daysLeft: daysLeft)
    }

    static func status(goal: Goal, value: Double?, projection: Double?, daysLeft: Int) -> Status {
        guard let value else { return .offTrack }
        if goal.reaches(value, goal.target) { return .met }
        if daysLeft < 0 { return .expired }
        guard let projection else { return .offTrack }
        if goal.reaches(projection, goal.target) { return .onTrack }
        let nearly = goal.direction == .atLeast ? goal.target * 0.9 : goal.target * 1.1
        if goal.reaches(projection, nearly) { return .atRisk }
        return .offTrack
    }

    /// Progress towards the target in 0...1, for gauges (1 when met).
    public var fraction: Double {
        guard let v = value else { return 0 }
        if goal.reaches(v, goal.target) { return 1 }
        switch goal.direction {
        case .atLeast: return goal.target > 0 ? max(0, min(1, v / goal.target)) : 0
        case .atMost: return v > 0 ? max(0, min(1, goal.target / v)) : 1
        }
    }
}
