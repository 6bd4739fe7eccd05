/// The engine's state: one ``FileContribution`` per data file, and the ``Rollup`` of them all.
///
/// The rollup is kept per platform: a changed file makes only the platforms it touches (before
/// and after the change) be combined again, so an append to one platform's export does not
/// redo the others.
public struct MetricsStore: Sendable {
    public let clock: DayClock
    public private(set) var files: [String: FileContribution] = [:]
    /// The platforms each file has rows for, by path.
    private var platformsOfFile: [String: Set<String>] = [:]
    /// Combined platforms; those in `stalePlatforms` must be combined again.
    private var combinedPlatforms: [String: Rollup.Platform] = [:]
    private var stalePlatforms: Set<String> = []
    private var cachedRollup: Rollup?

    public init(clock: DayClock) { self.clock = clock }

    /// Adds or replaces a file's contribution.
    public mutating func set(_ contribution: FileContribution) {
        let path = contribution.path
        let platforms = contribution.platforms
        stalePlatforms.formUnion(platformsOfFile[path] ?? [])
        stalePlatforms.formUnion(platforms)
        files[path] = contribution
        platformsOfFile[path] = platforms
        cachedRollup = nil
    }

    /// Takes a file's contribution back (the file was deleted, truncated or replaced).
    public mutating func remove(path: String) {
        guard files.removeValue(forKey: path) != nil else { return }
        stalePlatforms.formUnion(platformsOfFile.removeValue(forKey: path) ?? [])
        cachedRollup = nil
    }

    /// All files combined, after upserts.
    public mutating func rollup() -> Rollup {
        if let cachedRollup { return cachedRollup }
        let ordered = Rollup.upsertOrder(Array(files.values))
        for name in stalePlatforms {
            let sources = ordered.filter { platformsOfFile[$0.path]?.contains(name) == true }
            combinedPlatforms[name] = sources.isEmpty
                ? nil : Rollup.Platform(combining: sources, platform: name, clock: clock)
        }
        stalePlatforms = []
        let combined = Rollup(platforms: combinedPlatforms, orderedFiles: ordered)
        cachedRollup = combined
        return combined
    }

    /// A snapshot of every KPI for a request.
    public mutating func snapshot(_ request: SnapshotRequest) -> KPISnapshot {
        KPICalculator(rollup: rollup(), clock: clock).snapshot(request)
    }
}
