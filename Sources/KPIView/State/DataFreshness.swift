/// How old each platform's newest data is at one moment, and which platforms are stale
/// (no data for longer than the threshold).
struct DataFreshness {
    /// Newest record instant per platform (ms since the epoch), as the snapshot has it.
    let newestData: [String: Int64]
    /// The moment ages are measured at (ms since the epoch).
    let now: Int64
    let staleAfter: Duration

    /// Milliseconds since the platform's newest record (never negative); nil without data.
    func age(of platform: String) -> Int64? {
        newestData[platform].map { max(0, now - $0) }
    }

    func isStale(_ platform: String) -> Bool {
        guard let age = age(of: platform) else { return false }
        let threshold = staleAfter.components
        return age > threshold.seconds * 1000 + threshold.attoseconds / 1_000_000_000_000_000
    }

    /// How many of `platforms` are stale.
    func staleCount(of platforms: [String]) -> Int {
        platforms.count(where: isStale)
    }
}
