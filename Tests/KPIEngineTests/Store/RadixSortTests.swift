import Testing
@testable import KPIEngine

/// `radixSort()` puts doubles in the order `sort()` does, bit for bit.
@Suite struct RadixSortTests {
    /// A generator with a seed, so that a failure can be run again.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_10EB
            return z ^ (z >> 31)
        }
    }

    /// Values of many kinds in one array: durations in whole seconds and in milliseconds (as
    /// ``ServiceDays`` holds them), repeats, zero, the extremes, subnormals and negatives.
    private static func values(count: Int, seed: UInt64) -> [Double] {
        var random = SplitMix(state: seed)
        let special: [Double] = [0, 1, -1, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
                                 -.leastNonzeroMagnitude, .infinity, -.infinity, 1e15, 0.001, 86_400 * 365]
        return (0..<count).map { _ in
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return Double(Int64.random(in: 0..<500_000, using: &random))
            case 1: return Double(Int64.random(in: 0..<500_000_000, using: &random)) / 1000
            case 2: return Double(Int64.random(in: 0..<20, using: &random))
            case 3: return special.randomElement(using: &random)!
            case 4: return Double(bitPattern: random.next() & ~(0x7FF << 52) | (UInt64.random(in: 0..<0x7FF, using: &random) << 52))
            default: return -Double(Int64.random(in: 1..<500_000, using: &random)) / 7
            }
        }
    }

    @Test(arguments: [0, 1, 2, 255, 256, 257, 1_000, 3_000, 50_000])
    func sortsAsSortDoes(count: Int) {
        for seed in UInt64(1)...4 {
            var values = Self.values(count: count, seed: seed &* UInt64(count + 1))
            var expected = values
            expected.sort()
            values.radixSort()
            #expect(values.map(\.bitPattern) == expected.map(\.bitPattern), "count \(count), seed \(seed)")
        }
    }

    @Test func durationsOfOneMagnitudeAndRepeats() {
        var random = SplitMix(state: 7)
        for count in [300, 4_000] {
            var values = (0..<count).map { _ in Double(Int64.random(in: 3_600..<3_700, using: &random)) }
            var expected = values
            expected.sort()
            values.radixSort()
            #expect(values.map(\.bitPattern) == expected.map(\.bitPattern))
            var same = [Double](repeating: 42.5, count: count)
            same.radixSort()
            #expect(same == [Double](repeating: 42.5, count: count))
        }
    }

    /// Negative zero is ordered before zero (`sort()` keeps the two as they came): durations
    /// never are -0.0, and the test says so rather than hide it.
    @Test func negativeZeroBeforeZero() {
        var values = [Double](repeating: 0, count: 300) + [-0.0, 5, -0.0]
        values.radixSort()
        #expect(values[0].sign == .minus && values[1].sign == .minus && values[2].sign == .plus && values.last == 5)
    }
}
