import Foundation
import Testing
@testable import KPIEngine
@testable import KPIReport

@Suite struct GoalTests {
    typealias F = StoreFixture

    static func document(_ text: String) throws -> TOMLDocument { try TOMLDocument(text: text, file: "goals.toml") }

    @Test func targetsParse() {
        #expect(GoalTarget.parse("5%") == 0.05)
        #expect(GoalTarget.parse("12000") == 12000)
        #expect(GoalTarget.parse("$1,200") == 1200)
        #expect(GoalTarget.parse("2h") == 7200)
        #expect(GoalTarget.parse("30m") == 1800)
        #expect(GoalTarget.parse("45s") == 45)
        #expect(GoalTarget.parse("1h 30m") == 5400)
        #expect(GoalTarget.parse("soon") == nil)
        #expect(GoalTarget.parse("5 apples") == nil)
    }

    @Test func goalFileParsesDefaultsAndReportsBadGoalsWithTheirLine() throws {
        let file = GoalFile.parse(try Self.document("""
            [[goal]]
            name = "Instagram engagement"
            kpi = "engagement_rate"
            platform = "IG"
            target = "5%"
            deadline = 2026-12-31

            [[goal]]
            kpi = "reach_of_doom"
            target = 1
            deadline = 2026-12-31

            [[goal]]
            kpi = "cpa"
            target = "$20"
            deadline = 2026-12-31
            start = 2026-10-01

            [[goal]]
            kpi = "impressions"
            target = "lots"
            deadline = 2026-12-31

            [[goal]]
            kpi = "impressions"
            target = 100
            """))
        #expect(file.goals.map(\.name) == ["Instagram engagement", "cpa all"])
        #expect(file.goals[0].platform == "instagram")
        #expect(file.goals[0].direction == .atLeast)
        #expect(file.goals[1].direction == .atMost)
        #expect(file.goals[1].start == Day(iso: "2026-10-01"))
        #expect(file.problems.map(\.line) == [9, 21, 24])
        #expect(file.problems[0].description.hasPrefix("goals.toml:9: unknown KPI 'reach_of_doom'"))
        #expect(file.problems[2].reason.contains("deadline"))
    }

    @Test func nanInfinityAndNegativeTargetsAreRefusedWithTheirLine() throws {
        var text = ""
        for target in ["nan", "inf", "-inf", "+nan", "\"nan%\"", "\"inf%\"", "-5", "-0.5", "-0.05"] {
            text += "[[goal]]\nkpi = \"reach\"\ntarget = \(target)\ndeadline = 2026-12-31\n\n"
        }
        text += "[[goal]]\nkpi = \"sentiment\"\ntarget = -0.2\ndeadline = 2026-12-31\n"
        text += "[[goal]]\nkpi = \"reach\"\ntarget = 0\ndeadline = 2026-12-31\n"
        let file = GoalFile.parse(try Self.document(text))
        #expect(file.goals.map(\.kpi) == [.sentiment, .reach])
        #expect(file.goals.map(\.target) == [-0.2, 0])
        #expect(file.problems.map(\.line) == [3, 8, 13, 18, 23, 28, 33, 38, 43])
        #expect(file.problems.prefix(6).allSatisfy { $0.reason == "target must be a finite number (nan and inf are not targets)" })
        #expect(file.problems.dropFirst(6).prefix(3).allSatisfy { $0.reason == "target must be 0 or more (reach is never negative)" })
        #expect(file.problems[0].description == "goals.toml:3: target must be a finite number (nan and inf are not targets)")
    }

    @Test func syntaxErrorNamesTheLine() {
        let error = #expect(throws: ConfigProblem.self) { try Self.document("[[goal]]\nkpi = \n") }
        #expect(error?.line == 2)
    }

