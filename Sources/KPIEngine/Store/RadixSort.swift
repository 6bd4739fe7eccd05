extension Array where Element == Double {
    /// Sorts in ascending order, as `sort()` does, by a least-significant-digit radix sort of
    /// the values' bit patterns mapped to keys that order as the values do (the sign bit set
    /// for a positive value, every bit flipped for a negative one). One pass counts the eight
    /// bytes of every key; a byte that is the same in every key (the low bytes of durations in
    /// whole seconds, the high ones of values of one magnitude) takes no pass of its own.
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
    /// lent for the work.
    private static func radixSort(_ keys: UnsafeMutableBufferPointer<UInt64>, counts: UnsafeMutableBufferPointer<Int>,
                                  scratch: UnsafeMutableBufferPointer<UInt64>) {
        let n = keys.count
        let sign: UInt64 = 1 << 63
        for i in 0..<n {
            let bits = keys[i]
            keys[i] = bits & sign == 0 ? bits | sign : ~bits
        }
        for key in keys {
            for byte in 0..<8 { counts[byte << 8 | Int(truncatingIfNeeded: key >> UInt64(byte * 8)) & 0xFF] += 1 }
        }
        var source = keys, target = scratch
        for byte in 0..<8 {
            let shift = UInt64(byte * 8)
            let bucket = UnsafeMutableBufferPointer(rebasing: counts[byte << 8 ..< (byte + 1) << 8])
            if bucket[Int(truncatingIfNeeded: source[0] >> shift) & 0xFF] == n { continue }
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
        for i in 0..<n {
            let key = keys[i]
            keys[i] = key & sign != 0 ? key & ~sign : ~key
        }
    }

    /// Arrays up to this long are sorted by `sort()`: at 256 values its some 2,000 comparisons
    /// are as many steps as clearing and summing the radix sort's 2,048 counts alone.
    static let radixSortThreshold = 256
}
