/// Reads the records of a plain metrics table in one pass over the file's bytes: one
/// time column, metric columns whose values are read as written (no factor, no parts),
/// optionally a post's id column and title column, any other columns ignored. The record's
/// end is found and its numbers are read while its fields are found, eight bytes at a time
/// (``DigitWord``), straight into the lanes of a ``MetricValues``.
///
/// Only the common form is read here: every metric field holds digits with at most one
/// decimal point and four decimals (at most twelve digits before it); the time field is ASCII
/// without quotes or carriage returns; the other fields are too, or are quoted ASCII without
/// quotes, carriage returns or line feeds inside and a delimiter or the line's end right
/// after the closing quote; as many fields as columns; a line feed (or CR LF) at the end.
/// For anything else ``read(_:from:allowsPoint:into:)`` gives nil having decided nothing,
/// and the record is framed and read by the general path, which reads such records the same
/// way (numbers by ``NumberText/plainUnits(_:allowsPoint:)``, fields by ``CSVFields``).
struct PlainRecordReader {
    /// What each column holds, by column: a ``MetricField`` raw value, ``timeColumn``,
    /// ``idColumn``, ``titleColumn`` or ``ignoredColumn``. A vector, not an array: reading it
    /// per row retains nothing.
    private let roles: SIMD32<UInt8>
    private let columnCount: Int
    private let delimiter: UInt8
    /// The bits of the metric columns' fields: every row read here has all of them.
    let present: UInt32

