import Foundation

/// Human formatting of KPI values for screens and reports: `1.2M`, `4.1%`, `$1,234`,
/// `2.3x`, `3h 12m`, `+0.42`, and `–` for a missing value.
public enum KPIFormat {
    /// The value in the KPI's unit; `ascii` uses `-` for a missing value.
    public static func value(_ value: Double?, unit: KPIUnit, ascii: Bool = false) -> String {
        guard let v = value, v.isFinite else { return ascii ? "-" : "–" }
        switch unit {
        case .count: return count(v)
        case .fraction: return percent(v)
        case .money: return money(v)
        case .multiple: return String(format: "%.2fx", v)
        case .seconds: return duration(v)
        case .score: return String(format: "%+.2f", v)
        }
    }

    /// The change against the previous window as a signed percentage (`+12.3%`), or "".
    public static func change(_ change: Double?) -> String {
        guard let c = change, c.isFinite else { return "" }
        return String(format: "%+.1f%%", c * 100)
    }

    /// 987, 12.3K, 1.2M, 3.4B (with a sign when negative).
    public static func count(_ v: Double) -> String {
        let a = abs(v), sign = v < 0 ? "-" : ""
        switch a {
        case ..<1_000:
            return sign + (a == a.rounded() ? String(Int64(a)) : String(format: "%.1f", a))
        case ..<10_000: return sign + grouped(a)
        case ..<1_000_000: return sign + String(format: "%.1fK", a / 1_000)
        case ..<1_000_000_000: return sign + String(format: "%.1fM", a / 1_000_000)
        default: return sign + String(format: "%.1fB", a / 1_000_000_000)
        }
    }

    /// 4.12% (two decimals under 10%, one above).
    public static func percent(_ fraction: Double) -> String {
        let p = fraction * 100
        return abs(p) < 10 ? String(format: "%.2f%%", p) : String(format: "%.1f%%", p)
    }

    /// $12.34, $1,234, $12.3K, $1.2M.
    public static func money(_ v: Double) -> String {
        let a = abs(v), sign = v < 0 ? "-" : ""
        switch a {
        case ..<100: return sign + String(format: "$%.2f", a)
        case ..<10_000: return sign + "$" + grouped(a)
        default: return sign + "$" + count(a)
        }
    }

    /// 45s, 12m 5s, 3h 12m, 2d 4h.
    public static func duration(_ seconds: Double) -> String {
        let s = Int64(seconds.rounded())
        switch s {
        case ..<60: return "\(s)s"
        case ..<3_600: return s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m \(s % 60)s"
        case ..<86_400: return "\(s / 3_600)h \(s % 3_600 / 60)m"
        default: return "\(s / 86_400)d \(s % 86_400 / 3_600)h"
        }
    }

    /// 1,234 (rounded to a whole number).
    private static func grouped(_ v: Double) -> String {
        let digits = String(Int64(v.rounded()))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
