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
    private var fields: [FieldText] = []
    private var delivery = RecordOutcomeDelivery()
    private var awaitingFirstRow = true
    /// True once the file is known not to be a data file: the rest of it is ignored.
    private(set) var isStopped = false

    init(rules: ColumnMapping.FileRules, clock: DayClock, defaultPlatform: String) {
        self.rules = rules
        self.clock = clock
        self.defaultPlatform = defaultPlatform
    }

    /// Reads one non-empty record (without its line end) that starts on `line`.
    mutating func read<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int, into sink: inout S) {
        guard !isStopped else { return }
        guard var builder else { return readHeader(record, line: line, into: &sink) }
        self.builder = nil  // keeps `builder` uniquely referenced while it changes
        defer { self.builder = builder }

        fields.removeAll(keepingCapacity: true)
        CSVFields.split(record, delimiter: delimiter ?? UInt8(ascii: ","), into: &fields)
        guard fields.contains(where: { !$0.trimmed.isEmpty }) else { return }
        let outcome = builder.build(fields, line: line)
        if awaitingFirstRow {
            awaitingFirstRow = false
            if case .rejected = outcome, builder.kind == .metrics, builder.isDescriptionRow(fields) {
                sink.note("skipped a description row after the header (line \(line))")
                return
            }
        }
        delivery.deliver(outcome, line: line, into: &sink)
    }

    private mutating func readHeader<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int, into sink: inout S) {
        if delimiter == nil, let separator = CSVFields.separatorLine(record) {
            delimiter = separator
            return
        }
        let delimiter = self.delimiter ?? CSVFields.detectDelimiter(header: record)
        self.delimiter = delimiter
        fields.removeAll(keepingCapacity: true)
        CSVFields.split(record, delimiter: delimiter, into: &fields)
        let layout = ColumnLayout(headers: fields.map { $0.string() }, rules: rules, constants: constants)
        if case .notData(let reason) = layout.kind {
            sink.rejected(line: 0, reason: "not a kpitop data file: \(reason)")
            isStopped = true
            return
        }
        for note in layout.notes { sink.note(note) }
        builder = RecordBuilder(layout: layout, clock: clock, defaultPlatform: defaultPlatform)
    }
}
