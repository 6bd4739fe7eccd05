/// What a field holds when read as a time.
enum TimeValue: Equatable {
    case missing
    /// The row's day in the dashboard zone and its instant (ms since the epoch).
    case time(day: Day, epochMilliseconds: Int64)
    /// A month and day without a year (`April 12`, `8 de marzo`).
    case withoutYear
    case unparsable
}

/// Reads the time formats of docs/DATA.md section 3 straight from bytes, with a fast
/// path and a one-entry cache for `YYYY-MM-DD`.
struct TimeText {
    let clock: DayClock
    private var cachedDate: (key: UInt64, tail: UInt16, day: Day, start: Int64)?

    init(clock: DayClock) { self.clock = clock }

    mutating func parse(_ field: FieldText) -> TimeValue {
        if field.count == 10, let cached = cachedDate, cached.key == field.bytes.loadUnaligned(as: UInt64.self),
           cached.tail == field.bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self) {
            return .time(day: cached.day, epochMilliseconds: cached.start)
        }
        let text = field.trimmed
        if text.count == 10, text[4] == UInt8(ascii: "-") { return parseDate(text) }
        if text.isMissing { return .missing }
        return parseOther(text)
    }

    /// `YYYY-MM-DD`: the whole day in the dashboard zone (its time is the start of the day).
    private mutating func parseDate(_ text: FieldText) -> TimeValue {
        let key = text.bytes.loadUnaligned(as: UInt64.self)
        let tail = text.bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if let cached = cachedDate, cached.key == key, cached.tail == tail {
            return .time(day: cached.day, epochMilliseconds: cached.start)
        }
        guard let day = Self.civilDay(text, at: 0) else { return .unparsable }
        let start = clock.startOfDay(day)
        cachedDate = (key, tail, day, start)
        return .time(day: day, epochMilliseconds: start)
    }

    private func parseOther(_ text: FieldText) -> TimeValue {
        if let epoch = Self.epochMilliseconds(text) {
            return .time(day: clock.day(ofEpochMilliseconds: epoch), epochMilliseconds: epoch)
        }
        if text.count > 10, text[4] == UInt8(ascii: "-"), let day = Self.civilDay(text, at: 0) {
            let separator = text[10]
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 else {
                return .unparsable
            }
            var reader = DigitReader(text: text, index: 11)
            return readClockTime(&reader, day: day, allowMeridiem: false, allowOffset: true)
        }
        if let (day, index) = Self.usDay(text) {
            if index == text.count {
                return .time(day: day, epochMilliseconds: clock.startOfDay(day))
            }
            guard text[index] == 0x20 else { return .unparsable }
            var reader = DigitReader(text: text, index: index + 1)
            return readClockTime(&reader, day: day, allowMeridiem: true, allowOffset: false)
        }
        return Self.looksLikeDateWithoutYear(text) ? .withoutYear : .unparsable
    }

    /// `HH:MM[:SS[.fff]]`, then an optional ` AM`/` PM` (US dates) or offset (ISO dates).
    private func readClockTime(_ reader: inout DigitReader, day: Day, allowMeridiem: Bool, allowOffset: Bool) -> TimeValue {
        guard var hour = reader.number(minDigits: 1, maxDigits: 2), reader.skip(UInt8(ascii: ":")),
              let minute = reader.number(minDigits: 2, maxDigits: 2), minute < 60
        else { return .unparsable }
        var second = 0
        var milliseconds = 0
        if reader.skip(UInt8(ascii: ":")) {
            guard let value = reader.number(minDigits: 2, maxDigits: 2), value <= 60 else { return .unparsable }
            second = min(value, 59)
            if reader.skip(UInt8(ascii: ".")) || reader.skip(UInt8(ascii: ",")) {
                guard let fraction = reader.fractionMilliseconds() else { return .unparsable }
                milliseconds = fraction
            }
        }
        reader.skipSpaces()
        if allowMeridiem, let isAfternoon = reader.meridiem() {
            guard (1...12).contains(hour) else { return .unparsable }
            hour = hour % 12 + (isAfternoon ? 12 : 0)
            reader.skipSpaces()
        }
        guard hour < 24 else { return .unparsable }
        let secondOfDay = hour * 3600 + minute * 60 + second
        if reader.atEnd {
            let instant = clock.epochMilliseconds(localDay: day, secondOfDay: secondOfDay, milliseconds: milliseconds)
            return .time(day: day, epochMilliseconds: instant)
        }
        guard allowOffset, let offsetSeconds = reader.utcOffsetSeconds(), reader.atEnd else { return .unparsable }
        let instant = (Int64(day.number) * 86_400 + Int64(secondOfDay - offsetSeconds)) * 1000 + Int64(milliseconds)
        return .time(day: clock.day(ofEpochMilliseconds: instant), epochMilliseconds: instant)
    }

    /// Ten digits are epoch seconds, thirteen epoch milliseconds.
    private static func epochMilliseconds(_ text: FieldText) -> Int64? {
        guard text.count == 10 || text.count == 13 else { return nil }
        var value: Int64 = 0
        for index in 0..<text.count {
            let digit = text[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return text.count == 10 ? value * 1000 : value
    }

    /// `YYYY-MM-DD` at `index`.
    private static func civilDay(_ text: FieldText, at index: Int) -> Day? {
        var reader = DigitReader(text: text, index: index)
        guard let year = reader.number(minDigits: 4, maxDigits: 4), reader.skip(UInt8(ascii: "-")),
              let month = reader.number(minDigits: 2, maxDigits: 2), reader.skip(UInt8(ascii: "-")),
              let day = reader.number(minDigits: 2, maxDigits: 2)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// `M/D/YYYY` at the start, and the index after it.
    private static func usDay(_ text: FieldText) -> (Day, Int)? {
        var reader = DigitReader(text: text, index: 0)
        guard let month = reader.number(minDigits: 1, maxDigits: 2), reader.skip(UInt8(ascii: "/")),
              let day = reader.number(minDigits: 1, maxDigits: 2), reader.skip(UInt8(ascii: "/")),
              let year = reader.number(minDigits: 4, maxDigits: 4),
              let civil = Day(year: year, month: month, day: day)
        else { return nil }
        return (civil, reader.index)
    }

    /// Letters and a day number but no four-digit year: `April 12`, `8 de marzo`.
    private static func looksLikeDateWithoutYear(_ text: FieldText) -> Bool {
        var hasLetter = false
        var hasShortNumber = false
        var run = 0
        for index in 0...text.count {
            let byte = index < text.count ? text[index] : 0x20
            if byte &- 0x30 < 10 {
                run += 1
                continue
            }
            if run >= 4 { return false }
            if run > 0 { hasShortNumber = true }
            run = 0
            if byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") || byte >= 0x80 { hasLetter = true }
        }
        return hasLetter && hasShortNumber
    }
}

/// A cursor over ASCII digits and punctuation of a time text.
private struct DigitReader {
    let text: FieldText
    var index: Int

    var atEnd: Bool { index == text.count }

    mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while digits < maxDigits, index < text.count, text[index] &- 0x30 < 10 {
            value = value * 10 + Int(text[index] &- 0x30)
            digits += 1
            index += 1
        }
        return digits >= minDigits ? value : nil
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < text.count, text[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while index < text.count, text[index] == 0x20 { index += 1 }
    }

    /// Fraction digits after the point, as milliseconds (further digits dropped).
    mutating func fractionMilliseconds() -> Int? {
        var value = 0
        var digits = 0
        while index < text.count, text[index] &- 0x30 < 10 {
            if digits < 3 { value = value * 10 + Int(text[index] &- 0x30) }
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<max(digits, 3) { value *= 10 }
        return value
    }

    /// `AM` / `PM` (any case): true for PM.
    mutating func meridiem() -> Bool? {
        guard index + 2 <= text.count, text[index + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
        let first = text[index] | 0x20
        guard first == UInt8(ascii: "a") || first == UInt8(ascii: "p") else { return nil }
        index += 2
        return first == UInt8(ascii: "p")
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH`, in seconds east of UTC.
    mutating func utcOffsetSeconds() -> Int? {
        guard index < text.count else { return nil }
        let sign = text[index]
        index += 1
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") { return 0 }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let hours = number(minDigits: 2, maxDigits: 2), hours <= 18
        else { return nil }
        _ = skip(UInt8(ascii: ":"))
        let minutes = atEnd ? 0 : number(minDigits: 2, maxDigits: 2)
        guard let minutes, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }
}
