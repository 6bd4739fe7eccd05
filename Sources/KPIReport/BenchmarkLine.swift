import KPIEngine

/// The words reports use for a KPI against its benchmark.
public enum BenchmarkLine {
    /// "above", "below", "at" the benchmark; "–" without a value.
    public static func standing(_ benchmark: Benchmark, value: Double?) -> String {
        switch benchmark.standing(of: value) {
        case .above: "above"
        case .below: "below"
        case .equal: "at"
        case nil: "–"
        }
    }

    /// The benchmarks of a snapshot that concern its platforms, `all` first, then by platform
    /// and in the KPIs' report order.
    public static func listed(_ snapshot: KPISnapshot) -> [Benchmark] {
        ([KPISnapshot.allPlatforms] + snapshot.platforms).flatMap { platform in
            KPI.allCases.compactMap { snapshot.benchmark($0, platform: platform) }
        }
    }

    /// "0.60% (our 2025 average)": the reference value in the KPI's unit, and its source.
    public static func reference(_ benchmark: Benchmark, currency: Currency? = nil, ascii: Bool = false) -> String {
        ValueFormat.format(benchmark.value, unit: benchmark.kpi.unit, ascii: ascii, currency: currency)
            + (benchmark.source.map { " (" + Sanitized.line($0) + ")" } ?? "")
    }
}
