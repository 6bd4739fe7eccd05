/// A brand of the config file's `[brands]` table: a name for a data directory with its own
/// goals, benchmarks and alerts, so one kpitop can switch between the brands an agency runs.
public struct Brand: Sendable, Equatable {
    /// The name written in the config file (`acme`); `--brand` and the picker use it.
    public var name: String
    /// The brand's data directory.
    public var data: String
    /// The brand's goals file; nil: `goals.toml` in its data directory.
    public var goals: String?
    /// The brand's benchmarks file; nil: `benchmarks.toml` in its data directory.
    public var benchmarks: String?
    /// The brand's own alert rules (`[[brands.NAME.alert]]`), checked besides the file's
    /// top-level `[[alert]]` rules, which apply to every brand.
    public var alerts: [AlertRule]
    /// Where the brand is written in the config file.
    public var line: Int

    /// "no brand 'acne' in [brands] (did you mean 'acme'?)", or the names there are.
    public static func unknownMessage(_ name: String, among brands: [Brand]) -> String {
        let names = brands.map(\.name)
        let shown = Sanitized.line(name)
        if brands.isEmpty { return "no brand '\(shown)': the config file has no [brands] (see docs/CONFIG.md)" }
        if let guess = Spelling.closest(to: name, among: names) { return "no brand '\(shown)' in [brands] (did you mean '\(guess)'?)" }
        return "no brand '\(shown)' in [brands] (expected \(names.joined(separator: ", ")))"
    }

    public init(name: String, data: String, goals: String? = nil, benchmarks: String? = nil, alerts: [AlertRule] = [],
                line: Int = 0) {
        self.name = name
        self.data = data
        self.goals = goals
        self.benchmarks = benchmarks
        self.alerts = alerts
        self.line = line
    }
}