    private static let timeColumn: UInt8 = 0xFE
    private static let ignoredColumn: UInt8 = 0xFF
    private static let idColumn: UInt8 = 0xFD
    private static let titleColumn: UInt8 = 0xFC
    /// The longest record read here; longer ones (``FileParser`` rejects those over 1 MiB)
    /// go the general way.
    private static let longestRecord = 4096
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\"")

    /// One record read: its time, id and title fields (empty when the table has no such
    /// column; quotes removed) and where the next record starts (after the line feed).
    struct Record {
        var time = FieldText.empty
        var id = FieldText.empty
        var title = FieldText.empty
        var next = 0
    }

    /// A reader for a header of `columnCount` columns separated by `delimiter` whose time is in
    /// column `timeColumn`, whose metrics are `metrics` (column, field) and whose post id and
    /// title, if any, are in `idColumn` and `titleColumn`; nil when the header does not fit
    /// (more than 32 columns, a column or field used twice, a delimiter that may be part of a
    /// number).
    init?(columnCount: Int, delimiter: UInt8, timeColumn: Int, metrics: [(column: Int, field: MetricField)],
          idColumn: Int? = nil, titleColumn: Int? = nil) {
        guard columnCount <= 32, (0..<columnCount).contains(timeColumn),
              delimiter == UInt8(ascii: ",") || delimiter == UInt8(ascii: ";") || delimiter == 0x09
        else { return nil }
        var roles = SIMD32<UInt8>(repeating: Self.ignoredColumn)
        roles[timeColumn] = Self.timeColumn
        for (column, role) in [(idColumn, Self.idColumn), (titleColumn, Self.titleColumn)] {
            guard let column else { continue }
            guard (0..<columnCount).contains(column), roles[column] == Self.ignoredColumn else { return nil }
            roles[column] = role
        }
        var present: UInt32 = 0
        for (column, field) in metrics {
            guard (0..<columnCount).contains(column), roles[column] == Self.ignoredColumn,
                  present & field.bit == 0
            else { return nil }
            roles[column] = UInt8(field.rawValue)
            present |= field.bit
        }
        self.roles = roles
        self.columnCount = columnCount
        self.delimiter = delimiter
        self.present = present
    }

    /// Reads the record that starts at `start` in `text` (at least eight bytes): writes each
    /// metric column's units into its lane of `values` (no other lane) and returns its text
    /// fields and where the next record starts. Nil when the record is not of the form read
    /// here or does not end in `text`; `values` may then hold some of its numbers.
    /// `allowsPoint` is false while the file's decimal convention is not decided as a point.
    @inline(__always)
    func read(_ text: UnsafeRawBufferPointer, from start: Int, allowsPoint: Bool,
              into values: inout MetricValues) -> Record? {
        withUnsafeBytes(of: roles) { roles in
            let base = text.baseAddress.unsafelyUnwrapped
            let lastColumn = columnCount &- 1
            var record = Record()
            var position = start
            var column = 0
            while true {
                let role = roles[column]
                // The field's end (after any closing quote) and the byte there (zero at the end
                // of `text`).
                let fieldEnd: Int
                let stop: UInt8
                if role < 32 {
                    guard let (units, end, after) = Self.units(text, at: position, allowsPoint: allowsPoint) else { return nil }
                    withUnsafeMutableBytes(of: &values.units) {
                        $0.storeBytes(of: units, toByteOffset: Int(role) &* 8, as: Int64.self)
                    }
                    fieldEnd = end
                    stop = after
                } else {
                    // The field's value from `valueStart` to `valueEnd`.
                    let valueStart: Int
                    let valueEnd: Int
                    if role != Self.timeColumn, position < text.count,
                       base.load(fromByteOffset: position, as: UInt8.self) == Self.quote {
                        guard let close = endOfQuoted(text, from: position &+ 1) else { return nil }
                        valueStart = position &+ 1
                        valueEnd = close
                        fieldEnd = close &+ 1
                    } else {
                        guard let end = OnePassFraming.fieldEnd(text, from: position, delimiter: delimiter) else { return nil }
                        valueStart = position
                        valueEnd = end
                        fieldEnd = end
                    }
                    let value = FieldText(bytes: UnsafeRawBufferPointer(start: base + valueStart, count: valueEnd &- valueStart))
                    switch role {
                    case Self.timeColumn: record.time = value
                    case Self.idColumn: record.id = value
                    case Self.titleColumn: record.title = value
                    default: break
                    }
                    // A first field that says `Total` goes the general way (a summary row).
                    if column == 0, value.saysTotal { return nil }
                    stop = fieldEnd < text.count ? base.load(fromByteOffset: fieldEnd, as: UInt8.self) : 0
                }
                if column == lastColumn {
                    guard fieldEnd &- start <= Self.longestRecord,
                          let next = OnePassFraming.nextRecord(afterLastField: fieldEnd, in: text)
                    else { return nil }
                    record.next = next
                    return record
                }
                guard stop == delimiter else { return nil }
                column &+= 1
                position = fieldEnd &+ 1
            }
        }
    }

    /// A number of digits with an optional point and one to four decimals from `start`, in
    /// units, where it ends and the byte there (zero at the end of `text`); nil for anything
    /// else (an empty field, a sign, more digits).
    @inline(__always)
    private static func units(_ text: UnsafeRawBufferPointer, at start: Int,
                              allowsPoint: Bool) -> (units: Int64, end: Int, after: UInt8)? {
        var word = DigitWord.load(text, at: start)
        var digits = DigitWord.leadingDigitCount(word)
        guard digits > 0 else { return nil }
        var whole = DigitWord.value(word, digits: digits)
        var position = start &+ digits
        if digits == 8 {
            // Nine to twelve digits: the first eight, then the rest.
            word = DigitWord.load(text, at: position)
            digits = DigitWord.leadingDigitCount(word)
            guard digits <= 4 else { return nil }
            for _ in 0..<digits { whole &*= 10 }
            if digits > 0 { whole &+= DigitWord.value(word, digits: digits) }
            position &+= digits
        }
        // The byte after the digits, from the word already loaded.
        var after = UInt8(truncatingIfNeeded: word &>> UInt64(digits &* 8))
        var units = whole &* 10_000
        if after == UInt8(ascii: ".") {
            guard allowsPoint else { return nil }
            let fraction = DigitWord.load(text, at: position &+ 1)
            let decimals = DigitWord.leadingDigitCount(fraction)
            guard decimals > 0, decimals <= 4 else { return nil }
            // The decimals followed by zeros: read as four digits, they are the units.
            let kept = fraction & ((1 &<< UInt64(decimals &* 8)) &- 1)
            units &+= DigitWord.value(kept, digits: 4)
            position &+= 1 &+ decimals
            after = UInt8(truncatingIfNeeded: fraction &>> UInt64(decimals &* 8))
        }
        return (Int64(bitPattern: units), position, after)
    }

    /// Where the quoted field whose text starts at `start` (after its opening quote) ends: the
    /// index of its closing quote; nil when a carriage return, a line feed or a byte that is
    /// not ASCII comes first, or no quote does within `text`.
    @inline(__always)
    private func endOfQuoted(_ text: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let quotes = UInt64(Self.quote) &* ByteMatch.everyByte
        let lineFeeds = UInt64(Self.lineFeed) &* ByteMatch.everyByte
        let carriageReturns = UInt64(Self.carriageReturn) &* ByteMatch.everyByte
        var position = start
        while position < text.count {
            let word = DigitWord.load(text, at: position)
            let ends = ByteMatch.bytes(of: word, equalTo: quotes)
            let refused = ByteMatch.bytes(of: word, equalTo: lineFeeds) | ByteMatch.bytes(of: word, equalTo: carriageReturns)
                | (word & 0x8080_8080_8080_8080)
            if ends | refused != 0 {
                guard refused == 0 || refused.trailingZeroBitCount > ends.trailingZeroBitCount else { return nil }
                return position &+ ends.trailingZeroBitCount &>> 3
            }
            position &+= 8
        }
        return nil
    }
}
