/// A hash table from 64-bit keys to values, with open addressing and linear probing.
///
/// The store keys millions of rows by packed integers (``RowKey``); Swift's `Dictionary`
/// hashes every key with SipHash and keeps a bucket map beside keys and values, which made
/// it the largest cost of reading post-level data and about 21 bytes a row
/// (`Scripts/bench_scale.py --case posts`; docs/PERFORMANCE.md). Here a key
/// is hashed with one multiplication and an entry costs its key and value only. The table may
/// have any number of buckets (a key's bucket is its hash scaled to the count, not masked), so
/// that ``shrinkToFit()`` can leave a table 70% full rather than as little as three eighths.
struct KeyTable<Value>: Sendable where Value: Sendable {
    /// The key no entry may have (it marks an empty bucket).
    static var emptyKey: UInt64 { .max }

    private var keys: [UInt64]
    /// Values by bucket; `filler` in empty buckets.
    private var values: [Value]
    private let filler: Value
    private(set) var count = 0

    /// `filler` is what empty buckets hold (any value: it is never read). A table made
    /// without a capacity takes no memory until its first entry.
    init(filler: Value, minimumCapacity: Int = 0) {
        self.filler = filler
        keys = []
        values = []
        if minimumCapacity > 0 { rehash(buckets: Self.buckets(for: minimumCapacity)) }
    }

    /// Buckets that hold `count` entries 70% full: below the three quarters that make a table
    /// grow, so that a few more entries (appended rows) do not double it at once.
    private static func buckets(for count: Int) -> Int { max(8, count * 10 / 7 + 1) }

    var isEmpty: Bool { count == 0 }

    /// The slot (index) of every key of `keys`, which hold no key twice: the index of a file's
    /// rows with ids, made again when a file read to its end grows.
    static func slots(of keys: [RowKey]) -> KeyTable<Int32> where Value == Int32 {
        var table = KeyTable<Int32>(filler: 0, minimumCapacity: keys.count)
        for (slot, key) in keys.enumerated() { table[key.raw] = Int32(slot) }
        return table
    }

    /// A key's hash: its bucket is this scaled to the number of buckets.
    @inline(__always)
    private static func hash(_ key: UInt64) -> UInt64 { key &* 0x9E37_79B9_7F4A_7C15 }

    @inline(__always)
    private func bucket(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: Self.hash(key).multipliedFullWidth(by: UInt64(keys.count)).high)
    }

    /// The bucket after `i`, wrapping around.
    @inline(__always)
    private func next(_ i: Int) -> Int {
        let j = i &+ 1
        return j == keys.count ? 0 : j
    }

    /// The index of `key`'s bucket, or of the empty bucket where it would go (the table must
    /// have buckets).
    @inline(__always)
    private func find(_ key: UInt64) -> (index: Int, found: Bool) {
        var i = bucket(of: key)
        while true {
            let k = keys[i]
            if k == key { return (i, true) }
            if k == Self.emptyKey { return (i, false) }
            i = next(i)
        }
    }

    subscript(key: UInt64) -> Value? {
        get {
            guard !keys.isEmpty else { return nil }
            let (i, found) = find(key)
            return found ? values[i] : nil
        }
        set {
            precondition(key != Self.emptyKey)
            guard !keys.isEmpty || newValue != nil else { return }
            if keys.isEmpty { rehash(buckets: 8) }
            let (i, found) = find(key)
            if let newValue {
                if found {
                    values[i] = newValue
                } else {
                    keys[i] = key
                    values[i] = newValue
                    count += 1
                    if count * 4 > keys.count * 3 { rehash(buckets: keys.count * 2) }
                }
            } else if found {
                remove(at: i)
            }
        }
    }

    /// Changes the value of `key` in place (inserting `defaultValue` first when absent).
    @inline(__always)
    mutating func modify<T>(_ key: UInt64, default defaultValue: @autoclosure () -> Value,
                            _ body: (inout Value) -> T) -> T {
        if keys.isEmpty { rehash(buckets: 8) }
        var (i, found) = find(key)
        if !found {
            keys[i] = key
            values[i] = defaultValue()
            count += 1
            if count * 4 > keys.count * 3 {
                rehash(buckets: keys.count * 2)
                i = find(key).index
            }
        }
        return body(&values[i])
    }

    /// Makes room for `count` entries in all without growing: the table then holds them 70%
    /// full, as after ``shrinkToFit()``.
    mutating func reserveCapacity(_ count: Int) {
        if count * 4 > keys.count * 3 { rehash(buckets: Self.buckets(for: count)) }
    }

    /// Every entry, in no particular order.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for i in keys.indices where keys[i] != Self.emptyKey { body(keys[i], values[i]) }
    }

    var keysInTable: [UInt64] { keys.filter { $0 != Self.emptyKey } }

    /// Gives back the buckets beyond what the entries need (once a file is read): the table
    /// is left 70% full, or takes no memory when empty.
    mutating func shrinkToFit() {
        if count == 0 {
            keys = []
            values = []
        } else if Self.buckets(for: count) < keys.count {
            rehash(buckets: Self.buckets(for: count))
        }
    }

    /// Moves every entry into a table of `buckets` buckets.
    private mutating func rehash(buckets: Int) {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: Self.emptyKey, count: buckets)
        values = Array(repeating: filler, count: buckets)
        for i in oldKeys.indices where oldKeys[i] != Self.emptyKey {
            let j = find(oldKeys[i]).index
            keys[j] = oldKeys[i]
            values[j] = oldValues[i]
        }
    }

    /// Empties bucket `i`, moving later entries of its run back so that lookups still find them.
    private mutating func remove(at start: Int) {
        var hole = start
        var i = next(start)
        while keys[i] != Self.emptyKey {
            let home = bucket(of: keys[i])
            // Move the entry into the hole when the hole lies between its home and where it is.
            if (i > hole && (home <= hole || home > i)) || (i < hole && home <= hole && home > i) {
                keys[hole] = keys[i]
                values[hole] = values[i]
                hole = i
            }
            i = next(i)
        }
        keys[hole] = Self.emptyKey
        values[hole] = filler
        count -= 1
    }
}

// MARK: Many keys at once

extension KeyTable {
    /// `elements` in the order of the buckets their keys go to in any table (grouped by the top
    /// bits of the keys' hashes, about 32 keys a group): many keys looked up or inserted in this
    /// order read a table larger than the cache in passing instead of missing it once each.
    static func inBucketOrder<Element>(_ elements: [Element], key: (Element) -> UInt64) -> [Element] {
        let groupBits = min(16, Int.bitWidth - (elements.count / 32).leadingZeroBitCount)
        guard groupBits > 0 else { return elements }
        let shift = UInt64(64 - groupBits)
        var starts = [Int](repeating: 0, count: (1 << groupBits) + 1)
        for element in elements { starts[Int(hash(key(element)) >> shift) + 1] += 1 }
        for group in 0..<(1 << groupBits) { starts[group + 1] += starts[group] }
        return [Element](unsafeUninitializedCapacity: elements.count) { buffer, count in
            for element in elements {
                let group = Int(hash(key(element)) >> shift)
                (buffer.baseAddress! + starts[group]).initialize(to: element)
                starts[group] += 1
            }
            count = elements.count
        }
    }
}
