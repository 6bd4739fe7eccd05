import Testing
@testable import KPIDemo
@testable import KPIEngine

/// A window's percentiles selected across its days' sorted arrays are the percentiles of all
/// the values together.
@Suite struct SortedRunsTests {
    @Test func percentilesAcrossRunsAreThoseOfTheMergedValues() {
        var random = SplitMix64(seed: 90)
        for _ in 0..<2_000 {
            var runs = SortedRuns()
            var all: [Double] = []
            for _ in 0..<Int(random.next() % 6) {
                // Few distinct values, so that ties across and within runs are common.
                let run = (0..<Int(random.next() % 9)).map { _ in Double(random.next() % 12) }.sorted()
                runs.append(run)
                all += run
            }
            #expect(runs.count == all.count)
            #expect(runs.median == Percentile.median(all))
            #expect(runs.p90 == Percentile.p90(all))
            for k in all.indices { #expect(runs.element(at: k) == all.sorted()[k]) }
        }
    }

    @Test func runsOfOtherFactsAddWithoutCopying() {
        var a = SortedRuns(), b = SortedRuns()
        a.append([1, 5, 9])
        b.append([2, 3])
        b.append([])
        a.append(b)
        #expect(a.runs.count == 2 && a.count == 5)
        #expect(a.median == 3 && a.p90 == 9)
        #expect(SortedRuns().median == nil)
    }
}
