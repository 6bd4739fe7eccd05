/// TOML's dates and times (RFC 3339): offset and local date-times, local dates, local times,
/// with their ranges checked (month 1-12, the days of that month, hour < 24, minute < 60,
/// second <= 60), since toml++ asserts on some out-of-range ones.
enum TOMLDateTime {
    /// Whether `token` starts like a date (`YYYY-`) or a time (`HH:`): a value read as one.
    static func looksLikeDateOrTime(_ token: ArraySlice<UInt8>) -> Bool {
        let start = token.startIndex
        if token.count >= 5, digits(token, start, 4) != nil, token[start + 4] == UInt8(ascii: "-") { return true }
        return token.count >= 3 && digits(token, start, 2) != nil && token[start + 2] == UInt8(ascii: ":")
    }

    /// Whether `token` is exactly `DDDD-DD-DD`, digits whatever their range.
    static func isDateShaped(_ token: ArraySlice<UInt8>) -> Bool {
        let start = token.startIndex
        return token.count == 10 && digits(token, start, 4) != nil && token[start + 4] == UInt8(ascii: "-")
            && digits(token, start + 5, 2) != nil && token[start + 7] == UInt8(ascii: "-") && digits(token, start + 8, 2) != nil
    }

    /// What is wrong with `token` as a date, date-time or time; nil when nothing is.
    static func problem(in token: ArraySlice<UInt8>) -> String? {
        let start = token.startIndex
        if token.count > 2, token[start + 2] == UInt8(ascii: ":") {
            return timeProblem(token, from: start, allowsOffset: false)
        }
        guard token.count >= 10, let year = digits(token, start, 4), token[start + 4] == UInt8(ascii: "-"),
              let month = digits(token, start + 5, 2), token[start + 7] == UInt8(ascii: "-"),
              let day = digits(token, start + 8, 2) else {
            return "\(TOMLSyntaxError.quoted(token)) is not a date (write it as YYYY-MM-DD, such as 2026-12-31)"
        }
        guard (1...12).contains(month) else { return "month \(month) is out of range (01 to 12)" }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return "day \(day) is out of range for \(String(token[start..<start + 7].map { Character(Unicode.Scalar($0)) })) (01 to \(days))"
        }
        guard token.count > 10 else { return nil }
        let separator = token[start + 10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == .space else {
            return "\(TOMLSyntaxError.quoted(token)) is not a date (write it as YYYY-MM-DD, such as 2026-12-31)"
        }
        guard token.count > 11, token[start + 11].isDigit else {
            return "a date-time needs a time after 'T' (such as 1979-05-27T07:32:00)"
        }
        return timeProblem(token, from: start + 11, allowsOffset: true)
    }

    /// `HH:MM:SS`, an optional fraction, and when `allowsOffset`, an optional `Z` or `±HH:MM`.
    private static func timeProblem(_ token: ArraySlice<UInt8>, from start: Int, allowsOffset: Bool) -> String? {
        let malformed = "\(TOMLSyntaxError.quoted(token[start...])) is not a time (write it as HH:MM:SS, such as 07:32:00)"
        guard token.endIndex - start >= 8, let hour = digits(token, start, 2), token[start + 2] == UInt8(ascii: ":"),
              let minute = digits(token, start + 3, 2), token[start + 5] == UInt8(ascii: ":"),
              let second = digits(token, start + 6, 2) else { return malformed }
        guard hour < 24 else { return "hour \(hour) is out of range (00 to 23)" }
        guard minute < 60 else { return "minute \(minute) is out of range (00 to 59)" }
        guard second <= 60 else { return "second \(second) is out of range (00 to 60)" }
        var index = start + 8
        if index < token.endIndex, token[index] == UInt8(ascii: ".") {
            index += 1
            let fraction = index
            while index < token.endIndex, token[index].isDigit { index += 1 }
            guard index > fraction else { return "a time needs digits after its '.' (such as 07:32:00.5)" }
        }
        guard index < token.endIndex else { return nil }
        guard allowsOffset else { return malformed }
        let offset = token[index]
        if offset == UInt8(ascii: "Z") || offset == UInt8(ascii: "z") {
            return index + 1 == token.endIndex ? nil : malformed
        }
        guard offset == UInt8(ascii: "+") || offset == UInt8(ascii: "-"), token.endIndex - index == 6,
              let offsetHour = digits(token, index + 1, 2), token[index + 3] == UInt8(ascii: ":"),
              let offsetMinute = digits(token, index + 4, 2) else {
            return "\(TOMLSyntaxError.quoted(token[index...])) is not a time offset (write Z or ±HH:MM, such as +02:00)"
        }
        guard offsetHour < 24, offsetMinute < 60 else { return "time offset out of range (at most ±23:59)" }
        return nil
    }

    /// The number written by `count` digits at `start`, nil when they are not all digits.
    private static func digits(_ token: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= token.endIndex else { return nil }
        var value = 0
        for byte in token[start..<start + count] {
            guard byte.isDigit else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
