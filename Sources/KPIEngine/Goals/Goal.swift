/// A SMART goal from `goals.toml` (docs/DATA.md section 9).
public struct Goal: Sendable, Equatable {
    public enum Direction: String, Sendable {
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
    /// In the KPI's unit: fractions for percentages, seconds for durations.
    public var target: Double
    public var direction: Direction
    /// nil = the first day with data on the platform.
    public var start: Day?
    public var deadline: Day
    /// Where the goal is written, for messages.
    public var line: Int

    public init(name: String, kpi: KPI, platform: String, target: Double, direction: Direction,
                start: Day?, deadline: Day, line: Int) {
        self.name = name
        self.kpi = kpi
        self.platform = platform
        self.target = target
        self.direction = direction
        self.start = start
        self.deadline = deadline
        self.line = line
    }

    /// True when `value` reaches `target` in this goal's direction.
    public func reaches(_ value: Double, _ target: Double) -> Bool {
        direction == .atLeast ? value >= target : value <= target
    }
}

/// Parses a goal target: a number, `5%`, `$1,200`, `2h`, `30m`, `45s`, `1h 30m`, `2d`.
public enum GoalTarget {
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
