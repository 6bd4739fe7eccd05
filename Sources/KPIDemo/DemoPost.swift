import Glibc
import KPIEngine

/// A demo post: its lifetime metrics, of which a share has accrued by a given time.
struct DemoPost: Sendable {
    var platform: String
    var id: String
    var title: String
    var published: LocalTime
    /// The metrics the post ends with once it stops drawing attention.
    var lifetime: DemoContentMetrics

    /// Hours after which a post has most of its lifetime reach (1 - 1/e of it).
    private static let attentionHours = 8.0

    /// The metrics accrued at `now`: most arrive in the first hours, then they level off.
    func metrics(at now: LocalTime) -> DemoContentMetrics {
        let hours = Double(now.secondsSinceEpoch - published.secondsSinceEpoch) / 3600
        let accrued = hours <= 0 ? 0 : 1 - exp(-hours / Self.attentionHours)
        return lifetime.scaled(by: accrued)
    }
}
