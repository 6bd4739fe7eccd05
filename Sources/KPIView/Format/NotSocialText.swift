import KPIEngine
import KPIReport

/// The website traffic that did not come from social media (Google Analytics sources kpitop
/// maps to no platform), as one line in forms from the longest to the shortest: `not social:
/// 2,968 sessions · 42.9% bounce · 119 conversions · $11,900.00 revenue`, down to `not social:
/// 2,968 sessions`. Nil when the data has no such traffic.
enum NotSocialText {
    static func forms(_ snapshot: KPISnapshot?, ascii: Bool) -> [String]? {
        guard let snapshot, let sessions = snapshot.notSocial[.sessions]?.value else { return nil }
        let currency = snapshot.currencies[KPISnapshot.allPlatforms]
        func text(_ kpi: KPI) -> String? {
            snapshot.notSocial[kpi]?.value.map { ValueFormat.format($0, unit: kpi.unit, ascii: ascii, currency: currency) }
        }
        let lead = "not social: " + ValueFormat.format(sessions, unit: .count, ascii: ascii) + " sessions"
        let parts = [text(.bounceRate).map { $0 + " bounce" }, text(.siteConversions).map { $0 + " conversions" },
                     text(.siteRevenue).map { $0 + " revenue" }].compactMap { $0 }
        let separator = ascii ? " | " : " · "
        return (0...parts.count).reversed().map { count in ([lead] + parts.prefix(count)).joined(separator: separator) }
    }
}
