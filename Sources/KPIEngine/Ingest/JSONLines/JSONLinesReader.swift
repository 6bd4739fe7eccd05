/// Reads a JSON Lines file: one object per line, each deciding its own kind by its keys.
struct JSONLinesReader {
    private let rules: ColumnMapping.FileRules
    private let clock: DayClock
    private let defaultPlatform: String
    private let constants = ConstantStorage()
    private var scanner = JSONObjectScanner()
    /// The builder for the last key set seen (lines of a file usually share their keys).
    private var builder: RecordBuilder?
    private var builderKeys: [String] = []
    private var delivery = RecordOutcomeDelivery()

    init(rules: ColumnMapping.FileRules, clock: DayClock, defaultPlatform: String) {
        self.rules = rules
        self.clock = clock
        self.defaultPlatform = defaultPlatform
    }

    /// Reads one non-empty line that is line number `line`.
    mutating func read<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int, into sink: inout S) {
        guard record.contains(where: { !FieldText.isSpace($0) }) else { return }
        if let problem = scanner.scan(record) {
            sink.rejected(line: line, reason: problem)
            return
        }
        if builder == nil || builderKeys != scanner.keys {
            let layout = ColumnLayout(headers: scanner.keys, rules: rules, constants: constants)
            builder = RecordBuilder(layout: layout, clock: clock, defaultPlatform: defaultPlatform)
            builderKeys = scanner.keys
        }
        let decoded = scanner.values
        let ranges = scanner.ranges
        let outcome = decoded.withUnsafeBytes { values in
            let fields = ranges.map { FieldText(bytes: UnsafeRawBufferPointer(rebasing: values[$0])) }
            return fields.withUnsafeBufferPointer { builder!.build($0, line: line, into: &sink) }
        }
        delivery.deliver(outcome, line: line, into: &sink)
    }
}
