import KPIEngine

/// The window on screen and what it is compared with, in forms from the longest to the
/// shortest, each exact: `28d 2026-10-27..2026-11-23` with `compared with the previous 28 days
/// (2026-09-29..2026-10-26)`, down to `10-27..11-23` with `vs 09-29..10-26`.
enum WindowText {
    /// (window, comparison) pairs, longest first.
    static func forms(_ snapshot: KPISnapshot) -> [(window: String, comparison: String)] {
        let window = snapshot.window
        let year = window.end.civil.year
        let length = window.isAll ? "all" : "\(window.days)d"
        let full = "\(length) \(range(window, year: nil))"
        let short = "\(length) \(range(window, year: year))"
        let shortest = range(window, year: year)
        guard let earlier = snapshot.comparisonWindow, !window.isAll else {
            return [(full, "no comparison"), (short, "no comparison"), (shortest, "")]
        }
        let phrase = "compared with " + ComparisonText.phrase(snapshot)
        let versus = "vs " + range(earlier, year: nil)
        let versusShort = "vs " + range(earlier, year: year)
        switch snapshot.comparison {
        case .previousWindow:
            return [(full, phrase), (full, "compared with " + range(earlier, year: nil)), (full, versus),
                    (short, versusShort), (shortest, versusShort)]
        case .yearBefore:
            return [(full, phrase), (full, versus + " (a year earlier)"), (full, versus),
                    (short, "vs a year earlier"), (shortest, "vs a year earlier")]
        }
    }

    /// `2026-10-27..2026-11-23` (one day: `2026-11-23`); days of `year` without it (`10-27`).
    static func range(_ window: ReportWindow, year: Int?) -> String {
        let start = day(window.start, year: year), end = day(window.end, year: year)
        return window.start == window.end ? end : "\(start)..\(end)"
    }

    private static func day(_ day: Day, year: Int?) -> String {
        guard let year, day.civil.year == year else { return day.description }
        return String(day.description.dropFirst(5))
    }
}

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
