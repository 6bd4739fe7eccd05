import KPIEngine

/// `report --format openmetrics`: the KPIs as OpenMetrics 1.0 text (which Prometheus, its
/// Pushgateway and node_exporter's textfile collector read): one gauge family per KPI,
/// samples labelled by platform and window, undefined values left out; then the rejected
/// rows, the goals' value and target, and the alerts; `# EOF` last.
public enum OpenMetricsReport {
    public static func render(_ snapshot: KPISnapshot) -> String {
        let window = snapshot.window.isAll ? "all" : "\(snapshot.window.days)d"
        var families: [Family] = []
        for kpi in KPI.allCases {
            var family = Family(name: metricName(kpi), help: help(kpi), unit: kpi.unit == .seconds ? "seconds" : nil)
            for platform in [KPISnapshot.allPlatforms] + snapshot.platforms {
                family.add([("platform", platform), ("window", window)], snapshot.value(kpi, platform: platform).value)
            }
            families.append(family)
        }
        var rejected = Family(name: "kpitop_rejected_rows", help: "Rows refused while reading the data directory (kpitop check lists them).")
        rejected.add([], Double(snapshot.rejectedRows))
        families.append(rejected)

        var goalValue = Family(name: "kpitop_goal_value", help: "A goal's progress: the sum since its start for sums (per day for a relative goal), else the KPI over the window.")
        var goalTarget = Family(name: "kpitop_goal_target", help: "A goal's target, in its KPI's unit.")
        var goalBaseline = Family(name: "kpitop_goal_baseline",
                                  help: "A relative goal's baseline: the KPI over the period before its start (per day for a sum).")
        for progress in snapshot.goals {
            let labels = [("goal", progress.goal.name), ("kpi", progress.goal.kpi.id), ("platform", progress.goal.platform)]
            goalValue.add(labels, progress.value)
            goalTarget.add(labels, progress.target)
            goalBaseline.add(labels, progress.baseline)
        }
        var alerts = Family(name: "kpitop_alert_breached", help: "1 when the alert's KPI is beyond its limit over the window, else 0.")
        for state in snapshot.alerts {
            alerts.add([("alert", state.rule.name), ("kpi", state.rule.kpi.id), ("platform", state.rule.platform),
                        ("bound", state.rule.bound.rawValue), ("window", window)], state.breached ? 1 : 0)
        }
        var benchmarks = Family(name: "kpitop_benchmark", help: "A KPI's reference value from benchmarks.toml, in the KPI's unit.")
        for benchmark in BenchmarkLine.listed(snapshot) {
            benchmarks.add([("kpi", benchmark.kpi.id), ("platform", benchmark.platform)], benchmark.value)
        }
        families += [goalValue, goalTarget, goalBaseline, benchmarks, alerts]
        return families.filter { !$0.samples.isEmpty }.map(\.text).joined() + "# EOF\n"
    }

    /// `kpitop_<kpi id>`; durations (`*_s`) end in `_seconds`, as their unit must.
    static func metricName(_ kpi: KPI) -> String {
        let id = kpi.unit == .seconds && kpi.id.hasSuffix("_s") ? String(kpi.id.dropLast(2)) + "_seconds" : kpi.id
        return "kpitop_" + id
    }

    private static func help(_ kpi: KPI) -> String {
        let unit = switch kpi.unit {
        case .count: "a count"
        case .fraction: "a fraction, 0.05 = 5%"
        case .money: "money, in the data's currency"
        case .multiple: "a multiple"
        case .seconds: "seconds"
        case .score: "a score from -1 to 1"
        }
        let when = switch kpi {
        case .followers, .backlog: "at the end of the window"
        case .followersStart: "that growth is measured from"
        default: "over the window"
        }
        return "\(kpi.title) \(when) (\(unit))."
    }

    /// A label value or HELP text made safe: sanitised (no control characters, so no line
    /// feed either), then backslash and double quote escaped.
    static func escaped(_ text: String) -> String {
        Sanitized.line(text).replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
    }

    /// One metric family: its metadata lines and its samples, one per distinct label set.
    private struct Family {
        var name: String
        var help: String
        var unit: String?
        var samples: [String] = []
        private var seen: Set<String> = []

        init(name: String, help: String, unit: String? = nil) {
            self.name = name
            self.help = help
            self.unit = unit
        }

        /// Adds a sample; an undefined value, or a label set already given, is left out.
        mutating func add(_ labels: [(String, String)], _ value: Double?) {
            guard let value, value.isFinite else { return }
            let set = labels.isEmpty ? "" : "{" + labels.map { "\($0.0)=\"\(escaped($0.1))\"" }.joined(separator: ",") + "}"
            guard seen.insert(set).inserted else { return }
            samples.append("\(name)\(set) \(JSONWriter.number(value))\n")
        }

        var text: String {
            "# TYPE \(name) gauge\n" + (unit.map { "# UNIT \(name) \($0)\n" } ?? "")
                + "# HELP \(name) \(escaped(help))\n" + samples.joined()
        }
    }
}
