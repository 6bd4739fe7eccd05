/// Reads a JSON Lines file: one object per line, each deciding its own kind by its keys.
struct JSONLinesReader {
    private let rules: ColumnMapping.FileRules
    private let facts: FileFacts
    private let platformOrigin: FileSummary.PlatformOrigin
    private let constants = ConstantStorage()
    private var scanner = JSONObjectScanner()
    /// The builder for the last key set seen (lines of a file usually share their keys).
    private var builder: RecordBuilder?
    private var builderKeys: [String] = []
    private var delivery = RecordOutcomeDelivery()
    /// The file's summary and decisions (numbers in JSON always have decimal points).
    private(set) var progress = FileProgress(decimals: DecimalDecision(fixed: .point))

    init(relativePath: String, rules: ColumnMapping.FileRules, clock: DayClock, currency: Currency?) {
        self.rules = rules
        var origin = FileSummary.PlatformOrigin.none
        var platform = "unknown"
        if let mapped = rules.platform {
            (platform, origin) = (mapped, .mapping)
        } else if let (name, found) = PathPlatform.of(relativePath) {
            (platform, origin) = (name, found == .folder ? .folder : .fileName)
        }
        platformOrigin = origin
        facts = FileFacts(clock: clock, defaultPlatform: platform, exportDay: nil, currency: rules.currency ?? currency)
    }

    /// Reads one non-empty line that is line number `line`.
    mutating func read<S: RecordSink>(_ record: UnsafeRawBufferPointer, line: Int, into sink: inout S) {
        guard record.contains(where: { !FieldText.isSpace($0) }) else { return }
        if let problem = scanner.scan(record) {
            sink.rejected(line: line, reason: problem)
            return
        }
        if builder == nil || builderKeys != scanner.keys {
            let layout = LayoutCache.layout(headers: scanner.keys, rules: rules, constants: constants)
            builder = RecordBuilder(layout: layout, facts: facts)
            builderKeys = scanner.keys
            progress.summary.addPlatform(facts.defaultPlatform, origin: platformOrigin)
            if builder!.hasPlatformColumn { progress.summary.hasPlatformColumn = true }
        }
        let decoded = scanner.values
        let ranges = scanner.ranges
        let outcome = decoded.withUnsafeBytes { values in
            let fields = ranges.map { FieldText(bytes: UnsafeRawBufferPointer(rebasing: values[$0])) }
            return fields.withUnsafeBufferPointer { builder!.build($0, line: line, progress: &progress, into: &sink) }
        }
        delivery.deliver(outcome, line: line, into: &sink)
    }
}