    /// Rollup of 40 days of 100 impressions a day on x (days 0...39), followers +10 a day.
    static func progress(_ goal: Goal, asOf: Int = 39) -> GoalProgress {
        var rows: [MetricsRow] = []
        for d in 0...39 { rows.append(F.row("x", day: d, followers: Double(1000 + 10 * d), [.impressions: 100, .reach: 50])) }
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("x.csv", rows: rows))
        let request = SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: asOf), now: 0)
        let snapshot = store.snapshot(request)
        return GoalProgress(goal: goal, calculator: KPICalculator(store: store), snapshot: snapshot)
    }

    static func goal(_ kpi: KPI, _ target: Double, start: Int? = nil, deadline: Int, direction: Goal.Direction? = nil) -> Goal {
        Goal(name: "g", kpi: kpi, platform: "x", target: target, direction: direction ?? .defaultFor(kpi),
             start: start.map { F.d0.adding(days: $0) }, deadline: F.d0.adding(days: deadline), line: 1)
    }

    @Test func sumGoalProjectsFromTheRecentDailyRate() {
        // start day 30: value = 10 days x 100; rate over min(28, 10) = 10 days = 100/day; 20 days left.
        let p = Self.progress(Self.goal(.impressions, 4000, start: 30, deadline: 59))
        #expect(p.value == 1000)
        #expect(p.daysLeft == 20)
        #expect(p.projection == 3000)
        #expect(p.status == .offTrack)
        #expect(Self.progress(Self.goal(.impressions, 3000, start: 30, deadline: 59)).status == .onTrack)
        #expect(Self.progress(Self.goal(.impressions, 3300, start: 30, deadline: 59)).status == .atRisk)
        #expect(Self.progress(Self.goal(.impressions, 900, start: 30, deadline: 59)).status == .met)
    }

    @Test func sumGoalDefaultsToTheFirstDayWithData() {
        let p = Self.progress(Self.goal(.impressions, 10_000, deadline: 59))
        #expect(p.start == F.d0)
        #expect(p.value == 4000)
        #expect(p.projection == 6000.0)  // 4000 + 100/day x 20 days
    }

    @Test func pastDeadlineIsExpiredUnlessMet() {
        let p = Self.progress(Self.goal(.impressions, 1_000_000, deadline: 20))
        #expect(p.daysLeft == -19)
        #expect(p.status == .expired)
        #expect(Self.progress(Self.goal(.impressions, 10, deadline: 20)).status == .met)
    }

    @Test func zeroRateProjectsTheValue() {
        // No reach after day 39: as of day 80 the recent rate is 0.
        let p = Self.progress(Self.goal(.reach, 10_000, start: 0, deadline: 100), asOf: 80)
        #expect(p.value == 2000)
        #expect(p.projection == 2000)
        #expect(p.status == .offTrack)
    }

    @Test func followersProjectTheLast28Days() {
        let p = Self.progress(Self.goal(.followers, 2000, deadline: 69))
        #expect(p.value == 1390)
        #expect(p.projection == 1690.0)  // 1390 + (1390 - 1110) / 28 x 30 days
        #expect(p.status == .offTrack)
    }

    @Test func ratioGoalUsesTheWindowValue() {
        let p = Self.progress(Self.goal(.frequency, 2, deadline: 69))
        #expect(p.value == 2)
        #expect(p.projection == 2)
        #expect(p.status == .met)
        let atMost = Self.progress(Self.goal(.frequency, 1.9, deadline: 69, direction: .atMost))
        #expect(atMost.status == .atRisk)
        let nullValue = Self.progress(Self.goal(.cpa, 20, deadline: 69))
        #expect(nullValue.value == nil)
        #expect(nullValue.status == .offTrack)
    }

    @Test func snapshotCarriesGoalsIntoTheJSONReportInFileOrder() throws {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("x.csv", rows: (0...39).map { F.row("x", day: $0, [.impressions: 100, .reach: 50]) }))
        let goals = [Self.goal(.impressions, 5_000, deadline: 69), Self.goal(.frequency, 2, deadline: 69)]
        let snapshot = store.snapshot(SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: 39), now: 0, goals: goals))
        #expect(snapshot.goals.map(\.goal.kpi) == [.impressions, .frequency])
        #expect(snapshot.goals[0].value == 4_000)
        #expect(snapshot.goals[0].projection == 7_000)
        #expect(snapshot.goals[0].status == .onTrack)
        let json = JSONReport.render(snapshot, goalProblems: [ConfigProblem(file: "goals.toml", line: 7, reason: "bad")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(object["goals"] as? [[String: Any]])
        #expect(items.map { $0["kpi"] as? String } == ["impressions", "frequency"])
        #expect(items[0]["projection"] as? Double == 7_000)
        #expect(items[1]["status"] as? String == "met")
        let problems = try #require(object["goal_problems"] as? [[String: Any]])
        #expect(problems.first?["line"] as? Int == 7)
    }
}
