/// Spreads a period total (a row of a Facebook Ads Manager or Google Analytics report whose
/// reporting range spans several days) evenly over the days of its period, so that a
/// three-month report is not one spike on its first day.
///
/// Whole-number values are split in whole units, the remainder going one unit each to the
/// earliest days (10 over 3 days: 4, 3, 3); other values (money with cents) are split in the
/// smallest unit kept (1/10,000), likewise. Either way the days add up to the total exactly.
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
            result.set(field, units: share(ofUnits: values.units[lane], onDay: index))
        }
        return result
    }

    /// The part of one total (in units of ``MetricValues``) that falls on day `index`.
    func share(ofUnits total: Int64, onDay index: Int) -> Int64 {
        let step = total % MetricValues.unitsPerOne == 0 ? MetricValues.unitsPerOne : 1
        let steps = abs(total) / step
        let base = steps / Int64(days)
        let remainder = steps % Int64(days)
        let part = (base + (Int64(index) < remainder ? 1 : 0)) * step
        return total < 0 ? -part : part
    }

    /// The part of one total that falls on day `index`.
    func share(of total: Double, onDay index: Int) -> Double {
        MetricValues.double(units: share(ofUnits: MetricValues.units(total), onDay: index))
    }
}
