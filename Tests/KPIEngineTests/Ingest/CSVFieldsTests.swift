import Testing
@testable import KPIDemo
@testable import KPIEngine

@Suite struct CSVFieldsTests {
    /// Records without quotes (split eight bytes at a time) give the fields of a plain split
    /// on the delimiter: extra fields dropped, missing ones empty, whatever the lengths.
    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09])
    func recordsWithoutQuotesSplitAtEveryDelimiter(delimiter: UInt8) {
        var random = SplitMix64(seed: UInt64(delimiter))
        let alphabet: [UInt8] = Array("ab1 .-".utf8) + [delimiter, delimiter]
        for _ in 0..<2000 {
            let record = (0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let columns = 1 + Int(random.next() % 8)
            let parts = record.split(separator: delimiter, omittingEmptySubsequences: false).map(Array.init)
            let expected = (0..<columns).map { $0 < parts.count ? parts[$0] : [] }
            let slots = FieldSlots(count: columns)
            let found = record.withUnsafeBytes { CSVFields.split($0, delimiter: delimiter, into: slots.slots) }
            #expect(found == min(parts.count, columns), "\(record)")
            #expect(slots.slots.map { Array($0.bytes) } == expected, "\(record)")
        }
    }

    @Test func aQuoteAnywhereTakesTheQuoteAwarePath() {
        let record = Array("2026-11-20,\"a, \"\"b\"\"\",say \"hi\",7".utf8)
        let slots = FieldSlots(count: 4)
        let found = record.withUnsafeBytes { CSVFields.split($0, delimiter: UInt8(ascii: ","), into: slots.slots) }
        #expect(found == 4)
        #expect(slots.slots.map { $0.string() } == ["2026-11-20", "a, \"b\"", "say \"hi\"", "7"])
    }
}
