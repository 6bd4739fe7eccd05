import KPIEngine
import KPIReport

/// Which platforms a value for `all` is made of (data contract section 4 pairs a ratio's
/// numerator and denominator over the platforms that report both).
enum CoverageText {
    /// For an `all` value that leaves platforms out: `from 2 of 6` (the engine's
    /// ``CoverageNote``), then the shorter `2 of 6` and `2/6`; nil when every platform enters,
    /// when none does, and for a single platform.
    static func forms(_ snapshot: KPISnapshot?, _ kpi: KPI, platform: String) -> [String]? {
        guard platform == KPISnapshot.allPlatforms, let snapshot,
              let entering = snapshot.value(kpi).platforms, !entering.isEmpty,
              let note = CoverageNote.short(snapshot, kpi) else { return nil }
        let total = snapshot.platforms.count
        return [note, "\(entering.count) of \(total)", "\(entering.count)/\(total)"]
    }

    /// What the value of `kpi` for `platform` is made of, longest first:
    /// `facebook, instagram (2 of 6 platforms)`, `2 of 6 platforms`; `all 6 platforms`;
    /// `instagram`; the engine's reason when it refused the value (`mixed currencies: EUR, USD`).
    static func sentences(_ snapshot: KPISnapshot?, _ kpi: KPI, platform: String) -> [String] {
        guard let snapshot else { return [] }
        let value = snapshot.value(kpi, platform: platform)
        if let unavailable = value.unavailable { return [Sanitized.line(unavailable)] }
        guard platform == KPISnapshot.allPlatforms else { return [Sanitized.line(platform)] }
        let total = snapshot.platforms.count
        let entering = value.platforms ?? snapshot.platforms
        if entering.isEmpty { return ["no platform reports it"] }
        if entering.count == total { return ["all \(total) platform\(total == 1 ? "" : "s")"] }
        let counted = "\(entering.count) of \(total) platforms"
        return [entering.map(Sanitized.line).joined(separator: ", ") + " (\(counted))", counted]
    }
}
