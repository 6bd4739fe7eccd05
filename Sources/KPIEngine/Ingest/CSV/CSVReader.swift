/// Reads the records of a CSV file in order: an optional `sep=X` line, an optional title line
/// (Meta Business Suite insights), the header (which decides the delimiter, the kind, the
/// layout and the platform), then rows. A Meta Business Suite insights file may hold several
/// tables, each after a title line of its own and its own `Date,Primary` header.
///
/// `#` lines before the header are comments. A Google Analytics export starts with such lines
/// (`# ----`, `# Start date: 20260510`): then every `#` line ends a table, the next line is a
/// table's header, only website-traffic tables are read (their rows wait for the end of the
/// file, see ``HeldTraffic``) and the others are skipped with a note.
struct CSVReader {
    private let rules: ColumnMapping.FileRules
    private let clock: DayClock
    private let relativePath: String
    /// The config's currency, for money the file and the mapping leave without one.
    private let configuredCurrency: Currency?
    private let constants = ConstantStorage()
    /// The file's modification time (ns since the epoch), for its export day; the first one
    /// given is kept (see ``FileParser/noteModificationTime(_:)``).
    var modificationTime: Int64?
    /// The field delimiter, once the `sep=` line or the header has decided it.
    private(set) var delimiter: UInt8?
    private var builder: RecordBuilder?
    /// True once a header made `builder` (kept apart: comparing the optional builder with nil
    /// would copy it on every row).
    private var hasBuilder = false
    /// One field per header column, reused for every row.
    private var fields = FieldSlots(count: 0)
    private var delivery = RecordOutcomeDelivery()
    private var awaitingFirstRow = true
    /// What reading the file so far decided, and its summary.
    private(set) var progress = FileProgress(decimals: DecimalDecision(delimiter: UInt8(ascii: ",")))
    /// True once a header decided the file's delimiter and decimal convention.
    private var hasDecidedConventions = false
    /// A title line waiting for its header.
    private var pendingTitle: (title: SectionTitle, line: Int)?
    /// True while reading a Meta Business Suite insights table (a title line starts the next).
    private var isInsightsTable = false
    /// True while skipping the rows of a table whose title names no known metric.
    private var isSkippingTable = false
    /// True once the file is known not to be a data file: the rest of it is ignored.
    private(set) var isStopped = false
    /// The reporting range of the `#` comment lines (Google Analytics).
    private var reportRange = ReportRange()
    /// True for a Google Analytics export: its first lines were `#` comments with a rule
    /// (`# ----`) or a date.
    private var isAnalyticsFile = false
    /// True while `builder` reads plain records (kept apart: asking the optional builder
    /// would copy it).
    private var isPlainTable = false
    /// True once the header was read.
    var hasReadHeader: Bool { builder != nil }

    init(relativePath: String, rules: ColumnMapping.FileRules, clock: DayClock, currency: Currency?) {
        self.relativePath = relativePath
        self.rules = rules
        self.clock = clock
        configuredCurrency = currency
    }

    /// True while rows wait for the end of the file (dates without a year, traffic tables).
    var isHoldingRows: Bool { !progress.yearless.isEmpty || !progress.traffic.isEmpty }

