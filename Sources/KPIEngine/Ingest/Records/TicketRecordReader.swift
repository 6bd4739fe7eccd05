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

    /// One record framed: its fields by what they hold and where the next record starts (after
    /// the line feed). Reused from record to record: a record framed writes every field its
    /// table has.
    struct Record {
        /// By ``Role`` raw value; the ignored columns' values go to the first, the roles the
        /// table has no column for stay empty (read the same as an empty field).
        private(set) var fields = InlineArray<8, FieldText>(repeating: .empty)
        var next = 0

        /// The id field (empty when the table has no id column).
        @inline(__always)
        var id: FieldText { fields[Int(Role.id.rawValue)] }

        /// The texts of the record's service values.
        @inline(__always)
        var texts: ServiceTexts {
            ServiceTexts(openedAt: fields[Int(Role.openedAt.rawValue)],
                         firstResponseAt: fields[Int(Role.firstResponseAt.rawValue)],
                         firstReplyMinutes: fields[Int(Role.firstReplyMinutes.rawValue)],
                         resolvedAt: fields[Int(Role.resolvedAt.rawValue)], csat: fields[Int(Role.csat.rawValue)],
                         sentiment: fields[Int(Role.sentiment.rawValue)])
        }

        /// Sets the field of `role` (a ``Role`` raw value).
        @inline(__always)
        mutating func set(_ role: UInt8, _ value: FieldText) { fields[Int(role)] = value }
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

    /// Frames the record that starts at `start` in `text` (at least eight bytes) into
    /// `record`: its fields and where the next record starts. False when the record is not of
    /// the form framed here or does not end in `text` (`record` then holds parts of it).
    @inline(__always)
    func read(_ text: UnsafeRawBufferPointer, from start: Int, into record: inout Record) -> Bool {
        withUnsafeBytes(of: roles) { roles in
            let base = text.baseAddress.unsafelyUnwrapped
            let lastColumn = columnCount &- 1
            var position = start
            var column = 0
            while true {
                guard let end = OnePassFraming.fieldEnd(text, from: position, delimiter: delimiter) else { return false }
                let value = FieldText(bytes: UnsafeRawBufferPointer(start: base + position, count: end &- position))
                if summaryColumns & (1 &<< UInt32(column)) != 0, value.saysTotal { return false }
                // Into the slot of its role, without a branch on the role.
                record.set(roles[column], value)
                if column == lastColumn {
                    guard end &- start <= Self.longestRecord,
                          let next = OnePassFraming.nextRecord(afterLastField: end, in: text)
                    else { return false }
                    record.next = next
                    return true
                }
                guard end < text.count, base.load(fromByteOffset: end, as: UInt8.self) == delimiter else { return false }
                column &+= 1
                position = end &+ 1
            }
        }
    }
}
