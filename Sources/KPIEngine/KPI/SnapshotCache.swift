/// What a snapshot computed per platform (its facts, KPI values and top posts), kept so that
/// the next snapshot recomputes only the platforms that changed: an append to one platform's
/// export then costs that platform's part, not every platform's.
public struct SnapshotCache: Sendable {
    /// What a part was computed for: the rollup's version and the request's window.
    struct Key: Equatable, Sendable {
        var version: Int
        var window: ReportWindow
        var comparison: ReportWindow?
        var defaultCurrency: Currency?
        var postLimit: Int
    }

    struct Part: Sendable {
        var facts: PlatformFacts
        var values: [KPI: KPIValue]
        var posts: [PostSummary]
        var postCount: Int
    }

    private var parts: [String: (key: Key, part: Part)] = [:]

    public init() {}

    /// The part of `platform` for `key`, computed by `compute` unless it is kept.
    mutating func part(of platform: String, for key: Key, compute: () -> Part) -> Part {
        if let kept = parts[platform], kept.key == key { return kept.part }
        let part = compute()
        parts[platform] = (key, part)
        return part
    }

    /// Forgets the platforms that are gone.
    mutating func keep(only platforms: Set<String>) {
        for name in parts.keys where !platforms.contains(name) { parts[name] = nil }
    }
}
