/// A SMART goal from `goals.toml` (docs/DATA.md section 9).
public struct Goal: Sendable, Equatable, Codable {
    public enum Direction: String, Sendable, Codable {
        case atLeast = "at_least"
        case atMost = "at_most"

        /// at_most for cpc, cpa and durations (`*_s`), else at_least.
        public static func defaultFor(_ kpi: KPI) -> Direction {
            kpi == .cpc || kpi == .cpa || kpi.id.hasSuffix("_s") ? .atMost : .atLeast
        }
    }

    public var name: String
    public var kpi: KPI
    public var platform: String
    /// In the KPI's unit: fractions for percentages, seconds for durations. For a relative
    /// goal (``relative``) the target is worked out from the baseline instead, and this is 0.
    public var target: Double
    /// For a relative goal (`target = "+20%"`, data contract section 9.1): the change asked
    /// for against the baseline (0.20, or -0.15 for "-15%"); nil for an absolute goal.
    public var relative: Double?
    /// For a relative goal: the days of the baseline period, which ends the day before the
    /// start (the file's `baseline_days`, else deadline - start + 1 days, at most 90).
    public var baselineDays: Int?
    public var direction: Direction
    /// nil = the first day with data on the platform.
    public var start: Day?
    public var deadline: Day
    /// Where the goal is written, for messages.
    public var line: Int

    public init(name: String, kpi: KPI, platform: String, target: Double, direction: Direction,
                start: Day?, deadline: Day, line: Int, relative: Double? = nil, baselineDays: Int? = nil) {
        self.name = name
        self.kpi = kpi
        self.platform = platform
        self.target = target
        self.relative = relative
        self.baselineDays = baselineDays
        self.direction = direction
        self.start = start
        self.deadline = deadline
        self.line = line
    }

    /// True for a goal whose target is relative to a baseline.
    public var isRelative: Bool { relative != nil }

    /// The baseline period of a relative goal: ``baselineDays`` days ending the day before
    /// the start; nil for an absolute goal.
    public var baselineWindow: ReportWindow? {
        guard relative != nil, let start, let days = baselineDays, days >= 1 else { return nil }
        return ReportWindow(days: days, endingOn: start.adding(days: -1))
    }

    /// The default baseline length for a goal running from `start` to `deadline`:
    /// deadline - start + 1 days, at most 90.
    public static func defaultBaselineDays(start: Day, deadline: Day) -> Int {
        min(90, start.distance(to: deadline) + 1)
    }

    /// True when `value` reaches `target` in this goal's direction.
    public func reaches(_ value: Double, _ target: Double) -> Bool {
        direction == .atLeast ? value >= target : value <= target
    }
}

/// Parses a goal target: a number, `5%`, `$1,200`, `2h`, `30m`, `45s`, `1h 30m`, `2d`; or a
/// relative one, `+20%` / `-15%`.
public enum GoalTarget {
    /// True when the text starts with a sign: a relative target (data contract section 9.1).
    public static func isRelative(_ text: String) -> Bool {
        guard let first = text.trimmingSpaces.first else { return false }
        return first == "+" || first == "-"
    }

    /// `+20%` -> 0.2, `-15%` -> -0.15, `+12.5 %` -> 0.125; nil when the text is not a signed
    /// percentage.
    public static func relative(_ text: String) -> Double? {
        let t = String(text.trimmingSpaces)
        guard isRelative(t), t.hasSuffix("%") else { return nil }
        let number = String(t.dropFirst().dropLast().trimmingSpaces)
        guard !number.isEmpty, number.first?.isNumber == true || number.first == ".",
              let magnitude = Double(number), magnitude.isFinite
        else { return nil }
        return (t.first == "-" ? -magnitude : magnitude) / 100
    }

    public static func parse(_ text: String) -> Double? {
        var t = String(text.trimmingSpaces).replacing(",", with: "")
        if t.hasSuffix("%") {
            return Double(String(t.dropLast().trimmingSpaces)).map { $0 / 100 }
        }
        for sign in ["$", "€", "£"] where t.hasPrefix(sign) { t = String(t.dropFirst()) }
        if let plain = Double(t), plain.isFinite { return plain }
        return duration(t)
    }

    /// `1h 30m`, `2h`, `45s`, `3d` in seconds.
    static func duration(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var total = 0.0, number = "", sawPart = false
        for ch in text where ch != " " {
            if ch.isNumber || ch == "." {
                number.append(ch)
            } else if let unit = units[ch], let n = Double(number) {
                total += n * unit
                number = ""
                sawPart = true
            } else {
                return nil
            }
        }
        return sawPart && number.isEmpty ? total : nil
    }
}
