import KPIEngine

extension KPIList {
    /// The goals on `kpi` that this list stands for: every goal on it when the list shows
    /// `all` platforms, else the goals of the list's platform.
    func goals(on kpi: KPI) -> [GoalProgress] {
        (snapshot?.goals ?? []).filter { progress in
            progress.goal.kpi == kpi
                && (platform == KPISnapshot.allPlatforms || progress.goal.platform == platform)
        }
    }

    /// ` ◎` (ASCII ` o`) in the colour of the worst status among the KPI's goals, to follow the
    /// KPI's title; nothing without one.
    func goalMarker(for kpi: KPI, sheet: StyleSheet) -> [TextSpan] {
        guard let tone = goals(on: kpi).map({ GoalTone($0.status) }).max() else { return [] }
        return [TextSpan(" " + sheet.glyphs.goalMarker, sheet.style(for: tone, bold: true))]
    }
}
