/// The parts of an ISO 8601 date-time of the common shape, `YYYY-MM-DDTHH:MM:SS` (`T`, `t` or
/// a space between) with an optional fraction of a second, then `Z`, an offset (`±HH:MM`,
/// `±HHMM`, `±HH`) or nothing, each part exactly as wide as written here; read eight bytes at
/// a time: the digits and separators of the first 19 bytes are checked with a few 64-bit
/// operations and their values taken two digits at once.
///
/// Only the digits, separators and the clock's ranges are checked here (hour below 24, minute
/// and second below 60: the general parser corrects second 60); whether the date exists is
/// ``TimeText``'s to decide (it keeps the month read last).
struct ISODateTimeWords {
    /// The first eight bytes as loaded (`YYYY-MM-`): the same for every date of a month.
    let yearMonthKey: UInt64
    let year: Int
    let month: Int
    let dayOfMonth: Int
    let secondOfDay: Int
    let milliseconds: Int
    /// Seconds east of UTC; nil for a local time (no zone written).
    let offsetSeconds: Int?

    /// `0` where `YYYY-MM-` has a digit, the separator where it has one (little-endian).
    private static let dateExpected: UInt64 = 0x2D30_302D_3030_3030
    /// `DD?HH:MM`: the byte between date and time (`T`, `t` or a space) is checked on its own.
    private static let clockExpected: UInt64 = 0x3030_3A30_3000_3030
    /// `M:SS` (bytes 15 to 18).
    private static let secondsExpected: UInt32 = 0x3030_3A30
    /// 6 in every digit byte: a digit's low half stays below 16 with it added.
    private static let dateSixes: UInt64 = 0x0006_0600_0606_0606
    private static let clockSixes: UInt64 = 0x0606_0006_0600_0606
    private static let secondsSixes: UInt32 = 0x0606_0006
    /// The bits that must be zero once the expected bytes are taken away: the high half of a
    /// digit's byte, the whole of a separator's.
    private static let dateChecked: UInt64 = 0xFFF0_F0FF_F0F0_F0F0
    private static let clockChecked: UInt64 = 0xF0F0_FFF0_F000_F0F0
    private static let secondsChecked: UInt32 = 0xF0F0_FFF0

    /// The parts of `bytes` when all of it is of the shape above; nil otherwise (the general
    /// parser then decides).
    @inline(__always)
    init?(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        guard count >= 19 else { return nil }
        let base = bytes.baseAddress.unsafelyUnwrapped
        let dateWord = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        let clockWord = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let secondsWord = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 15, as: UInt32.self))
        let date = dateWord ^ Self.dateExpected
        let clock = (clockWord ^ Self.clockExpected) & ~0xFF_0000
        let seconds = secondsWord ^ Self.secondsExpected
        // A byte that is no digit has a high half, or a low half of 10 or more (which carries
        // into the high half with 6 added); a separator that is not the expected one is not zero.
        guard (date | (date &+ Self.dateSixes)) & Self.dateChecked == 0,
              (clock | (clock &+ Self.clockSixes)) & Self.clockChecked == 0,
              (seconds | (seconds &+ Self.secondsSixes)) & Self.secondsChecked == 0
        else { return nil }
        let between = UInt8(truncatingIfNeeded: clockWord &>> 16)
        guard between | 0x20 == UInt8(ascii: "t") || between == 0x20 else { return nil }
        // Two digits at once: byte n becomes ten times digit n plus digit n + 1.
        let datePairs = date &* 10 &+ (date &>> 8)
        let clockPairs = clock &* 10 &+ (clock &>> 8)
        let secondPairs = seconds &* 10 &+ (seconds &>> 8)
        let hour = Int(truncatingIfNeeded: (clockPairs &>> 24) & 0xFF)
        let minute = Int(truncatingIfNeeded: (clockPairs &>> 48) & 0xFF)
        let second = Int(truncatingIfNeeded: (secondPairs &>> 16) & 0xFF)
        guard hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        var milliseconds = 0
        if index < count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            let start = index
            while index < count, bytes[index] &- 0x30 < 10 {
                if index - start < 3 { milliseconds = milliseconds * 10 + Int(bytes[index] &- 0x30) }
                index += 1
            }
            guard index > start else { return nil }
            for _ in (index - start)..<max(index - start, 3) { milliseconds *= 10 }
        }
        if index == count {
            offsetSeconds = nil
        } else if index + 1 == count, bytes[index] | 0x20 == UInt8(ascii: "z") {
            offsetSeconds = 0
        } else {
            guard let offset = Self.utcOffsetSeconds(bytes, at: index) else { return nil }
            offsetSeconds = offset
        }
        yearMonthKey = dateWord
        year = Int(truncatingIfNeeded: datePairs & 0xFF) * 100 + Int(truncatingIfNeeded: (datePairs &>> 16) & 0xFF)
        month = Int(truncatingIfNeeded: (datePairs &>> 40) & 0xFF)
        dayOfMonth = Int(truncatingIfNeeded: clockPairs & 0xFF)
        secondOfDay = hour * 3600 + minute * 60 + second
        self.milliseconds = milliseconds
    }

    /// `±HH:MM`, `±HHMM`, `±HH:` or `±HH` from `index` to the end of `bytes`, in seconds east
    /// of UTC (hours up to 18, as the general parser reads them); nil otherwise.
    private static func utcOffsetSeconds(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int? {
        let count = bytes.count
        let sign = bytes[index]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), index + 3 <= count else { return nil }
        let hours = twoDigits(bytes, at: index + 1)
        guard hours >= 0, hours <= 18 else { return nil }
        var next = index + 3
        if next < count, bytes[next] == UInt8(ascii: ":") { next += 1 }
        var minutes = 0
        if next < count {
            guard next + 2 == count else { return nil }
            minutes = twoDigits(bytes, at: next)
            guard minutes >= 0, minutes < 60 else { return nil }
        }
        let seconds = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// The value of the two ASCII digits at `index` (which must be in `bytes`, as must the one
    /// after it); -1 when either is no digit.
    private static func twoDigits(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let tens = bytes[index] &- 0x30, ones = bytes[index + 1] &- 0x30
        return tens < 10 && ones < 10 ? Int(tens) * 10 + Int(ones) : -1
    }
}
