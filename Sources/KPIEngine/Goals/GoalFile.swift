import TOMLKit
import Glibc

/// The goals of a `goals.toml`, and the problems of the goals that were left out.
public struct GoalFile: Sendable {
    public var goals: [Goal] = []
    public var problems: [ConfigProblem] = []

    public init(goals: [Goal] = [], problems: [ConfigProblem] = []) {
        self.goals = goals
        self.problems = problems
    }

    /// The conventional place: `goals.toml` in the data directory.
    public static func defaultPath(dataDirectory: String) -> String { dataDirectory + "/goals.toml" }

    /// Loads `path`; a missing file at the default place is no goals, not an error.
    public static func load(path: String, required: Bool) -> GoalFile {
        guard required || access(path, F_OK) == 0 else { return GoalFile() }
        do {
            return parse(try TOMLDocument(path: path))
        } catch {
            return GoalFile(problems: [error])
        }
    }

    /// Every `[[goal]]` of a document, in file order. A goal with an unknown KPI, a bad
    /// target or no deadline is reported and left out; the others still count.
    public static func parse(_ document: TOMLDocument) -> GoalFile {
        var out = GoalFile()
        guard let entries = document.table["goal"]?.array else {
            if document.table["goal"] != nil {
                out.problems.append(ConfigProblem(file: document.file, line: 0, reason: "'goal' must be [[goal]] tables"))
            }
            return out
        }
        for (index, entry) in entries.enumerated() {
            let header = document.line(ofArrayTable: "goal", index: index)
            func problem(_ key: String, _ reason: String) {
                out.problems.append(ConfigProblem(file: document.file, line: document.line(ofKey: key, from: header), reason: reason))
            }
            guard let table = entry.table else { continue }
            guard let kpiName = table["kpi"]?.string else { problem("kpi", "goal without a kpi"); continue }
            guard let kpi = KPI(rawValue: kpiName) else {
                problem("kpi", "unknown KPI '\(Sanitized.line(kpiName))' (see docs/DATA.md section 4)")
                continue
            }
            let target: Double?
            var relative: Double?
            if let v = table["target"]?.double ?? table["target"]?.int.map(Double.init) {
                target = v
            } else if let text = table["target"]?.string, GoalTarget.isRelative(text) {
                guard let p = GoalTarget.relative(text) else {
                    problem("target", "bad relative target '\(Sanitized.line(text))' (a signed percentage such as \"+20%\" or \"-15%\")")
                    continue
                }
                relative = p
                target = 0
            } else if let text = table["target"]?.string {
                target = GoalTarget.parse(text)
            } else {
                target = nil
            }
            guard let target else {
                problem("target", "missing or bad target (a number, \"5%\", \"$1,200\", \"2h\", \"30m\", \"45s\" or \"+20%\")")
                continue
            }
            guard target.isFinite else {
                problem("target", "target must be a finite number (nan and inf are not targets)")
                continue
            }
            guard target >= 0 || allowsNegativeTarget(kpi) else {
                problem("target", "target must be 0 or more (\(kpi.id) is never negative)")
                continue
            }
            guard let deadline = day(table["deadline"]) else {
                problem("deadline", "missing or bad deadline (a date such as 2026-12-31)")
                continue
            }
            var start: Day?
            if let value = table["start"] {
                guard let d = day(value) else { problem("start", "bad start (a date such as 2026-10-01)"); continue }
                start = d
            }
            var baselineDays: Int?
            if relative != nil {
                guard let start else {
                    problem("target", "a relative target (\"+20%\") needs a start date: the baseline is the period before it")
                    continue
                }
                guard start <= deadline else { problem("deadline", "deadline before start"); continue }
                if let value = table["baseline_days"] {
                    guard let n = value.int, n >= 1 else {
                        problem("baseline_days", "baseline_days must be a whole number of days, at least 1")
                        continue
                    }
                    baselineDays = n
                } else {
                    baselineDays = Goal.defaultBaselineDays(start: start, deadline: deadline)
                }
            } else if table["baseline_days"] != nil {
                problem("baseline_days", "baseline_days goes with a relative target such as \"+20%\"")
                continue
            }
            var direction = relative.map { $0.sign == .minus ? Goal.Direction.atMost : .atLeast } ?? Goal.Direction.defaultFor(kpi)
            if let text = table["direction"]?.string {
                guard let d = Goal.Direction(rawValue: text) else {
                    problem("direction", "direction must be at_least or at_most")
                    continue
                }
                direction = d
            }
            let platform = table["platform"]?.string.map(PlatformName.normalize) ?? KPISnapshot.allPlatforms
            let name = table["name"]?.string ?? "\(kpi.id) \(platform)"
            out.goals.append(Goal(name: name, kpi: kpi, platform: platform, target: target, direction: direction,
                                  start: start, deadline: deadline, line: header, relative: relative,
                                  baselineDays: baselineDays))
        }
        return out
    }

    /// True for the KPIs whose value can be below zero (sentiment, ROI, follower growth), the
    /// only ones a negative target makes sense for.
    public static func allowsNegativeTarget(_ kpi: KPI) -> Bool {
        [.sentiment, .roi, .followerGrowth, .followerGrowthRate].contains(kpi)
    }

    /// A TOML date, or a `YYYY-MM-DD` string.
    private static func day(_ value: (any TOMLValueConvertible)?) -> Day? {
        if let d = value?.date { return Day(year: d.year, month: d.month, day: d.day) }
        if let s = value?.string { return Day(iso: s) }
        return nil
    }
}
