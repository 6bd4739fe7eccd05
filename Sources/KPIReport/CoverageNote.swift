import KPIEngine

/// What an `all` figure is made of, said in words: "Engagement rate from facebook, instagram
/// (2 of 6 platforms)" for each ratio of a family that leaves platforms out (docs/DATA.md section 4
/// pairs numerator and denominator over the same platforms).
public enum CoverageNote {
    /// One sentence per ratio KPI of `family` whose `all` value leaves platforms out.
    public static func lines(_ snapshot: KPISnapshot, family: KPIFamily) -> [String] {
        snapshot.listedKPIs(in: family).compactMap { kpi in
            guard kpi.field == nil, let entering = snapshot.value(kpi).platforms,
                  !entering.isEmpty, entering.count < snapshot.platforms.count
            else { return nil }
            return "\(kpi.title) for all platforms is from " + entering.map(Sanitized.line).joined(separator: ", ")
                + " (\(entering.count) of \(snapshot.platforms.count) platforms)"
        }
    }

    /// "from 2 of 6" for a KPI's `all` value that leaves platforms out, else nil.
    public static func short(_ snapshot: KPISnapshot, _ kpi: KPI) -> String? {
        guard let entering = snapshot.value(kpi).platforms, entering.count < snapshot.platforms.count else { return nil }
        return "from \(entering.count) of \(snapshot.platforms.count)"
    }
}

/// Today's figures so far, in words: "Today so far (until 14:05): Impressions 1,234 (yesterday
/// by this time 1,100), ...".
public enum TodayLine {
    /// The sum KPIs of `platform` today with yesterday's figure up to the same time, when known.
    public static func items(_ today: TodaySoFar, platform: String = KPISnapshot.allPlatforms,
                             kpis: [KPI] = [.impressions, .reach, .interactions, .clicks, .conversions]) -> [String] {
        let values = today.values[platform] ?? [:]
        let earlier = today.yesterdaySameTime[platform]
        return kpis.compactMap { kpi in
            guard let value = values[kpi] else { return nil }
            let text = "\(kpi.title) " + ValueFormat.format(value, unit: kpi.unit)
            guard let before = earlier?[kpi] else { return text }
            return text + " (yesterday by this time " + ValueFormat.format(before, unit: kpi.unit) + ")"
        }
    }

    /// `Today so far (until 14:05): ...`, or nil when there is nothing today.
    public static func sentence(_ today: TodaySoFar?) -> String? {
        guard let today else { return nil }
        let items = items(today)
        guard !items.isEmpty else { return nil }
        return "Today so far (\(today.day), until \(ClockTime.text(millisecondOfDay: today.millisecondOfDay))): "
            + items.joined(separator: "; ")
    }
}
