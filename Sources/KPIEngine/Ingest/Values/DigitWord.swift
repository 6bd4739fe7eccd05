/// Reads the digits at the start of eight bytes loaded as one 64-bit word (SWAR): how many
/// there are and their value, without a branch per byte. The word is a little-endian load, so
/// its lowest byte is the first character.
enum DigitWord {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of every byte of the word that is not an ASCII digit, and no other bit.
    @inline(__always)
    static func notDigits(_ word: UInt64) -> UInt64 {
        // A byte is no digit when it is below "0" (its high bit stays clear after setting it
        // and taking 0x30 away), above "9" (adding 0x46 to its low seven bits sets the high
        // bit) or not ASCII. No byte borrows from or carries into its neighbour.
        let belowZero = ~((word | highBits) &- 0x3030_3030_3030_3030)
        let aboveNine = (word & ~highBits) &+ 0x4646_4646_4646_4646
        return (belowZero | aboveNine | word) & highBits
    }

    /// How many of the word's bytes, from the first, are ASCII digits (0...8).
    @inline(__always)
    static func leadingDigitCount(_ word: UInt64) -> Int {
        notDigits(word).trailingZeroBitCount &>> 3
    }

    /// The value of the word's first `count` bytes (1...8), which are digits.
    @inline(__always)
    static func value(_ word: UInt64, digits count: Int) -> UInt64 {
        // The digits moved to the top of the word, zeros (leading zeros) below them, then
        // pairs, quadruples and octets of digits combined with one multiplication each.
        var value = (word & 0x0F0F_0F0F_0F0F_0F0F) &<< UInt64((8 &- count) &* 8)
        value = (value &* 2561) &>> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
        return ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32
    }

    /// The eight bytes of `bytes` from `offset` as a word, reading nothing outside `bytes`:
    /// within eight bytes of the end, the missing bytes read as zero (no digit, no delimiter).
    /// `bytes` must hold at least eight bytes and `offset` be at most its count.
    @inline(__always)
    static func load(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        let base = bytes.baseAddress.unsafelyUnwrapped
        let count = bytes.count
        if offset &+ 8 <= count { return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
        return last >> UInt64((offset &+ 8 &- count) &* 8)
    }
}
