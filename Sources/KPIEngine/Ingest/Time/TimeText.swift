/// What a field holds when read as a time.
enum TimeValue: Equatable {
    case missing
    /// The row's day in the dashboard zone and its instant (ms since the epoch).
    case time(day: Day, epochMilliseconds: Int64)
    /// A month and day without a year (`February 28`, `8 de marzo`), and the time of day.
    case withoutYear(month: Int, day: Int, secondOfDay: Int)
    case unparsable
}

/// Reads the time formats of docs/DATA.md section 3 straight from bytes, with a fast
/// path and a one-entry cache for `YYYY-MM-DD`.
///
/// Besides ISO 8601 and epoch times: `YYYYMMDD`, `YYYY/MM/DD`, US order `M/D/YYYY` and
/// `M-D-YYYY` (with two-digit years too), month names (`Apr 29, 2020`, `3-Jun-26`,
/// `28. Februar 2026`, see ``WordDate``), each optionally followed by a clock time that may be
/// unpadded (`5:8:54`) and 12-hour (`09:03:47 AM`).
struct TimeText {
    let clock: DayClock
    private var cachedDate: (key: UInt64, tail: UInt16, day: Day, start: Int64)?
    /// The month of the ISO date-time read last: its first eight bytes (`YYYY-MM-`), its first
    /// day and its length. A file's times mostly fall in the month of the time before.
    private var month: (key: UInt64, first: Int32, length: Int) = (0, 0, 0)
    /// The UTC offset in force over the instants of the period of the instant read last with
    /// `Z` or an offset (``DayClock/offsetPeriod(containing:)``): the day of an instant in it
    /// is a division.
    private var offsetPeriod: (offset: Int64, instants: Range<Int64>) = (0, 0..<0)

    init(clock: DayClock) { self.clock = clock }

    /// What `field` holds as a time. An untrimmed ISO date-time and an empty field are read
    /// here, in line; the rest by ``parseOtherShapes(_:)``.
    @inline(__always)
    mutating func parse(_ field: FieldText) -> TimeValue {
        if field.count >= 19, let value = parseISODateTime(field) { return value }
        if field.isEmpty { return .missing }
        return parseOtherShapes(field)
    }

