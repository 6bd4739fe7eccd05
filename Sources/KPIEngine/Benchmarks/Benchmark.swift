/// A reference value for one KPI on one platform (`all` included), from the user's
/// `benchmarks.toml`: an industry figure or the team's own past performance. kpitop ships
/// none; the file is the user's.
public struct Benchmark: Sendable, Equatable, Codable {
    public var platform: String
    public var kpi: KPI
    /// In the KPI's unit: fractions for percentages, seconds for durations.
    public var value: Double
    /// Where the figure comes from ("Rival IQ 2025"), as the file says; untrusted text.
    public var source: String?
    /// Where it is written, for messages.
    public var line: Int

    public init(platform: String, kpi: KPI, value: Double, source: String? = nil, line: Int = 0) {
        self.platform = platform
        self.kpi = kpi
        self.value = value
        self.source = source
        self.line = line
    }

    /// How a KPI value stands against the benchmark.
    public enum Standing: String, Sendable {
        case above, below, equal

        /// True when the standing is good news for `kpi` (above, or below for costs and times).
        public func isGood(for kpi: KPI) -> Bool? {
            switch self {
            case .equal: nil
            case .above: !kpi.lowerIsBetter
            case .below: kpi.lowerIsBetter
            }
        }
    }

    /// Where `value` stands against the benchmark; nil without a value.
    public func standing(of value: Double?) -> Standing? {
        guard let value else { return nil }
        return value > self.value ? .above : value < self.value ? .below : .equal
    }
}
