import KPIEngine

/// `report --format text`: a table for a terminal, KPIs down, platforms across.
public enum TextReport {
    public static func render(_ snapshot: KPISnapshot, dataDirectory: String) -> String {
        let names = [KPISnapshot.allPlatforms] + snapshot.platforms
        let w = snapshot.window
        var out = [
            "kpitop report  \(Sanitized.line(dataDirectory))",
            "window \(length(of: w)) \(w.start)..\(w.end)  tz \(snapshot.timeZone)"
                + (snapshot.anchoredOnNewest ? "  (anchored on the newest data)" : "")
                + (w.isAll ? "" : "  compared with " + ComparisonText.phrase(snapshot)),
            Plural.count(snapshot.fileCount, "file") + ", " + Plural.count(snapshot.rejectedRows, "rejected row")
                + (snapshot.rejectedRows > 0 ? " (kpitop check --data \(Sanitized.line(dataDirectory)))" : ""),
        ]
        if let today = TodayLine.sentence(snapshot.today) { out += ["", today] }
        if !snapshot.alerts.isEmpty {
            out += ["", "Alerts: " + AlertLine.count(snapshot.alerts)]
            let nameWidth = snapshot.alerts.map { Sanitized.line($0.rule.name).count }.max()! + 2
            for state in snapshot.alerts {
                out.append(pad(state.breached ? "  ALERT" : "  ok", 9) + pad(Sanitized.line(state.rule.name), nameWidth)
                           + pad(Sanitized.line(state.rule.platform), 12)
                           + pad(ValueFormat.format(state.value, unit: state.rule.kpi.unit), 10, right: true)
                           + "  " + AlertLine.bound(state.rule))
            }
        }
        // Every label and cell whole: the label column as wide as the longest title listed,
        // each platform column as wide as the widest cell (value and change) or name.
        let families = KPIFamily.allCases.filter { !snapshot.listedKPIs(in: $0).isEmpty }
        let listed = families.flatMap { snapshot.listedKPIs(in: $0) }
        let changes = Dictionary(uniqueKeysWithValues: listed.map { kpi in
            (kpi, names.map { ChangeFormat.text(kpi, snapshot.value(kpi, platform: $0)) })
        })
        let changeWidth = max(7, changes.values.joined().map(\.count).max() ?? 0)
        let cells = Dictionary(uniqueKeysWithValues: listed.map { kpi in
            (kpi, names.enumerated().map { index, name in
                ValueFormat.format(snapshot.value(kpi, platform: name).value, unit: kpi.unit,
                                   currency: snapshot.currencies[name]) + " " + pad(changes[kpi]![index], changeWidth, right: true)
            })
        })
        let labelWidth = max(22, (listed.map(\.title.count) + families.map(\.title.count)).max()! + 4)
        let columnWidth = max(18, (cells.values.joined().map(\.count) + names.map { Sanitized.line($0).count }).max()! + 2)
        for family in families {
            out.append("")
            out.append(pad(family.title, labelWidth) + names.map { pad(Sanitized.line($0), columnWidth, right: true) }.joined())
            for kpi in snapshot.listedKPIs(in: family) {
                out.append(pad("  " + kpi.title, labelWidth) + cells[kpi]!.map { pad($0, columnWidth, right: true) }.joined())
            }
            out += CoverageNote.lines(snapshot, family: family).map { "  * " + $0 }
        }
        let benchmarks = BenchmarkLine.listed(snapshot)
        if !benchmarks.isEmpty {
            out += ["", "Benchmarks"]
            for benchmark in benchmarks {
                let value = snapshot.value(benchmark.kpi, platform: benchmark.platform).value
                let currency = snapshot.currencies[benchmark.platform]
                out.append(pad("  " + benchmark.kpi.title, 30) + pad(Sanitized.line(benchmark.platform), 12)
                           + pad(ValueFormat.format(value, unit: benchmark.kpi.unit, currency: currency), 10, right: true)
                           + "  " + pad(BenchmarkLine.standing(benchmark, value: value), 6)
                           + "benchmark " + BenchmarkLine.reference(benchmark, currency: currency))
            }
        }
        if !snapshot.goals.isEmpty {
            out += ["", "Goals"]
            let nameWidth = max(30, snapshot.goals.map { Sanitized.line($0.goal.name).count + 4 }.max()!)
            let platformWidth = max(12, snapshot.goals.map { Sanitized.line($0.goal.platform).count + 2 }.max()!)
            for progress in snapshot.goals {
                let goal = progress.goal
                out.append(pad("  " + Sanitized.line(goal.name), nameWidth) + pad(Sanitized.line(goal.platform), platformWidth)
                           + pad(GoalLine.amount(progress.value, progress), 10, right: true)
                           + pad(GoalLine.target(progress), 12, right: true)
                           + "  projection " + pad(GoalLine.amount(progress.projection, progress), 9, right: true)
                           + "  " + pad(GoalLine.daysLeft(progress.daysLeft), 18) + GoalLine.status(progress.status))
                if let baseline = GoalLine.baselineToTarget(progress) {
                    out.append("    baseline \(baseline), \(goal.baselineDays ?? 0) days to \(goal.baselineWindow?.end.description ?? "")")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `28d`, `all`, `mtd`, `qtd`.
    static func length(of window: ReportWindow) -> String {
        if window.isAll { return "all" }
        if let period = window.period { return period == .month ? "mtd" : "qtd" }
        return "\(window.days)d"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let n = text.count
        guard n < width else { return right ? " " + text : String(text.prefix(width - 1)) + " " }
        let spaces = String(repeating: " ", count: width - n)
        return right ? spaces + text : text + spaces
    }
}
