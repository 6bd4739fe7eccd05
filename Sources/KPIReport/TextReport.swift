import KPIEngine

/// `report --format text`: a table for a terminal, KPIs down, platforms across.
public enum TextReport {
    public static func render(_ snapshot: KPISnapshot, dataDirectory: String) -> String {
        let names = [KPISnapshot.allPlatforms] + snapshot.platforms
        let w = snapshot.window
        var out = [
            "kpitop report  \(Sanitized.line(dataDirectory))",
            "window \(w.isAll ? "all" : "\(w.days)d") \(w.start)..\(w.end)  tz \(snapshot.timeZone)"
                + (snapshot.anchoredOnNewest ? "  (anchored on the newest data)" : "")
                + (w.isAll ? "" : "  compared with " + ComparisonText.phrase(snapshot)),
            "\(snapshot.fileCount) files, \(snapshot.rejectedRows) rejected rows"
                + (snapshot.rejectedRows > 0 ? " (kpitop check --data \(Sanitized.line(dataDirectory)))" : ""),
        ]
        if let today = TodayLine.sentence(snapshot.today) { out += ["", today] }
        if !snapshot.alerts.isEmpty {
            out += ["", "Alerts: " + AlertLine.count(snapshot.alerts)]
            for state in snapshot.alerts {
                out.append(pad(state.breached ? "  ALERT" : "  ok", 9) + pad(Sanitized.line(state.rule.name), 30)
                           + pad(Sanitized.line(state.rule.platform), 12)
                           + pad(ValueFormat.format(state.value, unit: state.rule.kpi.unit), 10, right: true)
                           + "  " + AlertLine.bound(state.rule))
            }
        }
        let labelWidth = 22, columnWidth = 18
        for family in KPIFamily.allCases where !snapshot.listedKPIs(in: family).isEmpty {
            out.append("")
            out.append(pad(family.title, labelWidth) + names.map { pad(Sanitized.line($0), columnWidth, right: true) }.joined())
            for kpi in snapshot.listedKPIs(in: family) {
                var line = pad("  " + kpi.title, labelWidth)
                for name in names {
                    let v = snapshot.value(kpi, platform: name)
                    let cell = ValueFormat.format(v.value, unit: kpi.unit, currency: snapshot.currencies[name]) + " " + pad(ChangeFormat.text(kpi, v), 7, right: true)
                    line += pad(cell, columnWidth, right: true)
                }
                out.append(line)
            }
            out += CoverageNote.lines(snapshot, family: family).map { "  * " + $0 }
        }
        if !snapshot.goals.isEmpty {
            out += ["", "Goals"]
            for progress in snapshot.goals {
                let goal = progress.goal, unit = goal.kpi.unit
                out.append(pad("  " + Sanitized.line(goal.name), 30) + pad(Sanitized.line(goal.platform), 12)
                           + pad(ValueFormat.format(progress.value, unit: unit, currency: progress.currency), 10, right: true)
                           + pad(GoalLine.target(goal, currency: progress.currency), 12, right: true)
                           + "  projection " + pad(ValueFormat.format(progress.projection, unit: unit), 9, right: true)
                           + "  " + pad(GoalLine.daysLeft(progress.daysLeft), 18) + GoalLine.status(progress.status))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let n = text.count
        guard n < width else { return right ? " " + text : String(text.prefix(width - 1)) + " " }
        let spaces = String(repeating: " ", count: width - n)
        return right ? spaces + text : text + spaces
    }
}
