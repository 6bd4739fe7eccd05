/// Nearest-rank percentiles: the smallest value with at least q·n values at or below it.
public enum Percentile {
    /// The nearest-rank percentile `numerator/denominator` (e.g. 9/10 for p90) of `values` (in
    /// any order), or nil when empty. Integer rank arithmetic, so 0.9·n never rounds wrong;
    /// found by selection, in linear time.
    public static func nearestRank(_ values: [Double], numerator: Int, denominator: Int) -> Double? {
        guard !values.isEmpty else { return nil }
        var copy = values
        return select(&copy, index(count: values.count, numerator: numerator, denominator: denominator))
    }

    /// Where the nearest-rank percentile `numerator/denominator` of `count` (> 0) values
    /// stands in their ascending order.
    static func index(count: Int, numerator: Int, denominator: Int) -> Int {
        min(max(1, (numerator * count + denominator - 1) / denominator), count) - 1
    }

    public static func median(_ values: [Double]) -> Double? { nearestRank(values, numerator: 1, denominator: 2) }

    public static func p90(_ values: [Double]) -> Double? { nearestRank(values, numerator: 9, denominator: 10) }

    /// The element that would be at `k` if `values` were sorted (Hoare's selection with the
    /// median of three as pivot).
    static func select<Value: Comparable>(_ values: inout [Value], _ k: Int) -> Value {
        var low = 0, high = values.count - 1
        while low < high {
            let mid = low + (high - low) / 2
            if values[mid] < values[low] { values.swapAt(mid, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[mid] { values.swapAt(high, mid) }
            let pivot = values[mid]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while pivot < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return values[k] }
        }
        return values[k]
    }
}
