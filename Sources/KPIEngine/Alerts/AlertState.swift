/// An ``AlertRule`` checked against a snapshot: the KPI's value over the snapshot's window
/// and whether it breaches the rule.
public struct AlertState: Sendable, Equatable, Codable {
    public var rule: AlertRule
    /// The KPI over the current window; nil when undefined.
    public var value: Double?
    public var breached: Bool

    public init(rule: AlertRule, value: Double?) {
        self.rule = rule
        self.value = value
        breached = rule.isBreached(by: value)
    }

    /// Checks `rule` against the current-window value in `snapshot`.
    public init(rule: AlertRule, snapshot: KPISnapshot) {
        self.init(rule: rule, value: snapshot.value(rule.kpi, platform: rule.platform).value)
    }
}
