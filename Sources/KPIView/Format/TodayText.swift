import KPIEngine
import KPIReport

/// Today's figures so far, apart from the window, in forms from the longest (the engine's
/// ``TodayLine`` words: `Today so far (2026-11-24, until 14:05): Impressions 1,234 (yesterday
/// by this time 1,100)`) to the shortest (`Today: Impressions 1,234`).
enum TodayText {
    /// One way of saying it: the lead-in and each KPI's item.
    struct Form: Equatable {
        var lead: String
        var items: [String]
    }

    /// The forms for `platform`, longest first; none when nothing came in today.
    static func forms(_ today: TodaySoFar, platform: String) -> [Form] {
        let kpis: [KPI] = [.impressions, .reach, .interactions, .clicks, .conversions, .inquiries]
        let values = today.values[platform] ?? [:]
        let earlier = today.yesterdaySameTime[platform] ?? [:]
        let shown = kpis.filter { values[$0] != nil }
        guard !shown.isEmpty else { return [] }
        let time = ClockTime.text(millisecondOfDay: today.millisecondOfDay)
        func plain(_ kpi: KPI) -> String { "\(kpi.title) \(ValueFormat.format(values[kpi]!, unit: kpi.unit))" }
        let long = TodayLine.items(today, platform: platform, kpis: shown)
        let paired = shown.map { kpi in
            earlier[kpi].map { plain(kpi) + " (" + ValueFormat.format($0, unit: kpi.unit) + ")" } ?? plain(kpi)
        }
        var forms = [Form(lead: "Today so far (\(today.day), until \(time)):", items: long)]
        if !earlier.isEmpty { forms.append(Form(lead: "Today until \(time) (yesterday by then):", items: paired)) }
        forms.append(Form(lead: "Today until \(time):", items: shown.map(plain)))
        forms.append(Form(lead: "Today:", items: shown.map(plain)))
        return forms
    }
}
