import Foundation
import Testing
@testable import KPIEngine
@testable import KPIReport

/// Relative goals (data contract section 9.1), each rule checked against numbers worked out
/// by hand from a small data set.
///
/// instagram, days 0...59 from 2026-11-01 (day 30 = 2026-12-01):
/// - impressions 100 a day on days 0-29, 130 on days 30-44, 160 on days 45-59;
/// - reach 50 a day; likes 2 a day on days 0-29, 3 from day 30 (interactions = likes);
/// - followers 1000 + 10 × day.
@Suite struct RelativeGoalTests {
    typealias F = StoreFixture

    static let store: MetricsStore = {
        var rows: [MetricsRow] = []
        for d in 0...59 {
            let impressions: Double = d < 30 ? 100 : d < 45 ? 130 : 160
            rows.append(F.row("instagram", day: d, followers: Double(1000 + 10 * d),
                              [.impressions: impressions, .reach: 50, .likes: d < 30 ? 2 : 3, .interactions: d < 30 ? 2 : 3]))
        }
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("instagram.csv", rows: rows))
        return store
    }()

    static func day(_ offset: Int) -> Day { F.d0.adding(days: offset) }

    /// The goals of a goals file, evaluated on day `asOf`.
    static func evaluate(_ toml: String, asOf: Int = 59) throws -> (goals: [GoalProgress], problems: [ConfigProblem]) {
        let file = GoalFile.parse(try TOMLDocument(text: toml, file: "goals.toml"))
        let snapshot = store.snapshot(SnapshotRequest(window: .days(28), asOf: day(asOf), now: 0, goals: file.goals))
        return (snapshot.goals, file.problems)
    }

    static func goal(_ kpi: String, _ target: String, start: String = "2026-12-01", deadline: String = "2027-01-29",
                     extra: String = "") -> String {
        """
        [[goal]]
        kpi = "\(kpi)"
        platform = "instagram"
        target = "\(target)"
        start = \(start)
        deadline = \(deadline)
        \(extra)

        """
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    // MARK: The goals file

    @Test func aSignedPercentageIsRelativeAndSetsTheDirection() throws {
        let file = GoalFile.parse(try TOMLDocument(text: Self.goal("followers", "+20%") + Self.goal("cpc", "-15%")
            + Self.goal("reach", "+12.5 %", extra: "direction = \"at_most\""), file: "goals.toml"))
        #expect(file.problems.isEmpty)
        #expect(file.goals.map(\.relative) == [0.2, -0.15, 0.125])
        #expect(file.goals.map(\.direction) == [.atLeast, .atMost, .atMost])
    }

    @Test func baselineDaysDefaultToTheGoalsLengthAtMost90() throws {
        let file = GoalFile.parse(try TOMLDocument(text:
            Self.goal("reach", "+20%", start: "2026-12-01", deadline: "2026-12-31")
            + Self.goal("reach", "+20%", start: "2026-10-01", deadline: "2026-12-31")
            + Self.goal("reach", "+20%", extra: "baseline_days = 28"), file: "goals.toml"))
        #expect(file.goals.map(\.baselineDays) == [31, 90, 28])
        // The baseline period ends the day before the start.
        #expect(file.goals[0].baselineWindow == ReportWindow(start: Day(iso: "2026-10-31")!, end: Day(iso: "2026-11-30")!))
        #expect(file.goals[2].baselineWindow == ReportWindow(start: Day(iso: "2026-11-03")!, end: Day(iso: "2026-11-30")!))
    }

    @Test func aRelativeGoalNeedsAStartAndAGoodBaselineLength() throws {
        let file = GoalFile.parse(try TOMLDocument(text: """
            [[goal]]
            kpi = "reach"
            target = "+20%"
            deadline = 2026-12-31

            [[goal]]
            kpi = "reach"
            target = "+20%"
            start = 2026-12-01
            deadline = 2026-12-31
            baseline_days = 0

            [[goal]]
            kpi = "reach"
            target = "+twenty%"
            start = 2026-12-01
            deadline = 2026-12-31

            [[goal]]
            kpi = "reach"
            target = "+20%"
            start = 2026-12-01
            deadline = 2026-11-30
            """, file: "goals.toml"))
        #expect(file.goals.isEmpty)
        #expect(file.problems.map(\.line) == [3, 11, 15, 23])
        #expect(file.problems[0].reason.contains("start"))
        #expect(file.problems[1].reason.contains("baseline_days"))
        #expect(file.problems[3].reason.contains("deadline before start"))
    }

    // MARK: Sum KPIs: a daily pace

    @Test func aSumComparesPacesPerDay() throws {
        // baseline_days 28: days 2-29, 28 x 100 / 28 = 100 a day; target 100 x 1.46 = 146.
        // value: days 30-59 = 15 x 130 + 15 x 160 = 4350, / 30 days = 145.
        // projection: the last 28 days, 32-59 = 13 x 130 + 15 x 160 = 4090, / 28 = 146.0714...
        let p = try Self.evaluate(Self.goal("impressions", "+46%", extra: "baseline_days = 28")).goals[0]
        #expect(p.perDay)
        #expect(p.baseline == 100)
        #expect(Self.close(p.target, 146))
        #expect(p.value == 145)
        #expect(Self.close(p.projection, 4090.0 / 28))
        #expect(p.status == .onTrack)
        #expect(p.daysLeft == 30)
    }

    @Test func aSumGoalsStatusFollowsSection9() throws {
        // Same figures: +45% asks for 145 a day (met by the value), +50% for 150 (the
        // projection 146.07 is within 90%: at risk), +80% for 180 (off track).
        let goals = try Self.evaluate(Self.goal("impressions", "+45%", extra: "baseline_days = 28")
            + Self.goal("impressions", "+50%", extra: "baseline_days = 28")
            + Self.goal("impressions", "+80%", extra: "baseline_days = 28")).goals
        #expect(goals.map(\.status) == [.met, .atRisk, .offTrack])
    }

    @Test func theDefaultBaselineCountsDaysWithoutDataAsZero() throws {
        // Default baseline: deadline - start + 1 = 60 days, 2026-10-02..2026-11-30; only days
        // 0-29 have data: 3000 / 60 = 50 a day; +20% -> 60 a day.
        let p = try Self.evaluate(Self.goal("impressions", "+20%")).goals[0]
        #expect(p.baseline == 50)
        #expect(Self.close(p.target, 60))
        #expect(p.status == .met)
    }

    @Test func aMinusGoalOnASumAsksForLessPerDay() throws {
        // -15% of 100 a day = 85 a day, at most; value 145 and projection 146.07 are above
        // 85 x 1.1 = 93.5: off track.
        let p = try Self.evaluate(Self.goal("impressions", "-15%", extra: "baseline_days = 28")).goals[0]
        #expect(p.goal.direction == .atMost)
        #expect(Self.close(p.target, 85))
        #expect(p.status == .offTrack)
    }

    @Test func theValueBeforeTwentyEightDaysCountsEveryDaySinceTheStart() throws {
        // as of day 50: days 30-50 = 15 x 130 + 6 x 160 = 2910 over 21 days = 138.571...;
        // the projection's window is min(28, 21) = 21 days, the same.
        let p = try Self.evaluate(Self.goal("impressions", "+40%", extra: "baseline_days = 28"), asOf: 50).goals[0]
        #expect(Self.close(p.value, 2910.0 / 21))
        #expect(Self.close(p.projection, 2910.0 / 21))
        // target 140; 138.57 < 140, and at least 126: at risk.
        #expect(p.status == .atRisk)
    }

    // MARK: Followers

    @Test func followersCompareWithTheDayBeforeTheStart() throws {
        // baseline = followers on day 29 = 1290; +25% -> 1612.5. value = followers on day 59 =
        // 1590; projection = 1590 + (1590 - 1310) / 28 x 30 days left = 1890: on track.
        let p = try Self.evaluate(Self.goal("followers", "+25%")).goals[0]
        #expect(!p.perDay)
        #expect(p.baseline == 1290)
        #expect(Self.close(p.target, 1612.5))
        #expect(p.value == 1590)
        #expect(Self.close(p.projection, 1890))
        #expect(p.status == .onTrack)
        // +20% -> 1548, reached.
        #expect(try Self.evaluate(Self.goal("followers", "+20%")).goals[0].status == .met)
    }

    // MARK: Other KPIs

    @Test func aRatioComparesTheBaselinePeriodWithTheTimeSinceTheStart() throws {
        // Default baseline (60 days, days -30..29): likes 60 / reach 1500 = 0.04; +20% -> 0.048.
        // value over days 30-59: 90 / 1500 = 0.06; projection over days 32-59: 84 / 1400 = 0.06.
        let p = try Self.evaluate(Self.goal("engagement_rate", "+20%")).goals[0]
        #expect(Self.close(p.baseline, 0.04))
        #expect(Self.close(p.target, 0.048))
        #expect(Self.close(p.value, 0.06))
        #expect(Self.close(p.projection, 0.06))
        #expect(!p.perDay)
        #expect(p.status == .met)
        // +60% asks for 0.064: 0.06 is within 90%: at risk.
        #expect(try Self.evaluate(Self.goal("engagement_rate", "+60%")).goals[0].status == .atRisk)
    }

    // MARK: No baseline

    @Test func aBaselineOfZeroOrNullHasNoTarget() throws {
        // Starting on the first day of data: the impressions before it sum to 0, and there are
        // no followers before it at all.
        let goals = try Self.evaluate(Self.goal("impressions", "+20%", start: "2026-11-01")
            + Self.goal("followers", "+20%", start: "2026-11-01")
            + Self.goal("saves", "+20%")).goals
        #expect(goals[0].baseline == 0)
        #expect(goals[1].baseline == nil)
        #expect(goals.map(\.status) == [.noBaseline, .noBaseline, .noBaseline])
        #expect(goals.allSatisfy { $0.target == nil })
    }

    // MARK: Reports

    @Test func jsonGivesEveryGoalTargetRelativeBaselineAndPerDay() throws {
        let toml = Self.goal("impressions", "+46%", extra: "baseline_days = 28") + Self.goal("followers", "+20%")
            + """
            [[goal]]
            kpi = "reach"
            platform = "instagram"
            target = 2000
            deadline = 2027-01-29

            """ + Self.goal("followers", "+20%", start: "2026-11-01")
        let file = GoalFile.parse(try TOMLDocument(text: toml, file: "goals.toml"))
        let snapshot = Self.store.snapshot(SnapshotRequest(window: .days(28), asOf: Self.day(59), now: 0, goals: file.goals))
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(snapshot).utf8)) as! [String: Any]
        let goals = json["goals"] as! [[String: Any]]
        #expect(goals.count == 4)
        for goal in goals {
            for key in ["target", "relative", "baseline", "per_day", "name", "kpi", "platform", "direction", "deadline",
                        "value", "projection", "status"] {
                #expect(goal.keys.contains(key), "goal without \(key)")
            }
        }
        #expect((goals[0]["target"] as? Double).map { abs($0 - 146) < 1e-9 } == true)
        #expect(goals[0]["relative"] as? Double == 0.46)
        #expect(goals[0]["baseline"] as? Double == 100)
        #expect(goals[0]["per_day"] as? Bool == true)
        #expect(goals[0]["baseline_start"] as? String == "2026-11-03")
        #expect(goals[1]["per_day"] as? Bool == false)
        #expect(goals[1]["baseline"] as? Double == 1290)
        #expect(goals[2]["relative"] is NSNull)
        #expect(goals[2]["baseline"] is NSNull)
        #expect(goals[2]["per_day"] as? Bool == false)
        #expect(goals[2]["target"] as? Double == 2000)
        #expect(goals[3]["status"] as? String == "no_baseline")
        #expect(goals[3]["target"] is NSNull)
    }

    @Test func textMarkdownAndOpenMetricsShowBaselineAndTarget() throws {
        let file = GoalFile.parse(try TOMLDocument(text: Self.goal("impressions", "+46%", extra: "baseline_days = 28"),
                                                    file: "goals.toml"))
        let snapshot = Self.store.snapshot(SnapshotRequest(window: .days(28), asOf: Self.day(59), now: 0, goals: file.goals))
        let text = TextReport.render(snapshot, dataDirectory: "d")
        #expect(text.contains("baseline 100/day → ≥ 146/day (+46%)"))
        let markdown = MarkdownReport.render(snapshot)
        #expect(markdown.contains("| impressions instagram | instagram | 100/day | 145/day | ≥ 146/day (+46%) |"))
        let metrics = OpenMetricsReport.render(snapshot)
        #expect(metrics.contains("kpitop_goal_baseline{goal=\"impressions instagram\",kpi=\"impressions\",platform=\"instagram\"} 100\n"))
        #expect(metrics.contains("kpitop_goal_value{goal=\"impressions instagram\",kpi=\"impressions\",platform=\"instagram\"} 145\n"))
    }
}
