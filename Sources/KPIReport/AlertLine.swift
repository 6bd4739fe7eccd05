import KPIEngine

/// The words reports and the dashboard's status line use for alerts.
public enum AlertLine {
    /// "First response p90 5h 2m > 4h"; `ascii` writes a missing value as `-`.
    public static func summary(_ state: AlertState, ascii: Bool = false) -> String {
        let rule = state.rule
        let sign = rule.bound == .above ? ">" : "<"
        return "\(rule.name) \(ValueFormat.format(state.value, unit: rule.kpi.unit, ascii: ascii)) \(sign) \(rule.limitText)"
    }

    /// "ALERT: First response p90 5h 2m > 4h (+2 more)" for the first breached alert;
    /// nil when none is breached.
    public static func headline(_ alerts: [AlertState], ascii: Bool = false) -> String? {
        let breached = alerts.filter(\.breached)
        guard let first = breached.first else { return nil }
        return "ALERT: " + summary(first, ascii: ascii) + (breached.count > 1 ? " (+\(breached.count - 1) more)" : "")
    }

    /// "above 4h", "below 2%".
    public static func bound(_ rule: AlertRule) -> String { "\(rule.bound.rawValue) \(rule.limitText)" }

    /// "1 of 3 alerts breached", "no alert breached (2 checked)".
    public static func count(_ alerts: [AlertState]) -> String {
        let breached = alerts.filter(\.breached).count
        let noun = alerts.count == 1 ? "alert" : "alerts"
        return breached == 0 ? "no alert breached (\(alerts.count) checked)" : "\(breached) of \(alerts.count) \(noun) breached"
    }
}
