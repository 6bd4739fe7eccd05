/// Values held as sorted arrays (a day's durations each), taken as one collection without
/// copying: a window's percentile is selected across the arrays by binary search, so that
/// a snapshot costs a few thousand comparisons instead of copying and partitioning every
/// duration of the window (with a million tickets, most of the CPU of an appended row).
struct SortedRuns: Sendable {
    /// Non-empty arrays, each in ascending order.
    private(set) var runs: [[Double]] = []
    private(set) var count = 0

    init() {}

    /// Adds an array in ascending order (shared, not copied).
    mutating func append(_ run: [Double]) {
        guard !run.isEmpty else { return }
        runs.append(run)
        count += run.count
    }

    mutating func append(_ other: SortedRuns) {
        runs += other.runs
        count += other.count
    }

    /// The nearest-rank percentile `numerator/denominator` (see ``Percentile``), or nil when
    /// there are no values.
    func nearestRank(numerator: Int, denominator: Int) -> Double? {
        guard count > 0 else { return nil }
        return element(at: Percentile.index(count: count, numerator: numerator, denominator: denominator))
    }

    var median: Double? { nearestRank(numerator: 1, denominator: 2) }
    var p90: Double? { nearestRank(numerator: 9, denominator: 10) }

    /// The value that would be at `k` if all the runs were merged: each round takes the middle
    /// of the longest range still in play as the pivot, counts the values below and equal to
    /// it in every range by binary search, and keeps only the side holding `k`.
    func element(at k: Int) -> Double {
        var k = k
        var low = [Int](repeating: 0, count: runs.count)
        var high = runs.map(\.count)
        while true {
            var longest = 0
            for i in runs.indices where high[i] - low[i] > high[longest] - low[longest] { longest = i }
            let pivot = runs[longest][(low[longest] + high[longest]) / 2]
            var below = 0, equal = 0
            var firstEqual = low, pastEqual = low
            for i in runs.indices {
                firstEqual[i] = Self.firstIndex(in: runs[i], from: low[i], to: high[i]) { $0 >= pivot }
                pastEqual[i] = Self.firstIndex(in: runs[i], from: firstEqual[i], to: high[i]) { $0 > pivot }
                below += firstEqual[i] - low[i]
                equal += pastEqual[i] - firstEqual[i]
            }
            if k < below {
                high = firstEqual
            } else if k < below + equal {
                return pivot
            } else {
                k -= below + equal
                low = pastEqual
            }
        }
    }

    /// The first index in `low..<high` whose value passes `test` (which, in ascending order,
    /// fails and then passes), or `high`.
    private static func firstIndex(in run: [Double], from low: Int, to high: Int, where test: (Double) -> Bool) -> Int {
        var low = low, high = high
        while low < high {
            let mid = low + (high - low) / 2
            if test(run[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
