/// Where a goal stands on the anchor day (docs/DATA.md sections 9 and 9.1).
public struct GoalProgress: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case met
        case onTrack = "on_track"
        case atRisk = "at_risk"
        case offTrack = "off_track"
        case expired
        /// A relative goal whose baseline is null or 0: it has no target.
        case noBaseline = "no_baseline"
    }

    public var goal: Goal
    /// The first day counted (the goal's start or the platform's first day with data).
    public var start: Day
    public var value: Double?
    public var projection: Double?
    /// The absolute target: the goal's own, or for a relative goal baseline × (1 + p); nil for
    /// a relative goal without a baseline.
    public var target: Double?
    /// For a relative goal: the KPI over its baseline period (per day for a sum); nil for an
    /// absolute goal.
    public var baseline: Double?
    /// True for a relative goal on a sum KPI, whose value, projection, baseline and target
    /// are per day.
    public var perDay: Bool
    /// Deadline − anchor day, in days (negative once past).
    public var daysLeft: Int
    public var status: Status
    /// The currency of the goal's platform, for money goals.
    public var currency: Currency?

    /// Evaluates `goal` against the store's data for a snapshot's anchor day and window.
    public init(goal: Goal, calculator: KPICalculator, snapshot: KPISnapshot) {
        if goal.isRelative {
            self = RelativeGoalEvaluation(goal: goal, calculator: calculator, asOf: snapshot.asOf).progress
            currency = snapshot.currencies[goal.platform]
            return
        }
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
            (value, projection) = Self.followers(goal, calculator: calculator, asOf: asOf, daysLeft: daysLeft)
        case .other:
            value = snapshot.value(goal.kpi, platform: goal.platform).value
            projection = value
        }
        self.init(goal: goal, start: start, value: value, projection: projection, daysLeft: daysLeft)
        currency = snapshot.currencies[goal.platform]
    }

    /// Progress of an absolute goal from figures already worked out; the status follows from them.
    public init(goal: Goal, start: Day, value: Double?, projection: Double?, daysLeft: Int) {
        self.init(goal: goal, start: start, value: value, projection: projection, target: goal.target,
                  baseline: nil, perDay: false, daysLeft: daysLeft)
    }

    /// Progress from figures already worked out, with the absolute target (nil: no baseline);
    /// the status follows from them.
    public init(goal: Goal, start: Day, value: Double?, projection: Double?, target: Double?, baseline: Double?,
                perDay: Bool, daysLeft: Int) {
        self.goal = goal
        self.start = start
        self.value = value
        self.projection = projection
        self.target = target
        self.baseline = baseline
        self.perDay = perDay
        self.daysLeft = daysLeft
        if goal.isRelative && target == nil {
            status = .noBaseline
        } else {
            status = Self.status(goal: goal, target: target ?? goal.target, value: value, projection: projection,
                                 daysLeft: daysLeft)
        }
    }

    /// Followers at `asOf`, and the projection at the pace of the last 28 days (section 9).
    static func followers(_ goal: Goal, calculator: KPICalculator, asOf: Day,
                          daysLeft: Int) -> (value: Double?, projection: Double?) {
        let platform = goal.platform == KPISnapshot.allPlatforms ? nil : goal.platform
        let value = calculator.value(.followers, platform: platform, window: ReportWindow(start: asOf, end: asOf))
        let earlier = calculator.value(.followers, platform: platform,
                                       window: ReportWindow(start: asOf.adding(days: -28), end: asOf.adding(days: -28)))
        let projection = value.flatMap { v in earlier.map { v + (v - $0) / 28 * Double(daysLeft) } }
        return (value, projection)
    }

    /// Section 9's status: met, expired, on track, at risk (within 10% of the target in the
    /// goal's direction), off track; a null value is off track.
    static func status(goal: Goal, target: Double, value: Double?, projection: Double?, daysLeft: Int) -> Status {
        guard let value else { return .offTrack }
        if goal.reaches(value, target) { return .met }
        if daysLeft < 0 { return .expired }
        guard let projection else { return .offTrack }
        if goal.reaches(projection, target) { return .onTrack }
        let nearly = goal.direction == .atLeast ? target * 0.9 : target * 1.1
        if goal.reaches(projection, nearly) { return .atRisk }
        return .offTrack
    }

    /// Progress towards the target in 0...1, for gauges (1 when met).
    public var fraction: Double {
        guard let v = value, let target else { return 0 }
        if goal.reaches(v, target) { return 1 }
        switch goal.direction {
        case .atLeast: return target > 0 ? max(0, min(1, v / target)) : 0
        case .atMost: return v > 0 ? max(0, min(1, target / v)) : 1
        }
    }
}
