import KPIEngine

/// How a KPI's charts are scaled by default: from 0, except the followers level, whose
/// daily points are all near the same large number (a chart from 0 would be a flat wall).
enum KPIScale {
    static func mode(_ kpi: KPI) -> AxisMode {
        kpi == .followers || kpi == .followersStart ? .fitted : .fromZero
    }

    /// The scale with the user's zoom (`y`) applied.
    static func mode(_ kpi: KPI, zoomed: Bool) -> AxisMode { zoomed ? .fitted : mode(kpi) }
}
