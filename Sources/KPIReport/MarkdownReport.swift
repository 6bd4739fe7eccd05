import KPIEngine

/// `report --format markdown`: a stakeholder-ready report: the alerts first when there are
/// any, one table per KPI family with values and changes per platform, then the goals and
/// the top posts.
public enum MarkdownReport {
    public static func render(_ snapshot: KPISnapshot) -> String {
        let names = [KPISnapshot.allPlatforms] + snapshot.platforms
        let w = snapshot.window
        var out = [
            "# Social media KPIs: \(w.start) to \(w.end)",
            "",
            "Window: " + (w.isAll ? "all data" : Plural.count(w.days, "day") + ", compared with " + ComparisonText.phrase(snapshot))
                + "; time zone \(snapshot.timeZone); " + Plural.count(snapshot.fileCount, "data file")
                + (snapshot.rejectedRows > 0 ? ", " + Plural.count(snapshot.rejectedRows, "row") + " rejected." : "."),
        ]
        if let today = TodayLine.sentence(snapshot.today) { out += ["", today + "."] }
        if !snapshot.alerts.isEmpty {
            out += ["", "## Alerts", "", "**\(AlertLine.count(snapshot.alerts).capitalizingFirstLetter()).**", "",
                    "| Alert | Platform | Now | Limit | State |", "|---|---|---:|---|---|"]
            for state in snapshot.alerts {
                out.append("| \(cell(state.rule.name)) | \(cell(state.rule.platform)) | "
                           + "\(ValueFormat.format(state.value, unit: state.rule.kpi.unit)) | \(cell(AlertLine.bound(state.rule))) | "
                           + (state.breached ? "**breached** |" : "ok |"))
            }
        }
        for family in KPIFamily.allCases where !snapshot.listedKPIs(in: family).isEmpty {
            out += ["", "## \(family.title)", ""]
            out.append("| KPI | " + names.map(cell).joined(separator: " | ") + " |")
            out.append("|---|" + names.map { _ in "---:|" }.joined())
            for kpi in snapshot.listedKPIs(in: family) {
                let cells = names.map { name -> String in
                    let v = snapshot.value(kpi, platform: name)
                    let change = ChangeFormat.text(kpi, v)
                    return ValueFormat.format(v.value, unit: kpi.unit, currency: snapshot.currencies[name]) + (change.isEmpty ? "" : " (\(change))")
                }
                out.append("| \(kpi.title) | " + cells.joined(separator: " | ") + " |")
            }
            let notes = CoverageNote.lines(snapshot, family: family)
            if !notes.isEmpty { out += [""] + notes.map { "_\($0)._" } }
        }
        let benchmarks = BenchmarkLine.listed(snapshot)
        if !benchmarks.isEmpty {
            out += ["", "## Benchmarks", "", "| KPI | Platform | Now | Benchmark | |", "|---|---|---:|---:|---|"]
            for benchmark in benchmarks {
                let value = snapshot.value(benchmark.kpi, platform: benchmark.platform).value
                let currency = snapshot.currencies[benchmark.platform]
                out.append("| \(benchmark.kpi.title) | \(cell(benchmark.platform)) | "
                           + "\(ValueFormat.format(value, unit: benchmark.kpi.unit, currency: currency)) | "
                           + "\(cell(BenchmarkLine.reference(benchmark, currency: currency))) | \(BenchmarkLine.standing(benchmark, value: value)) |")
            }
        }
        if !snapshot.goals.isEmpty {
            out += ["", "## Goals", "", "| Goal | Platform | Baseline | Now | Target | Projection | Deadline | Status |",
                    "|---|---|---:|---:|---:|---:|---|---|"]
            for progress in snapshot.goals {
                let goal = progress.goal
                let baseline = goal.isRelative ? GoalLine.amount(progress.baseline, progress) : ""
                let target = GoalLine.target(progress) + (goal.isRelative && progress.target != nil ? " (\(GoalLine.relative(goal)))" : "")
                out.append("| \(cell(goal.name)) | \(cell(goal.platform)) | \(baseline) | \(GoalLine.amount(progress.value, progress)) | "
                           + "\(target) | \(GoalLine.amount(progress.projection, progress)) | "
                           + "\(goal.deadline) (\(GoalLine.daysLeft(progress.daysLeft))) | **\(GoalLine.status(progress.status))** |")
            }
            if snapshot.goals.contains(where: \.perDay) {
                out += ["", "_A relative goal on a sum compares a daily pace: its baseline, value, target and projection are per day._"]
            }
        }
        let posts = snapshot.posts[KPISnapshot.allPlatforms] ?? []
        if !posts.isEmpty {
            out += ["", "## Top posts", "", "| Post | Platform | Interactions | Reach | Impressions |", "|---|---|---:|---:|---:|"]
            for post in posts.prefix(10) {
                out.append("| \(cell(post.title ?? post.id)) | \(cell(post.platform)) | "
                           + "\(ValueFormat.format(post.values[.interactions], unit: .count)) | "
                           + "\(ValueFormat.format(post.values[.reach], unit: .count)) | "
                           + "\(ValueFormat.format(post.values[.impressions], unit: .count)) |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Table-safe text: sanitised, pipes escaped, cut to 60 characters.
    private static func cell(_ text: String) -> String {
        let safe = Sanitized.line(text).replacing("|", with: "\\|")
        return safe.count > 60 ? String(safe.prefix(59)) + "…" : safe
    }
}
