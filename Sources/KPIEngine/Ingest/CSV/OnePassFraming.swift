/// Framing of CSV records in one pass over a file's bytes, for the readers of their common
/// forms (``PlainRecordReader``, ``TicketRecordReader``): a field's end,
/// a record's end.
enum OnePassFraming {
    /// Where the unquoted ASCII field from `start` in `text` (at least eight bytes) ends: the
    /// next `delimiter`, carriage return or line feed, or the end of `text`; nil when a quote, a
    /// byte that is not ASCII or another control byte (a tab that is not the delimiter) comes
    /// first. Eight bytes at a time.
    @inline(__always)
    static func fieldEnd(_ text: UnsafeRawBufferPointer, from start: Int, delimiter: UInt8) -> Int? {
        let delimiters = UInt64(delimiter) &* ByteMatch.everyByte
        let quotes = UInt64(UInt8(ascii: "\"")) &* ByteMatch.everyByte
        var position = start
        while position < text.count {
            let word = DigitWord.load(text, at: position)
            // Line feeds and carriage returns are control bytes: one mask finds every byte
            // that may stop the field, the byte itself tells how.
            let stops = ByteMatch.bytes(of: word, equalTo: delimiters) | ByteMatch.bytes(of: word, equalTo: quotes)
                | ByteMatch.controlOrNotASCII(word)
            if stops != 0 {
                let end = position &+ stops.trailingZeroBitCount &>> 3
                // Past the end: the zeros `load` read there.
                guard end < text.count else { return text.count }
                let stop = text.baseAddress.unsafelyUnwrapped.load(fromByteOffset: end, as: UInt8.self)
                return stop == delimiter || stop == UInt8(ascii: "\n") || stop == UInt8(ascii: "\r") ? end : nil
            }
            position &+= 8
        }
        return text.count
    }

    /// Where the record whose last field ends at `fieldEnd` in `text` is followed by the next:
    /// after its line feed or CR LF; nil when another byte comes there, or the end of `text`.
    @inline(__always)
    static func nextRecord(afterLastField fieldEnd: Int, in text: UnsafeRawBufferPointer) -> Int? {
        let base = text.baseAddress.unsafelyUnwrapped
        guard fieldEnd < text.count else { return nil }
        let stop = base.load(fromByteOffset: fieldEnd, as: UInt8.self)
        if stop == UInt8(ascii: "\n") { return fieldEnd &+ 1 }
        guard stop == UInt8(ascii: "\r"), fieldEnd &+ 1 < text.count,
              base.load(fromByteOffset: fieldEnd &+ 1, as: UInt8.self) == UInt8(ascii: "\n")
        else { return nil }
        return fieldEnd &+ 2
    }
}
