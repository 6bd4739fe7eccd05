import KPIEngine

import Foundation

/// `report --format csv`: one row per (platform, KPI) for spreadsheets. `change` is told as
/// `change_kind` says: `relative` (0.1 = +10%, sums, money, durations), `points` (a rate's
/// difference as a fraction: 0.004 = +0.4 pp) or `difference` (the sentiment index, multiples).
public enum CSVReport {
    public static let header = "platform,kpi,family,value,previous,change,window_start,window_end,as_of,tz,"
        + "change_kind,platforms,previous_missing,unavailable,currency,benchmark"

    public static func render(_ snapshot: KPISnapshot) -> String {
        var lines = [header]
        for name in [KPISnapshot.allPlatforms] + snapshot.platforms {
            for kpi in KPI.allCases {
                let v = snapshot.value(kpi, platform: name)
                lines.append([
                    field(name), kpi.id, field(kpi.family.title),
                    number(v.value), number(v.previous), number(v.change(for: kpi)),
                    snapshot.window.start.description, snapshot.window.end.description,
                    snapshot.asOf.description, field(snapshot.timeZone),
                    changeKind(kpi), field(v.platforms?.joined(separator: ";") ?? ""),
                    v.previousGap?.rawValue ?? "", field(v.unavailable ?? ""),
                    kpi.involvesMoney && kpi.unit == .money ? snapshot.currencies[name]?.code ?? "" : "",
                    number(snapshot.benchmark(kpi, platform: name)?.value),
                ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func changeKind(_ kpi: KPI) -> String {
        switch kpi.changeKind {
        case .relative: "relative"
        case .percentagePoints: "points"
        case .difference: "difference"
        }
    }

    private static func number(_ v: Double?) -> String {
        v == nil ? "" : JSONWriter.number(v)
    }

    /// Text from data made safe twice: control characters and escape sequences become `?`
    /// (as in every other format) so that a terminal showing the file never runs them, and a
    /// leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet never runs data as
    /// a formula; then RFC 4180 quoting.
    static func field(_ text: String) -> String {
        var t = Sanitized.line(text)
        if let first = t.first, "=+-@".contains(first) { t = "'" + t }
        if t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return t
    }
}
