extension Array where Element == Double {
    /// Sorts in ascending order, as `sort()` does, by a least-significant-digit radix sort of
    /// the values' bit patterns mapped to keys that order as the values do (the sign bit set
    /// for a positive value, every bit flipped for a negative one; with no negative value, the
    /// bit patterns as they are). Only the bits from the lowest to the highest that differ
    /// between keys are counted (in one pass) and sorted by, a byte a pass: bits that are the
    /// same in every key (the low ones of durations in whole seconds, the high ones of values
    /// of one magnitude) take no pass.
    ///
    /// Equal values are equal bit patterns except for zero: -0.0 comes before 0.0 here, while
    /// `sort()` keeps them in the order they were in. NaN has no place in an ascending order;
    /// the values sorted here (``ServiceDays``' durations) are differences of instants.
    /// Short arrays are left to `sort()`.
    mutating func radixSort() {
        let n = count
        guard n > Self.radixSortThreshold else {
            sort()
            return
        }
        var counts = [Int](repeating: 0, count: 8 * 256)
        var scratch = [UInt64](repeating: 0, count: n)
        withUnsafeMutableBufferPointer { values in
            values.withMemoryRebound(to: UInt64.self) { keys in
                counts.withUnsafeMutableBufferPointer { counts in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        Self.radixSort(keys, counts: counts, scratch: scratch)
                    }
                }
            }
        }
    }

    /// Sorts `keys` as doubles, `counts` (8 × 256 zeros) and `scratch` (as many as `keys`)
    /// lent for the work. Without negative values (durations) the bit patterns order as the
    /// values do and are sorted as they are; else they are mapped first. Only the bits from the
    /// lowest to the highest that differ between keys are sorted by, a byte of them a pass:
    /// durations in whole seconds differ in 23 bits (three passes).
    private static func radixSort(_ keys: UnsafeMutableBufferPointer<UInt64>, counts: UnsafeMutableBufferPointer<Int>,
                                  scratch: UnsafeMutableBufferPointer<UInt64>) {
        let n = keys.count
        let sign: UInt64 = 1 << 63
        var (setInAny, setInAll) = bitsSet(in: keys)
        let mapped = setInAny & sign != 0
        if mapped {
            for i in 0..<n {
                let bits = keys[i]
                keys[i] = bits & sign == 0 ? bits | sign : ~bits
            }
            (setInAny, setInAll) = bitsSet(in: keys)
        }
        let differing = setInAny ^ setInAll
        if differing == 0 {
            if mapped { unmap(keys) }
            return
        }
        let lowest = differing.trailingZeroBitCount
        let passes = (64 - differing.leadingZeroBitCount - lowest + 7) / 8
        for key in keys {
            var digits = key >> UInt64(lowest)
            for pass in 0..<passes {
                counts[pass << 8 | Int(truncatingIfNeeded: digits & 0xFF)] += 1
                digits >>= 8
            }
        }
        var source = keys, target = scratch
        for pass in 0..<passes {
            let shift = UInt64(lowest + pass * 8)
            let bucket = UnsafeMutableBufferPointer(rebasing: counts[pass << 8 ..< (pass + 1) << 8])
            var start = 0
            for digit in 0..<256 {
                let size = bucket[digit]
                bucket[digit] = start
                start += size
            }
            for key in source {
                let digit = Int(truncatingIfNeeded: key >> shift) & 0xFF
                target[bucket[digit]] = key
                bucket[digit] += 1
            }
            swap(&source, &target)
        }
        if source.baseAddress != keys.baseAddress { _ = keys.update(fromContentsOf: source) }
        if mapped { unmap(keys) }
    }

    /// The bits set in any of `keys`, and those set in all of them.
    private static func bitsSet(in keys: UnsafeMutableBufferPointer<UInt64>) -> (any: UInt64, all: UInt64) {
        var any: UInt64 = 0, all: UInt64 = .max
        for key in keys {
            any |= key
            all &= key
        }
        return (any, all)
    }

    /// The doubles of keys mapped to sort (see ``radixSort(_:counts:scratch:)``).
    private static func unmap(_ keys: UnsafeMutableBufferPointer<UInt64>) {
        let sign: UInt64 = 1 << 63
        for i in keys.indices {
            let key = keys[i]
            keys[i] = key & sign != 0 ? key & ~sign : ~key
        }
    }

    /// Arrays up to this long are sorted by `sort()`: at 256 values its some 2,000 comparisons
    /// are as many steps as clearing and summing the radix sort's 2,048 counts alone.
    static let radixSortThreshold = 256
}
