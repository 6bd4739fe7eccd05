import Testing
@testable import KPIEngine

/// The restart cache's bytes read back what was written, and anything cut short or out of
/// range throws instead of giving a wrong value.
@Suite struct CacheBytesTests {
    @Test func numbersTextAndOptionalsReadBackAsWritten() throws {
        let signed: [Int64] = [0, 1, -1, 63, -64, 64, 1 << 40, -(1 << 40), .max, .min]
        let unsigned: [UInt64] = [0, 127, 128, 300, 1 << 35, .max]
        var out = CacheWriter()
        for value in signed { out.signed(value) }
        for value in unsigned { out.unsigned(value) }
        out.double(-0.125)
        out.double(.infinity)
        out.text("Café ✓")
        out.byteString([0, 255, 10])
        out.optional(Int64?.none) { $0.signed($1) }
        out.optional(Int64(-5)) { $0.signed($1) }
        out.integer(UInt32.max)
        out.bool(true)

        var input = CacheReader(out.bytes)
        for value in signed { #expect(try input.signed() == value) }
        for value in unsigned { #expect(try input.unsigned() == value) }
        #expect(try input.double() == -0.125)
        #expect(try input.double() == .infinity)
        #expect(try input.text() == "Café ✓")
        #expect(try input.byteString() == [0, 255, 10])
        #expect(try input.optional { input throws(CacheReader.Damaged) in try input.signed() } == nil)
        #expect(try input.optional { input throws(CacheReader.Damaged) in try input.signed() } == -5)
        #expect(try input.integer(UInt32.self) == UInt32.max)
        #expect(try input.bool())
        #expect(input.isAtEnd)
    }

    @Test func bytesCutShortOrOutOfRangeThrow() {
        var out = CacheWriter()
        out.text("a longer text")
        out.signed(300)
        let bytes = out.bytes
        for length in 0..<bytes.count - 1 {
            var input = CacheReader(Array(bytes.prefix(length)))
            #expect(throws: CacheReader.Damaged.self) {
                _ = try input.text()
                _ = try input.signed()
            }
        }
        var tooLarge = CacheReader(bytes.suffix(2))  // 300 does not fit a UInt8
        #expect(throws: CacheReader.Damaged.self) { _ = try tooLarge.integer(UInt8.self) }
        var notABool = CacheReader([2])
        #expect(throws: CacheReader.Damaged.self) { _ = try notABool.bool() }
        var endless = CacheReader(Array(repeating: 0xFF, count: 20))
        #expect(throws: CacheReader.Damaged.self) { _ = try endless.unsigned() }
    }
}
