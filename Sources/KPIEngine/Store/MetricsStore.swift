/// The engine's state: one ``FileContribution`` per data file, and the ``Rollup`` of them all,
/// rebuilt only when a contribution changed.
public struct MetricsStore: Sendable {
    public let clock: DayClock
    public private(set) var files: [String: FileContribution] = [:]
    private var cachedRollup: Rollup?

    public init(clock: DayClock) { self.clock = clock }

    /// Adds or replaces a file's contribution.
    public mutating func set(_ contribution: FileContribution) {
        files[contribution.path] = contribution
        cachedRollup = nil
    }

    /// Takes a file's contribution back (the file was deleted, truncated or replaced).
    public mutating func remove(path: String) {
        if files.removeValue(forKey: path) != nil { cachedRollup = nil }
    }

    /// All files combined, after upserts.
    public mutating func rollup() -> Rollup {
        if let cachedRollup { return cachedRollup }
        let combined = Rollup(files: Array(files.values), clock: clock)
        cachedRollup = combined
        return combined
    }

    /// A snapshot of every KPI for a request.
    public mutating func snapshot(_ request: SnapshotRequest) -> KPISnapshot {
        KPICalculator(rollup: rollup(), clock: clock).snapshot(request)
    }
}
