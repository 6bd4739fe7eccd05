import Glibc
import Synchronization

/// Gives strings (post and inquiry ids, platform names) small numbers, so that rows are keyed
/// by integers and each distinct string is kept once. Shared by every file of a store, and
/// safe to use from the threads that read files in parallel.
///
/// The strings' bytes are kept one after another in one array, found through an open-
/// addressing table of their numbers: about 10 bytes a string besides its own, against some
/// 60 for a `[String: UInt32]` with an array of `String`s (a million ids of posts or tickets
/// is the common case; `Scripts/bench_scale.py --case tickets`).
public final class IDTable: Sendable {
    private struct State {
        /// Every string's UTF-8 bytes, one after another.
        var bytes: [UInt8] = []
        /// Where each string starts in `bytes` (it ends where the next one starts); one more
        /// entry than strings.
        var starts: [UInt32] = [0]
        /// By hash bucket, a string's number + 1 in the low `numberBits` bits and some bits of
        /// its hash above them (a tag); 0 = empty. A probe compares tags before it reads a
        /// string's bytes (two cache misses more in tables of a million strings).
        var buckets: [UInt32] = Array(repeating: 0, count: 16)
        /// Bits of a bucket that hold a number + 1: enough for the shard's limit.
        let numberBits: Int

        init(numberBits: Int) { self.numberBits = numberBits }

        var count: Int { starts.count - 1 }

        func text(_ number: Int) -> ArraySlice<UInt8> { bytes[Int(starts[number])..<Int(starts[number + 1])] }

