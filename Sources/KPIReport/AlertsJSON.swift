import KPIEngine

/// The `alerts` array of `report --format json`: every alert rule, in file order, with the
/// current-window value and whether it is breached.
public enum AlertsJSON {
    public static func member(_ alerts: [AlertState]) -> (String, String) {
        let items = alerts.map { state in
            JSONWriter.object([
                ("name", JSONWriter.string(state.rule.name)),
                ("kpi", JSONWriter.string(state.rule.kpi.id)),
                ("platform", JSONWriter.string(state.rule.platform)),
                ("bound", JSONWriter.string(state.rule.bound.rawValue)),
                ("limit", JSONWriter.number(state.rule.limit)),
                ("value", JSONWriter.number(state.value)),
                ("breached", state.breached ? "true" : "false"),
            ])
        }
        return ("alerts", JSONWriter.lines(items))
    }
}
