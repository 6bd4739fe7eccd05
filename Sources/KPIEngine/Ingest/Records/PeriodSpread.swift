/// Spreads a period total (a row of a Facebook Ads Manager or Google Analytics report whose
/// reporting range spans several days) evenly over the days of its period, so that a
/// three-month report is not one spike on its first day.
///
/// Whole-number values are split in whole units, the remainder going one unit each to the
/// earliest days, so the days add up to the total exactly (10 over 3 days: 4, 3, 3); other
/// values (money with cents) get equal shares, the last day taking what rounding leaves.
struct PeriodSpread {
    /// The number of days of the period (at least 1).
    let days: Int

    init(days: Int) {
        precondition(days >= 1)
        self.days = days
    }

    /// The part of `values` that falls on day `index` (0 for the period's first day).
    func share(of values: MetricValues, onDay index: Int) -> MetricValues {
        guard days > 1 else { return values }
        var result = MetricValues()
        var present = values.present
        while present != 0 {
            let lane = present.trailingZeroBitCount
            present &= present - 1
            guard let field = MetricField(rawValue: lane) else { continue }
            result.set(field, to: share(of: values.sums[lane], onDay: index))
        }
        return result
    }

    /// The part of one total that falls on day `index`.
    func share(of total: Double, onDay index: Int) -> Double {
        let count = Double(days)
        if total == total.rounded(), abs(total) < 9e15 {
            let magnitude = abs(total)
            let base = (magnitude / count).rounded(.down)
            let remainder = magnitude - base * count
            let part = base + (Double(index) < remainder ? 1 : 0)
            return total < 0 ? -part : part
        }
        let equal = total / count
        return index < days - 1 ? equal : total - equal * (count - 1)
    }
}
