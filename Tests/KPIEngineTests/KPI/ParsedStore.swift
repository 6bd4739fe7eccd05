@testable import KPIEngine

/// Stores built from file texts read by the real parser, for tests that follow a column from
/// the file to the KPI.
enum ParsedStore {
    /// A store of `files` (relative path -> text), each parsed whole, in UTC.
    static func store(_ files: [(path: String, text: String)], mapping: ColumnMapping = .empty) -> MetricsStore {
        let context = IngestContext(clock: StoreFixture.utc, mapping: mapping)
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        for (index, file) in files.enumerated() {
            var contribution = FileContribution(path: file.path, modificationTime: Int64(index), interning: context.interning)
            var parser = FileParser(relativePath: file.path, context: context, modificationTime: 0)
            Array(file.text.utf8).withUnsafeBytes { parser.consume($0, into: &contribution) }
            parser.finish(into: &contribution)
            store.set(contribution)
        }
        return store
    }
}
