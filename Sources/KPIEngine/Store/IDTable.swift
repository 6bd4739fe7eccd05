import Glibc
import Synchronization

/// Gives strings (post and inquiry ids, platform names) small numbers, so that rows are keyed
/// by integers and each distinct string is kept once. Shared by every file of a store, and
/// safe to use from the threads that read files in parallel.
///
/// The strings' bytes are kept one after another, found through an open-addressing table of
/// their numbers: about 10 bytes a string besides its own, against some 60 for a
/// `[String: UInt32]` with an array of `String`s (a million ids of posts or tickets is the
/// common case; `Scripts/bench_scale.py --case tickets`).
public final class IDTable: Sendable {
    /// One shard's strings and buckets, in memory of its own (no `Array`: numbering an id
    /// under the lock pays no uniqueness or bounds checks), but for buckets that live in a
    /// ``BucketRegion`` shared by the shards. Sendable: its memory is reached only through the
    /// shard's lock, and no pointer given to it is kept (strings are copied).
    private struct State: ~Copyable, @unchecked Sendable {
        /// Every string's UTF-8 bytes, one after another: `byteCount` of `byteCapacity`.
        private var bytes: UnsafeMutablePointer<UInt8>
        private var byteCount = 0
        private var byteCapacity = 64
        /// Where each string starts in `bytes` (it ends where the next one starts): `count + 1`
        /// entries of `startCapacity`.
        private var starts: UnsafeMutablePointer<UInt32>
        private var startCapacity = 16
        /// Strings numbered.
        private(set) var count = 0
        /// By hash bucket, a string's number + 1 in the low `numberBits` bits and some bits of
        /// its hash above them (a tag); 0 = empty. A probe compares tags before it reads a
        /// string's bytes (two cache misses more in tables of a million strings).
        private var buckets: UnsafeMutablePointer<UInt32>
        /// A power of two.
        private var bucketCount = 16
        /// The region `buckets` are part of; nil when they are this state's own (`calloc`).
        private var region: BucketRegion?
        /// Bits of a bucket that hold a number + 1: enough for the shard's limit.
        let numberBits: Int

        init(numberBits: Int) {
            self.numberBits = numberBits
            bytes = .allocate(capacity: byteCapacity)
            starts = .allocate(capacity: startCapacity)
            starts[0] = 0
            buckets = Self.zeroedBuckets(bucketCount)
        }

        deinit {
            bytes.deallocate()
            starts.deallocate()
            if region == nil { free(buckets) }
        }

        /// The bytes of the string numbered `number` here.
        func text(_ number: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: bytes + Int(starts[number]), count: Int(starts[number + 1] &- starts[number]))
        }

