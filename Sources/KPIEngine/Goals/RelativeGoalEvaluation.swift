/// A relative goal ("grow Instagram followers by 20% in 3 months") worked out as data
/// contract section 9.1 says. The baseline period is the goal's ``Goal/baselineDays`` days
/// ending the day before its start, and the absolute target is baseline × (1 + p):
///
/// - followers: baseline = followers at the day before the start (latest observation at or
///   before it); value and projection as for an absolute goal (section 9);
/// - sum KPIs compare a pace, per day: baseline = the baseline period's sum / its days;
///   value = the sum over [start, as_of] / (as_of − start + 1); projection = the sum over the
///   last min(28, as_of − start + 1) days ending at as_of / that number of days;
/// - every other KPI: baseline = the KPI over the baseline period; value = the KPI over
///   [start, as_of]; projection = the KPI over the last min(28, as_of − start + 1) days.
///
/// A baseline that is null or 0 gives no target (status `no_baseline`). Before the start
/// (as_of < start) nothing is counted yet: value and projection are null.
struct RelativeGoalEvaluation {
    let progress: GoalProgress

    init(goal: Goal, calculator: KPICalculator, asOf: Day) {
        let platform = goal.platform == KPISnapshot.allPlatforms ? nil : goal.platform
        // A relative goal always has a start and a baseline length (the goals file refuses one without).
        let start = goal.start ?? asOf
        let baselineWindow = goal.baselineWindow ?? ReportWindow(days: 1, endingOn: start.adding(days: -1))
        let daysLeft = asOf.distance(to: goal.deadline)
        let elapsed = start.distance(to: asOf) + 1
        let sinceStart = elapsed >= 1 ? ReportWindow(start: start, end: asOf) : nil
        let recentDays = min(28, elapsed)
        let recent = elapsed >= 1 ? ReportWindow(days: recentDays, endingOn: asOf) : nil
        func kpi(over window: ReportWindow?) -> Double? {
            window.flatMap { calculator.value(goal.kpi, platform: platform, window: $0) }
        }

        let baseline: Double?, value: Double?, projection: Double?
        let perDay: Bool
        switch goal.kpi.kind {
        case .level:
            perDay = false
            let dayBefore = start.adding(days: -1)
            baseline = calculator.value(.followers, platform: platform, window: ReportWindow(start: dayBefore, end: dayBefore))
            (value, projection) = GoalProgress.followers(goal, calculator: calculator, asOf: asOf, daysLeft: daysLeft)
        case .sum:
            perDay = true
            baseline = kpi(over: baselineWindow).map { $0 / Double(baselineWindow.days) }
            value = kpi(over: sinceStart).map { $0 / Double(elapsed) }
            projection = kpi(over: recent).map { $0 / Double(recentDays) }
        case .other:
            perDay = false
            baseline = kpi(over: baselineWindow)
            value = kpi(over: sinceStart)
            projection = kpi(over: recent)
        }
        let target = baseline.flatMap { b in b == 0 ? nil : b * (1 + (goal.relative ?? 0)) }
        progress = GoalProgress(goal: goal, start: start, value: value, projection: projection, target: target,
                                baseline: baseline, perDay: perDay, daysLeft: daysLeft)
    }
}
