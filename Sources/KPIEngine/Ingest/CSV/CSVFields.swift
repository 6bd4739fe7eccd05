/// Splits CSV records into fields and picks a file's delimiter.
enum CSVFields {
    /// Writes the fields of one record (without its line end) into `fields`, one per column:
    /// quotes removed, `""` inside quotes flagged for unescaping, text after a closing quote
    /// ignored, fields beyond `fields.count` dropped, missing ones left empty.
    /// Returns how many fields the record had (at most `fields.count`).
    @discardableResult
    static func split(_ record: UnsafeRawBufferPointer, delimiter: UInt8, into fields: UnsafeMutableBufferPointer<FieldText>) -> Int {
        let found = splitWithoutQuotes(record, delimiter: delimiter, into: fields)
            ?? splitFields(record, delimiter: delimiter, into: fields)
        for column in found..<fields.count { fields[column] = .empty }
        return found
    }

    /// The common case of a record with no quote in it, where every delimiter ends a field:
    /// found eight bytes at a time. Nil (nothing decided) when the record holds a quote.
    private static func splitWithoutQuotes(_ record: UnsafeRawBufferPointer, delimiter: UInt8,
                                           into fields: UnsafeMutableBufferPointer<FieldText>) -> Int? {
        guard let base = record.baseAddress, !fields.isEmpty else { return nil }
        let count = record.count
        let delimiters = UInt64(delimiter) &* ByteMatch.everyByte
        let quotes = UInt64(UInt8(ascii: "\"")) &* ByteMatch.everyByte
        var column = 0
        var fieldStart = 0
        var index = 0
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            guard ByteMatch.bytes(of: word, equalTo: quotes) == 0 else { return nil }
            var ends = ByteMatch.bytes(of: word, equalTo: delimiters)
            while ends != 0 {
                let end = index &+ ends.trailingZeroBitCount &>> 3
                fields[column] = FieldText(bytes: UnsafeRawBufferPointer(start: base + fieldStart, count: end &- fieldStart))
                column &+= 1
                if column == fields.count { return column }
                fieldStart = end &+ 1
                ends &= ends &- 1
            }
            index &+= 8
        }
        while index < count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte == UInt8(ascii: "\"") { return nil }
            if byte == delimiter {
                fields[column] = FieldText(bytes: UnsafeRawBufferPointer(start: base + fieldStart, count: index &- fieldStart))
                column &+= 1
                if column == fields.count { return column }
                fieldStart = index &+ 1
            }
            index &+= 1
        }
        fields[column] = FieldText(bytes: UnsafeRawBufferPointer(start: base + fieldStart, count: count &- fieldStart))
        return column &+ 1
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
        let pattern = UInt64(delimiter) &* ByteMatch.everyByte
        var index = start
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let matches = ByteMatch.bytes(of: word, equalTo: pattern)
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