    /// What `field` holds as a time when it is not empty nor an ISO date-time of the fast
    /// path's shapes as written.
    private mutating func parseOtherShapes(_ field: FieldText) -> TimeValue {
        if field.count == 10, let cached = cachedDate, cached.key == field.bytes.loadUnaligned(as: UInt64.self),
           cached.tail == field.bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self) {
            return .time(day: cached.day, epochMilliseconds: cached.start)
        }
        // An ISO date-time read untrimmed is read as trimmed: white space at either end fails it.
        let text = field.trimmed
        if text.count == 10, text[4] == UInt8(ascii: "-") { return parseDate(text) }
        if text.count < field.count, let value = parseISODateTime(text) { return value }
        if text.isMissing { return .missing }
        return parseOther(text)
    }

    /// The common shapes of ISO 8601 with a time, read eight bytes at a time
    /// (``ISODateTimeWords``): `YYYY-MM-DDTHH:MM:SS` (`T`, `t` or a space between), an optional
    /// fraction of a second, then `Z`, an offset (`±HH:MM`, `±HHMM`, `±HH`) or nothing (local
    /// time), each part exactly as wide as written here. Nil for any other text, and for what
    /// the general parser reads with a correction (second 60) or rejects: the general parser
    /// then decides. Where both read a text they agree (`TimeTextTests`).
    @inline(__always)
    mutating func parseISODateTime(_ text: FieldText) -> TimeValue? {
        guard let parts = ISODateTimeWords(text.bytes), let day = day(of: parts) else { return nil }
        guard let offsetSeconds = parts.offsetSeconds else {
            let instant = clock.epochMilliseconds(localDay: day, secondOfDay: parts.secondOfDay,
                                                  milliseconds: parts.milliseconds)
            return .time(day: day, epochMilliseconds: instant)
        }
        // Wrapping arithmetic: a day of years 0 to 9999 and the parts' ranges cannot overflow.
        let instant = (Int64(day.number) &* 86_400 &+ Int64(parts.secondOfDay &- offsetSeconds)) &* 1000
            &+ Int64(parts.milliseconds)
        return .time(day: self.day(ofInstant: instant), epochMilliseconds: instant)
    }

    /// The day of the date of `parts`, nil when it does not exist (as `Day(year:month:day:)`
    /// decides), worked out from the month read last when it is the same.
    @inline(__always)
    private mutating func day(of parts: ISODateTimeWords) -> Day? {
        if parts.yearMonthKey != month.key {
            guard let first = Day(year: parts.year, month: parts.month, day: 1) else { return nil }
            month = (parts.yearMonthKey, first.number, Day.daysInMonth(year: parts.year, month: parts.month))
        }
        guard parts.dayOfMonth >= 1, parts.dayOfMonth <= month.length else { return nil }
        return Day(number: month.first &+ Int32(truncatingIfNeeded: parts.dayOfMonth &- 1))
    }

    /// The day of an instant in the clock's zone (``DayClock/day(ofEpochMilliseconds:)``),
    /// found without a search when it falls in the offset period of the instant asked last.
    @inline(__always)
    mutating func day(ofInstant instant: Int64) -> Day {
        if !offsetPeriod.instants.contains(instant) { offsetPeriod = clock.offsetPeriod(containing: instant) }
        return Day(number: Int32(DayClock.floorDivide(instant + offsetPeriod.offset, DayClock.millisecondsPerDay)))
    }

    /// `YYYY-MM-DD`: the whole day in the dashboard zone (its time is the start of the day).
    private mutating func parseDate(_ text: FieldText) -> TimeValue {
        let key = text.bytes.loadUnaligned(as: UInt64.self)
        let tail = text.bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if let cached = cachedDate, cached.key == key, cached.tail == tail {
            return .time(day: cached.day, epochMilliseconds: cached.start)
        }
        guard let (day, _) = Self.civilDay(text, at: 0, separator: UInt8(ascii: "-")) else { return .unparsable }
        let start = clock.startOfDay(day)
        cachedDate = (key, tail, day, start)
        return .time(day: day, epochMilliseconds: start)
    }

    /// Every format but `YYYY-MM-DD` and the missing values, by the general parser.
    func parseOther(_ text: FieldText) -> TimeValue {
        if let epoch = Self.epochMilliseconds(text) {
            return .time(day: clock.day(ofEpochMilliseconds: epoch), epochMilliseconds: epoch)
        }
        if text.count == 8, let day = Self.compactDay(text) {
            return .time(day: day, epochMilliseconds: clock.startOfDay(day))
        }
        if text.count >= 8, text[4] == UInt8(ascii: "-") || text[4] == UInt8(ascii: "/"),
           let (day, index) = Self.civilDay(text, at: 0, separator: text[4]) {
            if index == text.count { return .time(day: day, epochMilliseconds: clock.startOfDay(day)) }
            var reader = DigitReader(text: text, index: index + 1)
            return readClockTime(&reader, day: day, allowOffset: true)
        }
        if let (day, index) = Self.usDay(text) {
            if index == text.count {
                return .time(day: day, epochMilliseconds: clock.startOfDay(day))
            }
            guard text[index] == 0x20 else { return .unparsable }
            var reader = DigitReader(text: text, index: index + 1)
            return readClockTime(&reader, day: day, allowOffset: false)
        }
        return parseWords(text)
    }

    /// Dates with a month name (``WordDate``), with or without a year and a clock time.
    private func parseWords(_ text: FieldText) -> TimeValue {
        guard text.bytes.contains(where: { $0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z") || $0 >= 0x80 }),
              let reading = WordDate.read(text.string())
        else { return .unparsable }
        switch reading {
        case .date(let day, let timeText):
            guard let timeText else { return .time(day: day, epochMilliseconds: clock.startOfDay(day)) }
            return Self.withClockText(timeText) { reader in readClockTime(&reader, day: day, allowOffset: true) }
        case .withoutYear(let month, let day, let timeText):
            guard let timeText else { return .withoutYear(month: month, day: day, secondOfDay: 0) }
            // Any valid day will do to read the clock time; only its second of the day is kept.
            let probe = Day(year: 2000, month: 1, day: 1)!
            let read = Self.withClockText(timeText) { reader in readClockTime(&reader, day: probe, allowOffset: false) }
            guard case .time(_, let instant) = read else { return .unparsable }
            let secondOfDay = Int((instant - clock.startOfDay(probe)) / 1000)
            return .withoutYear(month: month, day: day, secondOfDay: max(0, min(86_399, secondOfDay)))
        }
    }

    private static func withClockText(_ text: Substring, _ body: (inout DigitReader) -> TimeValue) -> TimeValue {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            var reader = DigitReader(text: FieldText(bytes: UnsafeRawBufferPointer(buffer)), index: 0)
            return body(&reader)
        }
    }

    /// `H:M[:S[.fff]]` (one or two digits each), then an optional ` AM`/` PM` and, where
    /// allowed, an offset.
    private func readClockTime(_ reader: inout DigitReader, day: Day, allowOffset: Bool) -> TimeValue {
        guard var hour = reader.number(minDigits: 1, maxDigits: 2), reader.skip(UInt8(ascii: ":")),
              let minute = reader.number(minDigits: 1, maxDigits: 2), minute < 60
        else { return .unparsable }
        var second = 0
        var milliseconds = 0
        if reader.skip(UInt8(ascii: ":")) {
            guard let value = reader.number(minDigits: 1, maxDigits: 2), value <= 60 else { return .unparsable }
            second = min(value, 59)
            if reader.skip(UInt8(ascii: ".")) || reader.skip(UInt8(ascii: ",")) {
                guard let fraction = reader.fractionMilliseconds() else { return .unparsable }
                milliseconds = fraction
            }
        }
        reader.skipSpaces()
        if let isAfternoon = reader.meridiem() {
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

    /// `YYYYMMDD` (Google Analytics), years 1900 to 2099.
    private static func compactDay(_ text: FieldText) -> Day? {
        var reader = DigitReader(text: text, index: 0)
        guard let year = reader.number(minDigits: 4, maxDigits: 4), (1900...2099).contains(year),
              let month = reader.number(minDigits: 2, maxDigits: 2),
              let day = reader.number(minDigits: 2, maxDigits: 2)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` (or with another separator; `YYYY/M/D` may be unpadded) at `index`, ending
    /// the text or followed by a space or `T`; and the index after it.
    private static func civilDay(_ text: FieldText, at index: Int, separator: UInt8) -> (Day, Int)? {
        var reader = DigitReader(text: text, index: index)
        let minDigits = separator == UInt8(ascii: "-") ? 2 : 1
        guard let year = reader.number(minDigits: 4, maxDigits: 4), reader.skip(separator),
              let month = reader.number(minDigits: minDigits, maxDigits: 2), reader.skip(separator),
              let day = reader.number(minDigits: minDigits, maxDigits: 2),
              reader.atEnd || text[reader.index] == 0x20 || text[reader.index] | 0x20 == UInt8(ascii: "t"),
              let civil = Day(year: year, month: month, day: day)
        else { return nil }
        return (civil, reader.index)
    }

    /// `M/D/YYYY` or `M-D-YYYY` (US order; a two-digit year is 20YY) at the start, and the index
    /// after it.
    private static func usDay(_ text: FieldText) -> (Day, Int)? {
        var reader = DigitReader(text: text, index: 0)
        guard let month = reader.number(minDigits: 1, maxDigits: 2), !reader.atEnd else { return nil }
        let separator = text[reader.index]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-"), reader.skip(separator),
              let day = reader.number(minDigits: 1, maxDigits: 2), reader.skip(separator)
        else { return nil }
        let yearStart = reader.index
        guard let year = reader.number(minDigits: 2, maxDigits: 4), reader.index - yearStart != 3,
              reader.atEnd || text[reader.index] == 0x20,
              let civil = Day(year: reader.index - yearStart == 2 ? 2000 + year : year, month: month, day: day)
        else { return nil }
        return (civil, reader.index)
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
