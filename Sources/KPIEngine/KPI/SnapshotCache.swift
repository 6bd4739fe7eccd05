import Dispatch
import Synchronization

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
        /// The platform's customer lifetime value from the config, if any.
        var configuredCustomerValue: Double?
    }

    struct Part: Sendable {
        var facts: PlatformFacts
        var values: [KPI: KPIValue]
        var posts: [PostSummary]
        var postCount: Int
    }

    private var parts: [String: (key: Key, part: Part)] = [:]

    public init() {}

    /// The part of each of `platforms` for its key, those not kept computed by `compute` (given
    /// the index in `platforms`) on all cores.
    mutating func parts(of platforms: [(name: String, key: Key)], compute: @Sendable (Int) -> Part) -> [Part] {
        var found = platforms.map { platform in parts[platform.name].flatMap { $0.key == platform.key ? $0.part : nil } }
        let missing = found.indices.filter { found[$0] == nil }
        let computed: [Part]
        if missing.count == 1 {
            computed = [compute(missing[0])]
        } else {
            let slots = Mutex([Part?](repeating: nil, count: missing.count))
            DispatchQueue.concurrentPerform(iterations: missing.count) { n in
                let part = compute(missing[n])
                slots.withLock { $0[n] = part }
            }
            computed = slots.withLock { $0.map { $0! } }
        }
        for (index, part) in zip(missing, computed) {
            found[index] = part
            parts[platforms[index].name] = (platforms[index].key, part)
        }
        return found.map { $0! }
    }

    /// Forgets the platforms that are gone.
    mutating func keep(only platforms: Set<String>) {
        for name in parts.keys where !platforms.contains(name) { parts[name] = nil }
    }
}
