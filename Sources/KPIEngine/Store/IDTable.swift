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
        /// Numbers + 1 by hash bucket; 0 = empty.
        var buckets: [UInt32] = Array(repeating: 0, count: 16)

        var count: Int { starts.count - 1 }

        func text(_ number: Int) -> ArraySlice<UInt8> { bytes[Int(starts[number])..<Int(starts[number + 1])] }

        /// FNV-1a, 64 bits.
        static func hash(_ text: UnsafeBufferPointer<UInt8>) -> Int {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in text { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return Int(truncatingIfNeeded: h ^ (h >> 29))
        }

        /// The bucket holding `text`, or the empty one where it would go.
        func find(_ text: UnsafeBufferPointer<UInt8>, hash: Int) -> (bucket: Int, number: Int?) {
            let mask = buckets.count - 1
            var i = hash & mask
            while true {
                let entry = buckets[i]
                if entry == 0 { return (i, nil) }
                let number = Int(entry - 1)
                let start = Int(starts[number]), end = Int(starts[number + 1])
                if end - start == text.count, bytes.withUnsafeBufferPointer({
                    text.isEmpty || memcmp($0.baseAddress! + start, text.baseAddress!, text.count) == 0
                }) {
                    return (i, number)
                }
                i = (i + 1) & mask
            }
        }

        mutating func insert(_ text: UnsafeBufferPointer<UInt8>, at bucket: Int) -> Int {
            let number = count
            bytes.append(contentsOf: text)
            starts.append(UInt32(bytes.count))
            buckets[bucket] = UInt32(number + 1)
            if count * 4 > buckets.count * 3 { grow() }
            return number
        }

        private mutating func grow() {
            buckets = Array(repeating: 0, count: buckets.count * 2)
            let mask = buckets.count - 1
            for number in 0..<count {
                let h = bytes.withUnsafeBufferPointer { all in
                    Self.hash(UnsafeBufferPointer(rebasing: all[Int(starts[number])..<Int(starts[number + 1])]))
                }
                var i = h & mask
                while buckets[i] != 0 { i = (i + 1) & mask }
                buckets[i] = UInt32(number + 1)
            }
        }
    }

    /// One part of the table under its own lock.
    private final class Shard: Sendable {
        let state = Mutex(State())
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
        self.shards = (0..<shards).map { _ in Shard() }
    }

    /// The number of `text`, given it a new one when it has none; nil when the table is full.
    public func number(for text: String) -> UInt32? {
        var text = text
        return text.withUTF8 { utf8 in
            let h = State.hash(utf8)
            let index = shardIndex(hash: h)
            let local = shards[index].state.withLock { s -> Int? in
                let (bucket, found) = s.find(utf8, hash: h)
                if let found { return found }
                guard (s.count + 1) * shards.count <= limit else { return nil }
                return s.insert(utf8, at: bucket)
            }
            return local.map { UInt32($0 * shards.count + index) }
        }
    }

    /// The number `text` already has, if any.
    public func existingNumber(for text: String) -> UInt32? {
        var text = text
        return text.withUTF8 { utf8 in
            let h = State.hash(utf8)
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
    private func shardIndex(hash: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(bitPattern: Int64(hash)) >> 58) & (shards.count - 1)
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
    public let ids = IDTable(limit: Interning.idLimit, shards: 16)

    public init() {}
}
