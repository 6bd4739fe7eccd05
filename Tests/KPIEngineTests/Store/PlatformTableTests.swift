import Testing
import KPIDemo
@testable import KPIEngine

/// A file's small tables by platform (``PlatformTable``, ``PlatformSet``) hold what a
/// `Dictionary` and a `Set` would, whatever the order of the changes.
@Suite struct PlatformTableTests {
    /// The same changes to a table and a dictionary, some of them removals.
    @Test(arguments: 0..<20) func aTableHoldsWhatADictionaryWould(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var table = PlatformTable<UInt32>()
        var dictionary: [UInt16: UInt32] = [:]
        for _ in 0..<60 {
            let platform = UInt16(random.next() % 5)
            switch random.next() % 4 {
            case 0:
                table[platform] = nil
                dictionary[platform] = nil
            case 1:
                let bits = UInt32(random.next() % 64)
                table[platform, default: 0] |= bits
                dictionary[platform, default: 0] |= bits
            default:
                let value = UInt32(random.next() % 1_000)
                table[platform] = value
                dictionary[platform] = value
            }
            #expect(table.count == dictionary.count && table.isEmpty == dictionary.isEmpty)
            #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value) }) == dictionary)
            #expect(Set(table.keys) == Set(dictionary.keys))
            for key in UInt16(0)..<6 { #expect(table[key] == dictionary[key]) }
        }
    }

    @Test func aTableMadeFromADictionaryHoldsItsValues() {
        let dictionary: [UInt16: UInt32] = [3: 7, 1: 2, 9: 0]
        #expect(Dictionary(uniqueKeysWithValues: PlatformTable(dictionary).map { ($0.key, $0.value) }) == dictionary)
        #expect(PlatformTable<UInt32>([:]).isEmpty)
    }

    @Test func aCopyKeepsItsValuesWhenTheOtherChanges() {
        var table = PlatformTable<UInt32>()
        table[1] = 10
        table[2] = 20
        let copy = table
        table[1] = nil
        table[2] = 21
        #expect(copy[1] == 10 && copy[2] == 20 && copy.count == 2)
        #expect(table[1] == nil && table[2] == 21 && table.count == 1)
    }

    @Test(arguments: 0..<10) func aSetHoldsWhatASetWould(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var platforms = PlatformSet()
        var expected: Set<UInt16> = []
        for _ in 0..<20 {
            let more = (0..<random.next() % 3).map { _ in UInt16(random.next() % 6) }
            if more.count == 1 {
                platforms.insert(more[0])
            } else {
                platforms.formUnion(more)
            }
            expected.formUnion(more)
            #expect(Set(platforms) == expected && platforms.count == expected.count)
            for platform in UInt16(0)..<7 { #expect(platforms.contains(platform) == expected.contains(platform)) }
        }
        #expect(Set(PlatformSet(expected)) == expected)
    }
}