        /// The tag of a hash, in place in a bucket: bits 32 and up of the hash (the bucket
        /// comes from the low bits, the shard from the top six).
        @inline(__always)
        func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) << numberBits }

        /// The bucket holding `text`, or the empty one where it would go.
        func find(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (bucket: Int, number: Int?) {
            let mask = buckets.count - 1
            let tag = tag(hash)
            let numberMask = UInt32.max >> (32 - numberBits)
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = buckets[i]
                if entry == 0 { return (i, nil) }
                if entry & ~numberMask == tag {
                    let number = Int(entry & numberMask) - 1
                    let start = Int(starts[number]), end = Int(starts[number + 1])
                    if end - start == text.count, bytes.withUnsafeBufferPointer({
                        text.isEmpty || memcmp($0.baseAddress! + start, text.baseAddress!, text.count) == 0
                    }) {
                        return (i, number)
                    }
                }
                i = (i + 1) & mask
            }
        }

        mutating func insert(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64, at bucket: Int) -> Int {
            let number = count
            bytes.append(contentsOf: text)
            starts.append(UInt32(bytes.count))
            buckets[bucket] = tag(hash) | UInt32(number + 1)
            if count * 4 > buckets.count * 3 { grow() }
            return number
        }

        /// Makes room for `capacity` strings in all: buckets enough that they stay at most 3/4
        /// full, and room in `starts` and `bytes` (at the strings' mean length so far).
        mutating func reserve(capacity: Int) {
            var size = buckets.count
            while capacity * 4 > size * 3 { size *= 2 }
            if size > buckets.count { rehash(into: size) }
            starts.reserveCapacity(capacity + 1)
            if count > 0 { bytes.reserveCapacity(capacity * bytes.count / count) }
        }

        private mutating func grow() { rehash(into: buckets.count * 2) }

        /// Puts every string's number into `size` new buckets (a power of two).
        private mutating func rehash(into size: Int) {
            buckets = Array(repeating: 0, count: size)
            let mask = size - 1
            bytes.withUnsafeBufferPointer { all in
                for number in 0..<count {
                    let h = IDTable.hash(UnsafeBufferPointer(rebasing: all[Int(starts[number])..<Int(starts[number + 1])]))
                    var i = Int(truncatingIfNeeded: h) & mask
                    while buckets[i] != 0 { i = (i + 1) & mask }
                    buckets[i] = tag(h) | UInt32(number + 1)
                }
            }
        }
    }

    /// One part of the table under its own lock.
    private final class Shard: Sendable {
        let state: Mutex<State>

        init(numberBits: Int) { state = Mutex(State(numberBits: numberBits)) }
    }

    /// How many strings the table takes; ``number(for:)`` returns nil beyond.
    public let limit: Int
    /// Strings are spread over the shards by hash, so that threads reading files in parallel
    /// seldom wait for each other (with one lock, a million new ticket ids spent a tenth of
    /// the load waiting for it). The string numbered n is string n / count of shard n % count.
    private let shards: [Shard]

    /// `shards` must be a power of two; with one shard the numbers are 0, 1, 2... in order.
    public init(limit: Int, shards: Int = 1) {
        precondition(shards > 0 && shards & (shards - 1) == 0)
        self.limit = limit
        // A shard numbers at most limit / shards strings, so its buckets hold up to that + 1.
        let numberBits = Int.bitWidth - (limit / shards).leadingZeroBitCount
        precondition(numberBits < 32)
        self.shards = (0..<shards).map { _ in Shard(numberBits: numberBits) }
    }

    /// The number of `text`, given it a new one when it has none; nil when the table is full.
    public func number(for text: String) -> UInt32? { numbering(text)?.number }

    /// The number of `text`, given it a new one when it has none, and whether it was given now:
    /// then no row anywhere can be keyed by it yet. Nil when the table is full.
    public func numbering(_ text: String) -> (number: UInt32, isNew: Bool)? {
        var text = text
        return text.withUTF8 { numbering(utf8: $0) }
    }

    /// ``numbering(_:)`` for a string given as its UTF-8 bytes (read straight from a file).
    public func numbering(utf8: UnsafeBufferPointer<UInt8>) -> (number: UInt32, isNew: Bool)? {
        let h = Self.hash(utf8)
        let index = shardIndex(hash: h)
        let local = shards[index].state.withLock { s -> (Int, Bool)? in
            let (bucket, found) = s.find(utf8, hash: h)
            if let found { return (found, false) }
            guard (s.count + 1) * shards.count <= limit else { return nil }
            return (s.insert(utf8, hash: h, at: bucket), true)
        }
        return local.map { (UInt32($0.0 * shards.count + index), $0.1) }
    }

    /// ``numbering(utf8:)`` of many strings, in order: `results[i]` is what it would give for
    /// `texts[i]` called for each string in turn (a string that comes twice is new only the
    /// first time; nil when the table is full). The strings are hashed first and taken shard
    /// by shard, in their order within the shard, each shard's lock once, and a shard's first
    /// buckets are loaded together before any is searched: in a table of millions of ids
    /// nearly every bucket is a cache miss, and so they overlap instead of following each
    /// other.
    public func numbering(utf8 texts: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
                          into results: UnsafeMutableBufferPointer<(number: UInt32, isNew: Bool)?>) {
        precondition(results.count >= texts.count)
        let shardCount = shards.count
        // The strings' hashes, and their indexes grouped by shard (a counting sort).
        var hashes = [UInt64](repeating: 0, count: texts.count)
        var starts = [Int](repeating: 0, count: shardCount + 1)
        for (i, text) in texts.enumerated() {
            hashes[i] = Self.hash(text)
            starts[shardIndex(hash: hashes[i]) + 1] += 1
        }
        for shard in 0..<shardCount { starts[shard + 1] += starts[shard] }
        var order = [Int](repeating: 0, count: texts.count)
        var next = starts
        for i in texts.indices {
            let shard = shardIndex(hash: hashes[i])
            order[next[shard]] = i
            next[shard] += 1
        }
        // Each group's first probes, loaded before the group is searched.
        var firstEntries = [UInt32](repeating: 0, count: texts.count)
        for shard in 0..<shardCount where starts[shard] < starts[shard + 1] {
            let members = order[starts[shard]..<starts[shard + 1]]
            shards[shard].state.withLock { s in
                let mask = s.buckets.count - 1
                for k in members.indices { firstEntries[k] = s.buckets[Int(truncatingIfNeeded: hashes[members[k]]) & mask] }
                // Until the first insert the buckets are as loaded: an empty first bucket is
                // where a string goes without a search.
                let countBefore = s.count
                for k in members.indices {
                    let i = members[k]
                    let h = hashes[i]
                    let found: (bucket: Int, number: Int?)
                    if s.count == countBefore, firstEntries[k] == 0 {
                        found = (Int(truncatingIfNeeded: h) & mask, nil)
                    } else {
                        found = s.find(texts[i], hash: h)
                    }
                    if let number = found.number {
                        results[i] = (UInt32(number * shardCount + shard), false)
                    } else if (s.count + 1) * shardCount <= limit {
                        results[i] = (UInt32(s.insert(texts[i], hash: h, at: found.bucket) * shardCount + shard), true)
                    } else {
                        results[i] = nil
                    }
                }
            }
        }
    }

    /// Makes room for about `expectedCount` strings in all (spread over the shards by hash), so
    /// that a load of that many does not grow the table step by step: each growth puts every
    /// string of a shard in new buckets, under the shard's lock.
    public func reserve(expectedCount: Int) {
        guard expectedCount > count else { return }
        // A shard's share varies with the hashes by about its square root: 3 of them spare.
        let share = expectedCount / shards.count
        let capacity = min(limit / shards.count, share + 3 * Int(Double(share).squareRoot()) + 1)
        for shard in shards { shard.state.withLock { $0.reserve(capacity: capacity) } }
    }

    /// The number `text` already has, if any.
    public func existingNumber(for text: String) -> UInt32? {
        var text = text
        return text.withUTF8 { utf8 in
            let h = Self.hash(utf8)
            let index = shardIndex(hash: h)
            return shards[index].state.withLock { $0.find(utf8, hash: h).number }.map { UInt32($0 * shards.count + index) }
        }
    }

    /// The string numbered `number`.
    public func string(_ number: UInt32) -> String {
        let n = Int(number)
        return shards[n % shards.count].state.withLock { String(decoding: $0.text(n / shards.count), as: UTF8.self) }
    }

    /// Strings for many numbers.
    public func strings(_ numbers: some Sequence<UInt32>) -> [String] {
        numbers.map(string)
    }

    /// Strings numbered so far.
    public var count: Int { shards.reduce(0) { total, shard in total + shard.state.withLock { $0.count } } }

    /// The shard of a string: high bits of its hash (the low ones pick its bucket).
    private func shardIndex(hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 58) & (shards.count - 1)
    }

    /// A 64-bit hash of `text`, read 8 bytes at a time rather than FNV-1a's one: words from the
    /// start, then the word ending at the text's end (it may overlap the one before); shorter
    /// texts as two overlapping 4-byte halves or three single bytes, so that every byte counts.
    /// The length is mixed in, and MurmurHash3's finalizer makes both the low bits (bucket) and
    /// the high ones (shard, tag) depend on every byte.
    static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(text)
        let n = raw.count
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                h = mix(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            h = mix(h, raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        } else if n >= 4 {
            let head = raw.loadUnaligned(as: UInt32.self), tail = raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            h = mix(h, UInt64(head) << 32 | UInt64(tail))
        } else if n > 0 {
            h = mix(h, UInt64(raw[0]) << 16 | UInt64(raw[n / 2]) << 8 | UInt64(raw[n - 1]))
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0x87C3_7B91_1142_53D5
        return x ^ (x >> 31)
    }
}

/// The id and platform tables of one store and of the files read for it.
public final class Interning: Sendable {
    /// At most this many platform names (a key keeps 10 bits for the platform; the last
    /// number is left out so that no key is all ones, see ``KeyTable``).
    public static let platformLimit = (1 << 10) - 1
    /// At most this many distinct ids (a key keeps 30 bits for the id).
    public static let idLimit = 1 << 30

    public let platforms = IDTable(limit: Interning.platformLimit)
    public let ids = IDTable(limit: Interning.idLimit, shards: 64)

    public init() {}
}
