/// Reads the records of a CSV file in order: an optional `sep=X` line, the header (which
/// decides the delimiter, the kind and the layout), then rows.
struct CSVReader {
    private let rules: ColumnMapping.FileRules
    private let clock: DayClock
    private let defaultPlatform: String
    private let constants = ConstantStorage()
    /// The field delimiter, once the `sep=` line or the header has decided it.
    private(set) var delimiter: UInt8?
    private var builder: RecordBuilder?
    /// One field per header column, reused for every row.
    private var fields = FieldSlots(count: 0)
    private var delivery = RecordOutcomeDelivery()
    private var awaitingFirstRow = true
    /// True once the file is known not to be a data file: the rest of it is ignored.
    private(set) var isStopped = false
    /// True once the header was read.
    var hasReadHeader: Bool { builder != nil }

    init(rules: ColumnMapping.FileRules, clock: DayClock, defaultPlatform: String) {
        self.rules = rules
        self.clock = clock
        self.defaultPlatform = defaultPlatform
    }

    /// Reads one non-empty record (without its line end) that starts on `line`.
    mutating func read<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int, into sink: inout S) {
        guard !isStopped else { return }
        guard builder != nil else { return readHeader(record, line: line, into: &sink) }
        let fields = self.fields.slots
        CSVFields.split(record, delimiter: delimiter ?? UInt8(ascii: ","), into: fields)
        let values = UnsafeBufferPointer(fields)
        guard !Self.isBlank(values) else { return }
        let outcome = builder!.build(values, line: line, into: &sink)
        if awaitingFirstRow {
            awaitingFirstRow = false
            if case .rejected = outcome, builder!.kind == .metrics, builder!.isDescriptionRow(values) {
                sink.note("skipped a description row after the header (line \(line))")
                return
            }
        }
        delivery.deliver(outcome, line: line, into: &sink)
    }

    /// True when every field is empty or white space (a row of delimiters).
    private static func isBlank(_ values: UnsafeBufferPointer<FieldText>) -> Bool {
        for value in values where !value.isBlank { return false }
        return true
    }

    /// The reader in this one's state with slots of its own, to read records of the same file
    /// elsewhere (after a line feed further on), once the header and a first row are read;
    /// nil before that or when the file is not read.
    func continuation() -> CSVReader? {
        guard builder != nil, !awaitingFirstRow, !isStopped else { return nil }
        var copy = self
        copy.fields = FieldSlots(count: fields.slots.count)
        return copy
    }

    private mutating func readHeader<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int, into sink: inout S) {
        if delimiter == nil, let separator = CSVFields.separatorLine(record) {
            delimiter = separator
            return
        }
        let delimiter = self.delimiter ?? CSVFields.detectDelimiter(header: record)
        self.delimiter = delimiter
        let headerFields = FieldSlots(count: record.reduce(1) { $1 == delimiter ? $0 + 1 : $0 })
        let found = CSVFields.split(record, delimiter: delimiter, into: headerFields.slots)
        let headers = headerFields.slots.prefix(found).map { $0.string() }
        let layout = ColumnLayout(headers: headers, rules: rules, constants: constants)
        if case .notData(let reason) = layout.kind {
            sink.rejected(line: 0, reason: "not a kpitop data file: \(reason)")
            isStopped = true
            return
        }
        for note in layout.notes { sink.note(note) }
        fields = FieldSlots(count: headers.count)
        builder = RecordBuilder(layout: layout, clock: clock, defaultPlatform: defaultPlatform)
    }
}
