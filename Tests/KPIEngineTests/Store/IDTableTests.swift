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
}
