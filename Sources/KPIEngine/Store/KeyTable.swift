/// A hash table from 64-bit keys to values, with open addressing and linear probing.
///
/// The store keys millions of rows by packed integers (``RowKey``); Swift's `Dictionary`
/// hashes every key with SipHash and keeps a bucket map beside keys and values, which made
/// it the largest cost of reading post-level data and about 21 bytes a row
/// (`Scripts/bench_scale.py --case posts`, perf profile in docs/PERFORMANCE.md). Here a key
/// is hashed with one multiplication and an entry costs its key and value only.
struct KeyTable<Value>: Sendable where Value: Sendable {
    /// The key no entry may have (it marks an empty bucket).
    static var emptyKey: UInt64 { .max }

    private var keys: [UInt64]
    /// Values by bucket; `filler` in empty buckets.
    private var values: [Value]
    private let filler: Value
    private var mask: Int
    private(set) var count = 0

    /// `filler` is what empty buckets hold (any value: it is never read). A table made
    /// without a capacity takes no memory until its first entry.
    init(filler: Value, minimumCapacity: Int = 0) {
        self.filler = filler
        guard minimumCapacity > 0 else {
            keys = []
            values = []
            mask = 0
            return
        }
        var buckets = 8
        while buckets * 3 < minimumCapacity * 4 { buckets <<= 1 }
        keys = Array(repeating: Self.emptyKey, count: buckets)
        values = Array(repeating: filler, count: buckets)
        mask = buckets - 1
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func bucket(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
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
            i = (i + 1) & mask
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
            if keys.isEmpty { allocate() }
            let (i, found) = find(key)
            if let newValue {
                if found {
                    values[i] = newValue
                } else {
                    keys[i] = key
                    values[i] = newValue
                    count += 1
                    if count * 4 > keys.count * 3 { grow() }
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
        if keys.isEmpty { allocate() }
        var (i, found) = find(key)
        if !found {
            keys[i] = key
            values[i] = defaultValue()
            count += 1
            if count * 4 > keys.count * 3 {
                grow()
                i = find(key).index
            }
        }
        return body(&values[i])
    }

    /// Every entry, in no particular order.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for i in keys.indices where keys[i] != Self.emptyKey { body(keys[i], values[i]) }
    }

    var keysInTable: [UInt64] { keys.filter { $0 != Self.emptyKey } }

    private mutating func allocate() {
        keys = Array(repeating: Self.emptyKey, count: 8)
        values = Array(repeating: filler, count: 8)
        mask = 7
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: Self.emptyKey, count: oldKeys.count * 2)
        values = Array(repeating: filler, count: oldKeys.count * 2)
        mask = keys.count - 1
        for i in oldKeys.indices where oldKeys[i] != Self.emptyKey {
            let j = find(oldKeys[i]).index
            keys[j] = oldKeys[i]
            values[j] = oldValues[i]
        }
    }

    /// Empties bucket `i`, moving later entries of its run back so that lookups still find them.
    private mutating func remove(at start: Int) {
        var hole = start
        var i = (start + 1) & mask
        while keys[i] != Self.emptyKey {
            let home = bucket(of: keys[i])
            // Move the entry into the hole when the hole lies between its home and where it is.
            if (i > hole && (home <= hole || home > i)) || (i < hole && home <= hole && home > i) {
                keys[hole] = keys[i]
                values[hole] = values[i]
                hole = i
            }
            i = (i + 1) & mask
        }
        keys[hole] = Self.emptyKey
        values[hole] = filler
        count -= 1
    }
}
