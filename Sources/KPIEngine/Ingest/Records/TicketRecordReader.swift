/// Frames the records of a ticket table (service records) in one pass over the file's bytes
/// and finds their fields: an id column, `opened_at` and the other service columns, any other
/// columns ignored. What the fields mean is read by ``RecordBuilder``'s rules, the same as for
/// a record split by ``CSVFields``.
///
/// Only the common form is framed here: ASCII fields without quotes, as many fields as
/// columns, a line feed (or CR LF) at the end, at most 4 KiB, and no `Total` in the first
/// field or in a column the general path checks for it. For anything else
/// ``read(_:from:)`` gives nil having decided nothing, and the record is framed and read by
/// the general path.
struct TicketRecordReader {
    /// What each column holds, by column: a ``Role`` raw value. A vector, not an array:
    /// reading it per row retains nothing.
    private let roles: SIMD32<UInt8>
    private let columnCount: Int
    private let delimiter: UInt8
    /// The columns whose value, saying `Total`, makes the record a summary row: bit n for
    /// column n.
    private let summaryColumns: UInt32

    /// What a column holds.
    enum Role: UInt8 {
        case ignored, id, openedAt, firstResponseAt, firstReplyMinutes, resolvedAt, csat, sentiment
    }

    /// The longest record framed here; longer ones go the general way.
    private static let longestRecord = 4096
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// One record framed: its id field (empty when the table has no id column), the texts of
    /// its values and where the next record starts (after the line feed).
    struct Record {
        var id = FieldText.empty
        var texts = ServiceTexts()
        var next = 0
    }

    /// A reader for a header of `columnCount` columns separated by `delimiter` whose columns
    /// hold `roles` (column, role; the others are ignored) and whose `summaryColumns` (besides
    /// the first) mark a summary row by saying `Total`; nil when the header does not fit (more
    /// than 32 columns, a column given two roles or a role given two columns).
    init?(columnCount: Int, delimiter: UInt8, roles: [(column: Int, role: Role)], summaryColumns: [Int]) {
        guard columnCount > 0, columnCount <= 32, delimiter < 0x80, delimiter != Self.lineFeed,
              delimiter != Self.carriageReturn, delimiter != UInt8(ascii: "\"")
        else { return nil }
        var table = SIMD32<UInt8>(repeating: Role.ignored.rawValue)
        var given: Set<Role> = []
        for (column, role) in roles {
            guard (0..<columnCount).contains(column), table[column] == Role.ignored.rawValue, role != .ignored,
                  given.insert(role).inserted
            else { return nil }
            table[column] = role.rawValue
        }
        var summary: UInt32 = 1
        for column in summaryColumns {
            guard (0..<columnCount).contains(column) else { return nil }
            summary |= 1 << UInt32(column)
        }
        self.roles = table
        self.columnCount = columnCount
        self.delimiter = delimiter
        self.summaryColumns = summary
    }

    /// Frames the record that starts at `start` in `text` (at least eight bytes) and gives its
    /// fields and where the next record starts; nil when the record is not of the form framed
    /// here or does not end in `text`.
    @inline(__always)
    func read(_ text: UnsafeRawBufferPointer, from start: Int) -> Record? {
        withUnsafeBytes(of: roles) { roles in
            let base = text.baseAddress.unsafelyUnwrapped
            let lastColumn = columnCount &- 1
            var record = Record()
            var position = start
            var column = 0
            while true {
                guard let end = OnePassFraming.fieldEnd(text, from: position, delimiter: delimiter) else { return nil }
                let value = FieldText(bytes: UnsafeRawBufferPointer(start: base + position, count: end &- position))
                if summaryColumns & (1 &<< UInt32(column)) != 0, value.saysTotal { return nil }
                // By raw value: making a `Role` of it was a call per field.
                switch roles[column] {
                case Role.id.rawValue: record.id = value
                case Role.openedAt.rawValue: record.texts.openedAt = value
                case Role.firstResponseAt.rawValue: record.texts.firstResponseAt = value
                case Role.firstReplyMinutes.rawValue: record.texts.firstReplyMinutes = value
                case Role.resolvedAt.rawValue: record.texts.resolvedAt = value
                case Role.csat.rawValue: record.texts.csat = value
                case Role.sentiment.rawValue: record.texts.sentiment = value
                default: break
                }
                if column == lastColumn {
                    guard end &- start <= Self.longestRecord,
                          let next = OnePassFraming.nextRecord(afterLastField: end, in: text)
                    else { return nil }
                    record.next = next
                    return record
                }
                guard end < text.count, base.load(fromByteOffset: end, as: UInt8.self) == delimiter else { return nil }
                column &+= 1
                position = end &+ 1
            }
        }
    }
}
