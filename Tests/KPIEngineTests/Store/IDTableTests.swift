import Dispatch
import Synchronization
import Testing
@testable import KPIEngine

@Suite struct IDTableTests {
    /// Strings of every length from 0 to 40 that differ in one byte anywhere (the hash reads
    /// words, overlapping halves or single bytes by length), and many ids like exports have.
    private static var strings: [String] {
        var strings: [String] = []
        for length in 0...40 {
            let base = String(repeating: "a", count: length)
            strings.append(base)
            for position in 0..<length {
                var bytes = Array(base.utf8)
                bytes[position] = UInt8(ascii: "b")
                strings.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        strings += (0..<20_000).map { "in-\($0)" } + (0..<2_000).map { "1890\($0)7735412" } + ["é", "ü-1", "ticket 7"]
        return strings
    }

    @Test func everyStringKeepsItsNumberAsTheTableGrows() {
        let table = IDTable(limit: Interning.idLimit, shards: 64)
        let strings = Self.strings
        let numberings = strings.map { table.numbering($0) }
        #expect(numberings.allSatisfy { $0?.isNew == true })
        let numbers = numberings.map { $0?.number ?? .max }
        #expect(Set(numbers).count == strings.count && table.count == strings.count)
        var mismatches = 0
        for (text, number) in zip(strings, numbers) {
            let again = table.numbering(text)
            if again?.number != number || again?.isNew != false || table.existingNumber(for: text) != number
                || table.string(number) != text {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(table.existingNumber(for: "in-20000") == nil && table.existingNumber(for: "aaaac") == nil)
    }

    @Test func aReservedTableGivesTheSameNumbers() {
        let strings = Self.strings
        let grown = IDTable(limit: Interning.idLimit, shards: 64)
        let numbers = strings.map { grown.number(for: $0) }
        // Reserved before any string, after some (with fewer than come: it grows beyond), and
        // for far more than come.
        for (reserved, after) in [(strings.count, 0), (strings.count / 2, 1_000), (50 * strings.count, 10)] {
            let table = IDTable(limit: Interning.idLimit, shards: 64)
            var given = strings.prefix(after).map { table.number(for: $0) }
            table.reserve(expectedCount: reserved)
            given += strings.dropFirst(after).map { table.number(for: $0) }
            #expect(given == numbers)
            #expect(strings.allSatisfy { table.existingNumber(for: $0) == grown.existingNumber(for: $0) })
            #expect(numbers.allSatisfy { table.string($0!) == grown.string($0!) })
        }
    }

    /// A table reserved for 2 MiB of buckets or more keeps them in one ``BucketRegion``: numbered
    /// in it, reserved again for as many buckets (the new region unused), grown out of it shard
    /// by shard (past 6,144 strings a shard) and reserved into a larger region, it gives every
    /// string the number a table never reserved gives.
    @Test func aTableInABucketRegionGivesTheSameNumbers() {
        let strings = (0..<420_000).map { "r-\($0)" }
        let grown = IDTable(limit: Interning.idLimit, shards: 64)
        let reserved = IDTable(limit: Interning.idLimit, shards: 64)
        #expect(BucketRegion(shards: 64, bucketsEach: 8_192) != nil)
        reserved.reserve(expectedCount: 200_000)
        var numbers: [UInt32?] = [], expected: [UInt32?] = []
        for (index, text) in strings.enumerated() {
            if index == 20_000 { reserved.reserve(expectedCount: 300_000) }
            if index == 410_000 { reserved.reserve(expectedCount: 1_000_000) }
            expected.append(grown.number(for: text))
            numbers.append(reserved.number(for: text))
        }
        #expect(numbers == expected)
        #expect(reserved.count == strings.count)
        #expect(strings.indices.allSatisfy { reserved.existingNumber(for: strings[$0]) == expected[$0] })
        #expect(strings.indices.allSatisfy { reserved.string(expected[$0]!) == strings[$0] })
    }

    @Test func aReservedTableKeepsItsLimit() {
        let table = IDTable(limit: 3)
        table.reserve(expectedCount: 1_000)
        #expect((0..<4).map { table.number(for: "p\($0)") } == [0, 1, 2, nil])
        let sharded = IDTable(limit: 64, shards: 64)
        sharded.reserve(expectedCount: 1_000)
        #expect((0..<1_000).compactMap { sharded.number(for: "p\($0)") }.count <= 64)
    }

    /// Threads numbering the same strings at once (each in its own order) give each string one
    /// number, and exactly one of them hears that it is new.
    @Test func threadsNumberEachStringOnce() {
        let table = IDTable(limit: Interning.idLimit, shards: 64)
        table.reserve(expectedCount: 10_000)
        let strings = (0..<40_000).map { "t-\($0)" }
        let threads = 8
        let results = Mutex([[(number: UInt32, isNew: Bool)?]](repeating: [], count: threads))
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let order = thread % 2 == 0 ? Array(strings.indices) : strings.indices.reversed()
            var mine = [(number: UInt32, isNew: Bool)?](repeating: nil, count: strings.count)
            for index in order { mine[index] = table.numbering(strings[index]) }
            results.withLock { $0[thread] = mine }
        }
        let all = results.withLock { $0 }
        var mismatches = 0
        for index in strings.indices {
            let numbers = Set(all.map { $0[index]?.number })
            let news = all.filter { $0[index]?.isNew == true }.count
            if numbers.count != 1 || numbers.first! == nil || news != 1 { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(table.count == strings.count)
        #expect(Set(all[0].map { $0!.number }).count == strings.count)
    }

    @Test func aFullTableNumbersNoMore() {
        let table = IDTable(limit: 3)
        #expect((0..<3).map { table.number(for: "p\($0)") } == [0, 1, 2])
        #expect(table.numbering("p3") == nil)
        #expect(table.numbering("p1")?.number == 1 && table.numbering("p1")?.isNew == false)
    }

    /// Numbering many strings at once gives what numbering them one by one in the same order
    /// gives: the same numbers, new only the first time a string comes (also twice in one
    /// batch), nil once the table is full; batches of several sizes, over strings numbered
    /// before and new ones.
    @Test(arguments: [(Interning.idLimit, 64), (Interning.idLimit, 1), (30_000, 64), (5, 4)])
    func numberingABatchEqualsNumberingOneByOne(limit: Int, shards: Int) {
        let strings = Self.strings
        // Strings numbered before, new ones, and some twice, in a scrambled order.
        let pool = Array(strings.prefix(5_000) + strings.prefix(300) + strings.dropFirst(5_000) + strings.suffix(700))
        let texts = pool.indices.map { pool[($0 &* 7_919) % pool.count] }
        let single = IDTable(limit: limit, shards: shards), batched = IDTable(limit: limit, shards: shards)
        for text in strings.prefix(1_000) { _ = (single.numbering(text), batched.numbering(text)) }
        let expected = texts.map { single.numbering($0) }
        var got: [(number: UInt32, isNew: Bool)?] = []
        var start = 0
        for size in [1, 2, 1_024, 3, 4_096, 50_000] where start < texts.count {
            let batch = texts[start..<min(texts.count, start + size)]
            let bytes = batch.flatMap { Array($0.utf8) }
            var results = [(number: UInt32, isNew: Bool)?](repeating: (0, false), count: batch.count)
            bytes.withUnsafeBufferPointer { all in
                var offset = 0
                let pointers = batch.map { text in
                    defer { offset += text.utf8.count }
                    return UnsafeBufferPointer(rebasing: all[offset..<offset + text.utf8.count])
                }
                pointers.withUnsafeBufferPointer { texts in
                    results.withUnsafeMutableBufferPointer { batched.numbering(utf8: texts, into: $0) }
                }
            }
            got += results
            start += size
        }
        #expect(got.count == expected.count)
        #expect(zip(got, expected).allSatisfy { $0?.number == $1?.number && $0?.isNew == $1?.isNew })
        #expect(batched.count == single.count)
    }
}
