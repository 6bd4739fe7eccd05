import KPIEngine
import KPIReport

/// The daily chart of one KPI on one platform, as the KPI and platform pages draw it: in the
/// data's currency, from 0 unless zoomed (`y`), with the target of the first goal on that
/// KPI and platform as a line; without a goal, a ratio's benchmark is the line.
enum KPIChart {
    static func series(_ state: UIState, kpi: KPI, platform: String, ascii: Bool) -> ChartSeries {
        let snapshot = state.snapshot
        let value = snapshot?.value(kpi, platform: platform) ?? KPIValue(value: nil, previous: nil)
        let goal = state.goals.first { $0.goal.kpi == kpi && $0.goal.platform == platform }
        return ChartSeries(values: value.daily, days: snapshot?.window.allDays ?? [], unit: kpi.unit,
                           currency: snapshot?.currencies[platform],
                           mode: KPIScale.mode(kpi, zoomed: state.chartsZoomed),
                           zoomed: state.chartsZoomed && KPIScale.mode(kpi) == .fromZero,
                           target: goal.flatMap { target($0, ascii: ascii) }
                               ?? snapshot?.benchmark(kpi, platform: platform).flatMap { benchmark($0, ascii: ascii) },
                           unavailable: value.unavailable.map(Sanitized.line))
    }

    /// A goal's target as a line on its KPI's daily chart: the target itself for a ratio, a
    /// time or followers (`goal ≥ 5.00%`) and for a relative sum goal, whose target is a daily
    /// pace already; for an absolute sum, whose target is a total by the deadline, the even
    /// daily pace that reaches it (`goal ≥ 133K/day`). Nil for a relative goal without a baseline.
    static func target(_ progress: GoalProgress, ascii: Bool) -> ChartTarget? {
        let goal = progress.goal
        guard let target = progress.target else { return nil }
        guard goal.kpi.kind == .sum, !progress.perDay else {
            return ChartTarget(value: target, label: "goal " + GoalLine.target(progress, ascii: ascii))
        }
        let days = Double(max(1, progress.start.distance(to: goal.deadline) + 1))
        let pace = goal.target / days
        let sign = goal.direction == .atLeast ? (ascii ? ">=" : "≥") : (ascii ? "<=" : "≤")
        return ChartTarget(value: pace, label: "goal \(sign) "
            + ValueFormat.format(pace, unit: goal.kpi.unit, ascii: ascii, currency: progress.currency) + "/day")
    }

    /// A benchmark as a line on the daily chart, for KPIs whose daily values are on the
    /// benchmark's scale (ratios, times, levels); nil for sums, whose benchmark is a window's total.
    static func benchmark(_ benchmark: Benchmark, ascii: Bool) -> ChartTarget? {
        guard benchmark.kpi.kind != .sum else { return nil }
        return ChartTarget(value: benchmark.value,
                           label: "benchmark " + ValueFormat.format(benchmark.value, unit: benchmark.kpi.unit, ascii: ascii))
    }

    /// The chart's box titles, longest first: `Engagement rate daily for instagram (higher is
    /// better)`, then shorter ones that still name the KPI and the platform.
    static func titles(kpi: KPI, platform: String) -> [String] {
        let direction = kpi.lowerIsBetter ? "lower is better" : "higher is better"
        return ["\(kpi.title) daily for \(platform) (\(direction))", "\(kpi.title) daily for \(platform)",
                "\(KPILabel.short(kpi)), \(platform)", KPILabel.short(kpi)]
    }
}
