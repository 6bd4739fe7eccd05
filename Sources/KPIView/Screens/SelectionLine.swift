import KPIEngine

/// What the selected number is, in one line after the breadcrumb: the KPI's formula and what
/// its value is made of, `Engagement rate = interactions / reach · facebook, instagram (2 of 6
/// platforms)`, in the longest form that fits.
enum SelectionLine {
    /// The KPI and platform selected on the page on screen; nil when no KPI is selected.
    static func selection(_ state: UIState) -> (kpi: KPI, platform: String)? {
        guard state.overlay == nil else { return nil }
        let page = state.page
        switch page.screen {
        case .overview:
            guard let kpis = OverviewArea(rawValue: page.focus)?.kpis(in: state), kpis.indices.contains(page.row)
            else { return nil }
            return (kpis[page.row], state.platformFilter)
        case .platform(let platform):
            guard page.focus == PlatformArea.kpis.rawValue, KPI.allCases.indices.contains(page.row) else { return nil }
            return (KPI.allCases[page.row], platform)
        case .kpi(let kpi, _):
            let choices = state.platformChoices
            return (kpi, choices[min(page.row, choices.count - 1)])
        case .goals:
            guard state.goals.indices.contains(page.row) else { return nil }
            let goal = state.goals[page.row].goal
            return (goal.kpi, goal.platform)
        case .post:
            return nil
        }
    }

    /// The line's forms, longest first.
    static func forms(_ state: UIState, sheet: StyleSheet) -> [[TextSpan]] {
        guard let (kpi, platform) = selection(state) else { return [] }
        let value = state.snapshot?.value(kpi, platform: platform)
        let partial = value?.unavailable != nil || CoverageText.forms(state.snapshot, kpi, platform: platform) != nil
        let coverageStyle = partial ? sheet.style(.warning) : sheet.style(.muted)
        let separator = TextSpan(sheet.glyphs.separator, sheet.style(.border))
        let formula = TextSpan(KPIFormula.text(kpi), sheet.style(.text))
        let shortFormula = TextSpan(KPILabel.short(kpi) + " = " + KPIFormula.definition(kpi), sheet.style(.text))
        return CoverageText.sentences(state.snapshot, kpi, platform: platform).map { coverage in
            [formula, separator, TextSpan(coverage, coverageStyle)]
        } + [[formula], [shortFormula]]
    }
}
