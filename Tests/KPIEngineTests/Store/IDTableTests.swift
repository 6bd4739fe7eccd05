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