    /// Reads one non-empty record (without its line end) that starts on `line`.
    mutating func read<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int, into sink: inout S) {
        guard !isStopped else { return }
        if record.first == UInt8(ascii: "#"), !hasDecidedConventions || isAnalyticsFile {
            return readComment(record)
        }
        guard hasBuilder || isSkippingTable else { return readHeader(record, line: line, into: &sink) }
        if isInsightsTable || pendingTitle != nil, readTableStart(record, line: line, into: &sink) { return }
        guard !isSkippingTable, hasBuilder else { return }
        let fields = self.fields.slots
        CSVFields.split(record, delimiter: delimiter ?? UInt8(ascii: ","), into: fields)
        let values = UnsafeBufferPointer(fields)
        guard !Self.isBlank(values) else { return }
        let outcome = builder!.build(values, line: line, progress: &progress, into: &sink)
        if awaitingFirstRow {
            awaitingFirstRow = false
            if case .rejected = outcome, builder!.kind == .metrics, builder!.isDescriptionRow(values) {
                sink.note("skipped a description row after the header (line \(line))")
                return
            }
        }
        delivery.deliver(outcome, line: line, into: &sink)
    }

    /// True when the rows that follow may be read by ``readPlainRecords(_:from:firstLine:into:)``:
    /// a plain metrics table's (see ``RecordBuilder/readPlainRecords(delimitedBy:)``).
    var readsPlainRecords: Bool {
        isPlainTable && !isSkippingTable && !isStopped && !isInsightsTable && pendingTitle == nil && !isAnalyticsFile
    }

    /// Reads the records from `start` in `text` (UTF-8, at least eight bytes) that are rows of a
    /// plain metrics table, framing them itself, as long as they are of the form
    /// ``PlainRecordReader`` reads; `firstLine` is the line of the first. Returns where they
    /// end and how many there were: the record there, if any, is for ``read(_:line:into:)``.
    mutating func readPlainRecords<S: RecordSink>(_ text: UnsafeRawBufferPointer, from start: Int, firstLine: Int,
                                                  into sink: inout S) -> (end: Int, records: Int) {
        let read = builder!.buildPlainRecords(text, from: start, firstLine: firstLine, progress: &progress, into: &sink)
        if read.records > 0 { awaitingFirstRow = false }
        return read
    }

    /// Gives rows still waiting (dates without a year, traffic tables) to the sink: the file ended.
    mutating func finish<S: RecordSink>(into sink: inout S) {
        builder?.finish(progress: &progress, into: &sink)
        progress.traffic.release(into: &sink, summary: &progress.summary)
    }

    /// A `#` comment line: its dates may give the reporting range; in a Google Analytics
    /// export it also ends the table above it.
    private mutating func readComment(_ record: UnsafeRawBufferPointer) {
        let text = String(decoding: record.dropFirst(), as: UTF8.self)
        if !hasDecidedConventions, text.contains("---") || !ReportRange.dates(in: text).isEmpty { isAnalyticsFile = true }
        reportRange.read(comment: text)
        if isAnalyticsFile {
            hasBuilder = false
            isPlainTable = false
            builder = nil
            isSkippingTable = false
        }
    }

    /// True when every field is empty or white space (a row of delimiters).
    private static func isBlank(_ values: UnsafeBufferPointer<FieldText>) -> Bool {
        for value in values where !value.isBlank { return false }
        return true
    }

    /// The reader in this one's state with slots of its own and a summary that counts only
    /// what it reads, to read records of the same file elsewhere (after a line feed further
    /// on), once the header and a first row are read; nil before that, when the file is not
    /// read, holds rows, or has tables after titles.
    func continuation() -> CSVReader? {
        guard hasBuilder, !awaitingFirstRow, !isStopped, !isInsightsTable, pendingTitle == nil,
              progress.yearless.isEmpty, !isAnalyticsFile, progress.traffic.isEmpty
        else { return nil }
        var copy = self
        copy.builder = builder?.detached()
        copy.fields = FieldSlots(count: fields.slots.count)
        var summary = FileSummary()
        summary.shape = progress.summary.shape
        summary.platforms = progress.summary.platforms
        summary.hasPlatformColumn = progress.summary.hasPlatformColumn
        summary.exportDay = progress.summary.exportDay
        copy.progress.summary = summary
        return copy
    }

    /// The reader `next` (a continuation of this file that went on from here) with its summary
    /// following this one's.
    func handedOver(to next: CSVReader) -> CSVReader {
        var reader = next
        reader.progress.summary = progress.summary.followed(by: next.progress.summary)
        return reader
    }

    // MARK: Header and tables

    private mutating func readHeader<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int, into sink: inout S) {
        if delimiter == nil, !hasDecidedConventions, pendingTitle == nil, let separator = CSVFields.separatorLine(record) {
            delimiter = separator
            return
        }
        let delimiter = self.delimiter ?? CSVFields.detectDelimiter(header: record)
        let headers = Self.fields(of: record, delimiter: delimiter)
        let named = headers.filter { !$0.trimmingWhitespace().isEmpty }
        if named.count == 1, pendingTitle == nil {
            pendingTitle = (SectionTitle(named[0], mapping: rules.columns), line)
            return
        }
        self.delimiter = delimiter
        if !hasDecidedConventions {
            hasDecidedConventions = true
            progress.state.decimals = rules.decimalComma.map { DecimalDecision(fixed: $0 ? .comma : .point) }
                ?? DecimalDecision(delimiter: delimiter)
        }
        let title = pendingTitle
        pendingTitle = nil
        let layout = LayoutCache.layout(headers: headers, rules: rules, constants: constants, title: title?.title)
        let range = reportRange.takeForTable()
        if isAnalyticsFile, let skipped = Self.analyticsSkipReason(layout, rules: rules) {
            sink.note("table at line \(line) skipped: \(skipped)")
            isSkippingTable = true
            return
        }
        isInsightsTable = layout.shape?.takesFieldFromTitle == true
        if case .notData(let reason) = layout.kind {
            guard isInsightsTable, let title else {
                sink.rejected(line: 0, reason: "not a kpitop data file: \(reason)")
                isStopped = true
                return
            }
            sink.rejected(line: title.line, reason: "table skipped: \(reason)")
            isSkippingTable = true
            return
        }
        isSkippingTable = false
        for note in layout.notes { sink.note(note) }
        fields = FieldSlots(count: headers.count)
        let platform = defaultPlatform(layout: layout, title: title?.title)
        hasBuilder = true
        builder = RecordBuilder(layout: layout, facts: FileFacts(
            clock: clock, defaultPlatform: platform.name,
            exportDay: ExportDay.of(relativePath: relativePath, modificationTime: modificationTime, clock: clock),
            currency: rules.currency ?? configuredCurrency, reportRange: range,
            trafficSources: TrafficSource(extra: rules.sources)))
        builder!.readPlainRecords(delimitedBy: delimiter)
        isPlainTable = builder!.readsPlainRecords
        if let traffic = layout.traffic {
            builder!.holdsTraffic = true
            progress.traffic.beginTable(traffic.breakdown, line: line)
            progress.summary.hasPlatformColumn = true
        }
        progress.summary.shape = progress.summary.shape ?? layout.shape?.name
        progress.summary.addPlatform(platform.name, origin: platform.origin)
        if builder!.hasPlatformColumn { progress.summary.hasPlatformColumn = true }
        awaitingFirstRow = true
    }

    /// Why a table of a Google Analytics export is not read: it is not a traffic table (pages,
    /// events, users by day...), or it breaks sessions down by campaign alone and the mapping
    /// file names no platform for it. Nil for a table that is read.
    private static func analyticsSkipReason(_ layout: ColumnLayout, rules: ColumnMapping.FileRules) -> String? {
        guard let traffic = layout.traffic else {
            return "not a website-traffic table (kpitop reads sessions by source, channel group or campaign)"
        }
        if traffic.breakdown == .campaign, rules.platform == nil {
            return "sessions by campaign alone do not say their platform: add the session source / medium "
                + "dimension, or name the platform in mapping.toml"
        }
        return nil
    }

    /// In a file of titled tables, a title line or the header after it: reads it and returns
    /// true; false for a row of the current table.
    private mutating func readTableStart<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int,
                                                        into sink: inout S) -> Bool {
        if pendingTitle != nil {
            readHeader(record, line: line, into: &sink)
            return true
        }
        let values = Self.fields(of: record, delimiter: delimiter ?? UInt8(ascii: ","))
        let named = values.filter { !$0.trimmingWhitespace().isEmpty }
        guard named.count == 1, !Self.isTime(named[0], clock: clock) else { return false }
        pendingTitle = (SectionTitle(named[0], mapping: rules.columns), line)
        return true
    }

    /// The platform of rows without one of their own: the mapping's, the export's, the title
    /// line's, the folder's or the file name's, else `unknown`.
    private func defaultPlatform(layout: ColumnLayout, title: SectionTitle?) -> (name: String, origin: FileSummary.PlatformOrigin) {
        if let platform = rules.platform { return (platform, .mapping) }
        if let platform = layout.shape?.platform { return (platform, .header) }
        if let platform = title?.platform { return (platform, .title) }
        if let (name, origin) = PathPlatform.of(relativePath) { return (name, origin == .folder ? .folder : .fileName) }
        return ("unknown", .none)
    }

    /// The fields of a header or title line, as text.
    private static func fields(of record: UnsafeRawBufferPointer, delimiter: UInt8) -> [String] {
        let slots = FieldSlots(count: record.reduce(1) { $1 == delimiter ? $0 + 1 : $0 })
        let found = CSVFields.split(record, delimiter: delimiter, into: slots.slots)
        return slots.slots.prefix(found).map { $0.string() }
    }

    private static func isTime(_ text: String, clock: DayClock) -> Bool {
        var bytes = Array(text.utf8)
        var reader = TimeText(clock: clock)
        return bytes.withUnsafeMutableBytes { buffer in
            switch reader.parse(FieldText(bytes: UnsafeRawBufferPointer(buffer))) {
            case .time, .withoutYear: true
            case .missing, .unparsable: false
            }
        }
    }
}
