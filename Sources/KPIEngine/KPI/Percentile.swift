/// Nearest-rank percentiles: the smallest value with at least q·n values at or below it.
public enum Percentile {
    /// The nearest-rank percentile `numerator/denominator` (e.g. 9/10 for p90) of `sorted`
    /// (ascending), or nil when empty. Integer rank arithmetic, so 0.9·n never rounds wrong.
    public static func nearestRank(_ sorted: [Double], numerator: Int, denominator: Int) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = max(1, (numerator * sorted.count + denominator - 1) / denominator)
        return sorted[min(rank, sorted.count) - 1]
    }

    public static func median(_ sorted: [Double]) -> Double? { nearestRank(sorted, numerator: 1, denominator: 2) }

    public static func p90(_ sorted: [Double]) -> Double? { nearestRank(sorted, numerator: 9, denominator: 10) }
}