        /// The bucket where a probe for `hash` starts.
        @inline(__always)
        func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & (bucketCount - 1) }

        /// The entry of bucket `index` (loaded ahead of a search, see ``IDTable/numbering(utf8:into:)``).
        @inline(__always)
        func entry(_ index: Int) -> UInt32 { buckets[index] }

        /// The tag of a hash, in place in a bucket: bits 32 and up of the hash (the bucket
        /// comes from the low bits, the shard from the top six).
        @inline(__always)
        func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) << numberBits }

        /// The bucket holding `text`, or the empty one where it would go.
        func find(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (bucket: Int, number: Int?) {
            let mask = bucketCount - 1
            let tag = tag(hash)
            let numberMask = UInt32.max >> (32 - numberBits)
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = buckets[i]
                if entry == 0 { return (i, nil) }
                if entry & ~numberMask == tag {
                    let number = Int(entry & numberMask) - 1
                    let start = Int(starts[number]), end = Int(starts[number + 1])
                    if end - start == text.count, text.isEmpty || memcmp(bytes + start, text.baseAddress!, text.count) == 0 {
                        return (i, number)
                    }
                }
                i = (i + 1) & mask
            }
        }

        /// Numbers `text`, which ``find(_:hash:)`` did not find but gave `bucket` for.
        mutating func insert(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64, at bucket: Int) -> Int {
            let number = count
            if byteCount + text.count > byteCapacity { reserveBytes(max(2 * byteCapacity, byteCount + text.count)) }
            if count + 2 > startCapacity { reserveStarts(2 * startCapacity) }
            Self.copy(text, to: bytes + byteCount)
            byteCount += text.count
            count += 1
            starts[count] = UInt32(byteCount)
            buckets[bucket] = tag(hash) | UInt32(count)
            if count * 4 > bucketCount * 3 { rehash(into: Self.zeroedBuckets(bucketCount * 2), count: bucketCount * 2, region: nil) }
            return number
        }

        /// Copies `text` to `target`: ids of 4 to 16 bytes (most are) as two words that may
        /// overlap, without a call to `memmove`.
        @inline(__always)
        private static func copy(_ text: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
            guard let source = text.baseAddress else { return }
            let n = text.count, from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
            if n >= 8, n <= 16 {
                let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                to.storeBytes(of: head, as: UInt64.self)
                to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4, n < 8 {
                let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                to.storeBytes(of: head, as: UInt32.self)
                to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
            } else {
                target.update(from: source, count: n)
            }
        }

        /// Buckets enough for `capacity` strings in all, at most 3/4 full: a power of two.
        static func bucketCount(for capacity: Int) -> Int {
            var size = 16
            while capacity * 4 > size * 3 { size *= 2 }
            return size
        }

        /// Makes room for `capacity` strings in all: buckets enough that they stay at most 3/4
        /// full (slice `slice` of `region` when there is one), and room in `starts` and `bytes`
        /// (at the strings' mean length so far).
        mutating func reserve(capacity: Int, region: BucketRegion?, slice: Int) {
            let size = Self.bucketCount(for: capacity)
            if size > bucketCount {
                if let region, region.bucketsEach == size {
                    rehash(into: region.buckets + slice * size, count: size, region: region)
                } else {
                    rehash(into: Self.zeroedBuckets(size), count: size, region: nil)
                }
            }
            if capacity + 1 > startCapacity { reserveStarts(capacity + 1) }
            if count > 0, capacity * byteCount / count > byteCapacity { reserveBytes(capacity * byteCount / count) }
        }

        /// Puts every string's number into `size` new, zeroed buckets at `target` (a power of
        /// two), part of `region` or (nil) this state's own.
        private mutating func rehash(into target: UnsafeMutablePointer<UInt32>, count size: Int, region: BucketRegion?) {
            if self.region == nil { free(buckets) }
            buckets = target
            bucketCount = size
            self.region = region
            let mask = size - 1
            for number in 0..<count {
                let h = IDTable.hash(text(number))
                var i = Int(truncatingIfNeeded: h) & mask
                while buckets[i] != 0 { i = (i + 1) & mask }
                buckets[i] = tag(h) | UInt32(number + 1)
            }
        }

        private mutating func reserveBytes(_ capacity: Int) {
            bytes = Self.reallocate(bytes, to: capacity)
            byteCapacity = capacity
        }

        private mutating func reserveStarts(_ capacity: Int) {
            starts = Self.reallocate(starts, to: capacity)
            startCapacity = capacity
        }

        /// `pointer`'s memory moved to room for `capacity` elements (`realloc`: a large block
        /// is remapped, not copied).
        private static func reallocate<T>(_ pointer: UnsafeMutablePointer<T>, to capacity: Int) -> UnsafeMutablePointer<T> {
            guard let moved = realloc(pointer, capacity * MemoryLayout<T>.stride) else { fatalError("out of memory") }
            return moved.assumingMemoryBound(to: T.self)
        }

        private static func zeroedBuckets(_ count: Int) -> UnsafeMutablePointer<UInt32> {
            guard let memory = calloc(count, MemoryLayout<UInt32>.stride) else { fatalError("out of memory") }
            return memory.assumingMemoryBound(to: UInt32.self)
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
        var order = [Int](repeating: 0, count: texts.count)
        var firstEntries = [UInt32](repeating: 0, count: texts.count)
        hashes.withUnsafeMutableBufferPointer { hashes in
        starts.withUnsafeMutableBufferPointer { starts in
        order.withUnsafeMutableBufferPointer { order in
        firstEntries.withUnsafeMutableBufferPointer { firstEntries in
            for i in texts.indices {
                hashes[i] = Self.hash(texts[i])
                starts[shardIndex(hash: hashes[i]) + 1] += 1
            }
            for shard in 0..<shardCount { starts[shard + 1] += starts[shard] }
            for i in texts.indices {
                let shard = shardIndex(hash: hashes[i])
                order[starts[shard]] = i
                starts[shard] += 1
            }
            // `starts[shard]` is now where the next shard's group starts.
            var groupStart = 0
            for shard in 0..<shardCount where groupStart < starts[shard] {
                let group = groupStart..<starts[shard]
                groupStart = starts[shard]
                shards[shard].state.withLock { s in
                    // Each member's first bucket, loaded before the group is searched.
                    for k in group { firstEntries[k] = s.entry(s.home(hashes[order[k]])) }
                    for k in group {
                        let i = order[k], h = hashes[i]
                        // An empty first bucket that no insert has filled since: not there.
                        let found: (bucket: Int, number: Int?) =
                            firstEntries[k] == 0 && s.entry(s.home(h)) == 0 ? (s.home(h), nil) : s.find(texts[i], hash: h)
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
        }
        }
        }
    }

    /// Makes room for about `expectedCount` strings in all (spread over the shards by hash), so
    /// that a load of that many does not grow the table step by step: each growth puts every
    /// string of a shard in new buckets, under the shard's lock. The shards' new buckets are
    /// one ``BucketRegion`` when they take 2 MiB or more.
    public func reserve(expectedCount: Int) {
        guard expectedCount > count else { return }
        // A shard's share varies with the hashes by about its square root: 3 of them spare.
        let share = expectedCount / shards.count
        let capacity = min(limit / shards.count, share + 3 * Int(Double(share).squareRoot()) + 1)
        let region = BucketRegion(shards: shards.count, bucketsEach: State.bucketCount(for: capacity))
        for (index, shard) in shards.enumerated() {
            shard.state.withLock { $0.reserve(capacity: capacity, region: region, slice: index) }
        }
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
