/// `report --format json`: the object of data contract section 7.
public enum JSONReport {
    /// One JSON object, each platform and KPI on its own line; `goals` and `alerts` always,
    /// and `goal_problems` when a goal was left out.
    public static func render(_ snapshot: KPISnapshot, goalProblems: [ConfigProblem] = []) -> String {
        let w = snapshot.window
        let window = JSONWriter.object([
            ("days", String(w.days)),
            ("start", JSONWriter.string(w.start.description)),
            ("end", JSONWriter.string(w.end.description)),
        ])
        let platforms = ([KPISnapshot.allPlatforms] + snapshot.platforms).map { name in
            let kpis = KPI.allCases.map { kpi -> String in
                let v = snapshot.value(kpi, platform: name)
                return "      " + JSONWriter.string(kpi.id) + ": " + JSONWriter.object([
                    ("value", JSONWriter.number(v.value)),
                    ("previous", JSONWriter.number(v.previous)),
                ])
            }
            return "    " + JSONWriter.string(name) + ": {\n" + kpis.joined(separator: ",\n") + "\n    }"
        }
        var members: [(String, String)] = [
            ("as_of", JSONWriter.string(snapshot.asOf.description)),
            ("window", window),
            ("tz", JSONWriter.string(snapshot.timeZone)),
            ("anchored_on_newest", snapshot.anchoredOnNewest ? "true" : "false"),
            ("platforms", "{\n" + platforms.joined(separator: ",\n") + "\n  }"),
            ("rejected_rows", String(snapshot.rejectedRows)),
            ("files", String(snapshot.fileCount)),
        ]
        members.append(GoalsJSON.member(snapshot.goals))
        if !goalProblems.isEmpty { members.append(GoalsJSON.problemsMember(goalProblems)) }
        members.append(AlertsJSON.member(snapshot.alerts))
        return "{\n" + members.map { "  " + JSONWriter.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}"
    }

    /// The same object on one line (for `--watch --format jsonl`).
    public static func renderLine(_ snapshot: KPISnapshot, goalProblems: [ConfigProblem] = []) -> String {
        render(snapshot, goalProblems: goalProblems)
            .split(separator: "\n").map { $0.trimmingLeadingSpaces() }.joined(separator: " ")
    }
}

extension Substring {
    fileprivate func trimmingLeadingSpaces() -> Substring { drop(while: { $0 == " " }) }
}
