/// Splits CSV records into fields and picks a file's delimiter.
enum CSVFields {
    /// Writes the fields of one record (without its line end) into `fields`, one per column:
    /// quotes removed, `""` inside quotes flagged for unescaping, text after a closing quote
    /// ignored, fields beyond `fields.count` dropped, missing ones left empty.
    /// Returns how many fields the record had (at most `fields.count`).
    @discardableResult
    static func split(_ record: UnsafeRawBufferPointer, delimiter: UInt8, into fields: UnsafeMutableBufferPointer<FieldText>) -> Int {
        let found = splitFields(record, delimiter: delimiter, into: fields)
        for column in found..<fields.count { fields[column] = .empty }
        return found
    }

    private static func splitFields(_ record: UnsafeRawBufferPointer, delimiter: UInt8, into fields: UnsafeMutableBufferPointer<FieldText>) -> Int {
        var column = 0
        let count = record.count
        var index = 0
        while column < fields.count {
            if index < count, record[index] == UInt8(ascii: "\"") {
                var end = index + 1
                var doubled = false
                while end < count {
                    if record[end] == UInt8(ascii: "\"") {
                        guard end + 1 < count, record[end + 1] == UInt8(ascii: "\"") else { break }
                        doubled = true
                        end += 2
                    } else {
                        end += 1
                    }
                }
                let content = UnsafeRawBufferPointer(rebasing: record[(index + 1)..<min(end, count)])
                fields[column] = FieldText(bytes: content, hasDoubledQuotes: doubled)
                column += 1
                var next = end + 1
                while next < count, record[next] != delimiter { next += 1 }
                guard next < count else { return column }
                index = next + 1
            } else {
                let end = endOfUnquotedField(record, from: index, delimiter: delimiter)
                fields[column] = FieldText(bytes: UnsafeRawBufferPointer(rebasing: record[index..<end]))
                column += 1
                guard end < count else { return column }
                index = end + 1
            }
        }
        return column
    }

    /// The index of the first `delimiter` at or after `start` (or the record's end), found eight
    /// bytes at a time.
    @inline(__always)
    private static func endOfUnquotedField(_ record: UnsafeRawBufferPointer, from start: Int, delimiter: UInt8) -> Int {
        guard let base = record.baseAddress else { return start }
        let count = record.count
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let pattern = UInt64(delimiter) &* 0x0101_0101_0101_0101
        var index = start
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ pattern
            // The high bit of each byte that is zero, that is of each delimiter.
            let matches = ~(((word & lows) &+ lows) | word | lows)
            if matches != 0 { return index &+ matches.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        while index < count, base.load(fromByteOffset: index, as: UInt8.self) != delimiter { index &+= 1 }
        return index
    }

    /// The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes
    /// (comma on a tie).
    static func detectDelimiter(header: UnsafeRawBufferPointer) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var tabs = 0
        var quoted = false
        for byte in header {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ",") where !quoted: commas += 1
            case UInt8(ascii: ";") where !quoted: semicolons += 1
            case 0x09 where !quoted: tabs += 1
            default: break
            }
        }
        if semicolons > commas, semicolons >= tabs { return UInt8(ascii: ";") }
        if tabs > commas, tabs > semicolons { return 0x09 }
        return UInt8(ascii: ",")
    }

    /// The delimiter named by an Excel `sep=X` line, if the record is one.
    static func separatorLine(_ record: UnsafeRawBufferPointer) -> UInt8? {
        guard record.count == 5,
              FieldText(bytes: UnsafeRawBufferPointer(rebasing: record[0..<4])).equalsIgnoringCase("sep=")
        else { return nil }
        return record[4]
    }
}
