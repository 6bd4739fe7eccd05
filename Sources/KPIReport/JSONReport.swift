import KPIEngine

/// `report --format json`: the object of docs/DATA.md section 7.
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
                "      " + JSONWriter.string(kpi.id) + ": "
                    + kpiObject(snapshot.value(kpi, platform: name), benchmark: snapshot.benchmark(kpi, platform: name))
            }
            return "    " + JSONWriter.string(name) + ": {\n" + kpis.joined(separator: ",\n") + "\n    }"
        }
        var members: [(String, String)] = [
            ("as_of", JSONWriter.string(snapshot.asOf.description)),
            ("window", window),
            ("tz", JSONWriter.string(snapshot.timeZone)),
            ("anchored_on_newest", snapshot.anchoredOnNewest ? "true" : "false"),
            ("comparison", comparison(snapshot)),
            ("platforms", "{\n" + platforms.joined(separator: ",\n") + "\n  }"),
            ("currencies", JSONWriter.object(snapshot.currencies.sorted { $0.key < $1.key }.map {
                ($0.key, JSONWriter.string($0.value.code))
            })),
            ("not_social", notSocial(snapshot)),
            ("today", today(snapshot.today)),
            ("rejected_rows", String(snapshot.rejectedRows)),
            ("files", String(snapshot.fileCount)),
        ]
        members.append(GoalsJSON.member(snapshot.goals))
        if !goalProblems.isEmpty { members.append(GoalsJSON.problemsMember(goalProblems)) }
        members.append(AlertsJSON.member(snapshot.alerts))
        return "{\n" + members.map { "  " + JSONWriter.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}"
    }

    /// `{"value": v, "previous": p}`, with the platforms that entered an `all` value, why the
    /// previous value is missing, or why the value is, and the KPI's benchmark when the
    /// benchmarks file has one (`"benchmark"`, and its `"benchmark_source"`).
    static func kpiObject(_ v: KPIValue, benchmark: Benchmark? = nil) -> String {
        var members = [("value", JSONWriter.number(v.value)), ("previous", JSONWriter.number(v.previous))]
        if let platforms = v.platforms {
            members.append(("platforms", "[" + platforms.map(JSONWriter.string).joined(separator: ", ") + "]"))
        }
        if let gap = v.previousGap { members.append(("previous_missing", JSONWriter.string(gap.rawValue))) }
        if let reason = v.unavailable { members.append(("unavailable", JSONWriter.string(reason))) }
        if let benchmark {
            members.append(("benchmark", JSONWriter.number(benchmark.value)))
            if let source = benchmark.source { members.append(("benchmark_source", JSONWriter.string(source))) }
        }
        return JSONWriter.object(members)
    }

    /// What each KPI is compared with: `{"with": "previous", "start": ..., "end": ...}`.
    private static func comparison(_ snapshot: KPISnapshot) -> String {
        guard let window = snapshot.comparisonWindow else { return "null" }
        return JSONWriter.object([
            ("with", JSONWriter.string(snapshot.comparison.rawValue)),
            ("start", JSONWriter.string(window.start.description)),
            ("end", JSONWriter.string(window.end.description)),
        ])
    }

    /// The website traffic that did not come from social media, by traffic KPI (its share of
    /// traffic left out: it is not social); null without such data.
    private static func notSocial(_ snapshot: KPISnapshot) -> String {
        guard !snapshot.notSocial.isEmpty else { return "null" }
        return JSONWriter.object(KPI.all(in: .traffic).filter { $0 != .socialShareOfTraffic }.map { kpi in
            (kpi.id, kpiObject(snapshot.notSocial[kpi] ?? KPIValue(value: nil, previous: nil)))
        })
    }

    /// Today's sums so far: `{"date", "time", "platforms": {name: {kpi: {"value", "yesterday_same_time"}}}}`.
    private static func today(_ today: TodaySoFar?) -> String {
        guard let today else { return "null" }
        let names = [KPISnapshot.allPlatforms] + today.values.keys.filter { $0 != KPISnapshot.allPlatforms }.sorted()
        let platforms = names.map { name -> (String, String) in
            let values = today.values[name] ?? [:]
            let earlier = today.yesterdaySameTime[name]
            let kpis = KPI.allCases.compactMap { kpi -> (String, String)? in
                guard let value = values[kpi] else { return nil }
                return (kpi.id, JSONWriter.object([
                    ("value", JSONWriter.number(value)),
                    ("yesterday_same_time", JSONWriter.number(earlier?[kpi])),
                ]))
            }
            return (name, JSONWriter.object(kpis))
        }
        return JSONWriter.object([
            ("date", JSONWriter.string(today.day.description)),
            ("time", JSONWriter.string(ClockTime.text(millisecondOfDay: today.millisecondOfDay))),
            ("platforms", JSONWriter.object(platforms)),
        ])
    }

    /// The same object on one line (for `--watch --format jsonl`).
    /// The lines are joined on bytes: a line feed only ever ends a line (strings escape it).
    public static func renderLine(_ snapshot: KPISnapshot, goalProblems: [ConfigProblem] = []) -> String {
        let text = render(snapshot, goalProblems: goalProblems)
        var line: [UInt8] = []
        line.reserveCapacity(text.utf8.count)
        for (index, piece) in text.utf8.split(separator: UInt8(ascii: "\n")).enumerated() {
            if index > 0 { line.append(UInt8(ascii: " ")) }
            line.append(contentsOf: piece.drop(while: { $0 == UInt8(ascii: " ") }))
        }
        return String(decoding: line, as: UTF8.self)
    }
}
