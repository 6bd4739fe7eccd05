/// Short, human text for KPI values: `1,234`, `12.3K`, `4.12%`, `$1,234`, `€12.3K`, `2.3x`,
/// `3h 12m`, `+0.42`, and a dash for a value that is undefined. Screens and reports share it.
public enum ValueFormat {
    /// The placeholder for a nil (undefined) value.
    public static func missing(ascii: Bool) -> String { ascii ? "-" : "–" }

    /// A value in its unit (money in `currency`, or without a sign when it is unknown); nil
    /// and non-finite values give the placeholder.
    public static func format(_ value: Double?, unit: KPIUnit, ascii: Bool = false, currency: Currency? = nil) -> String {
        guard let value, value.isFinite else { return missing(ascii: ascii) }
        switch unit {
        case .count: return count(value)
        case .fraction: return percent(value)
        case .money: return money(value, currency: currency, ascii: ascii)
        case .multiple: return multiple(value)
        case .seconds: return duration(seconds: value)
        case .score: return score(value)
        }
    }

    /// `999`, `1,234`, `12.3K`, `123K`, `1.2M`, `3.4B`.
    public static func count(_ value: Double) -> String {
        let magnitude = abs(value)
        return sign(value) + (magnitude < 10_000 ? grouped(magnitude) : compact(magnitude))
    }

    /// A fraction as a percentage: `4.12%` below 10%, else `41.2%`.
    public static func percent(_ fraction: Double) -> String {
        let percent = fraction * 100
        let magnitude = abs(percent)
        let digits = magnitude < 10 ? fixed(magnitude, decimals: 2)
            : magnitude < 1000 ? fixed(magnitude, decimals: 1) : grouped(magnitude)
        return sign(percent, digits: digits) + digits + "%"
    }

    /// `$0.85`, `€1,234`, `CHF 12.3K`, `12.3K` (no currency known); ASCII spells non-ASCII
    /// signs as the code (`EUR 12`).
    public static func money(_ value: Double, currency: Currency?, ascii: Bool = false) -> String {
        let magnitude = abs(value)
        let digits = magnitude < 100 ? fixed(magnitude, decimals: 2)
            : magnitude < 10_000 ? grouped(magnitude) : compact(magnitude)
        var prefix = currency?.prefix ?? ""
        if ascii, prefix.contains(where: { !$0.isASCII }), let code = currency?.code { prefix = code + " " }
        return sign(value, digits: digits) + prefix + digits
    }

    /// `2.3x`, `123x`.
    public static func multiple(_ value: Double) -> String {
        let magnitude = abs(value)
        let digits = magnitude < 100 ? fixed(magnitude, decimals: 1) : grouped(magnitude)
        return sign(value, digits: digits) + digits + "x"
    }

    /// `45s`, `12m`, `3h 12m`, `2d 4h`.
    public static func duration(seconds value: Double) -> String {
        guard abs(value) < 1e15 else { return sign(value) + compact(abs(value)) + "s" }
        let total = Int(abs(value).rounded())
        let text = switch total {
        case ..<60: "\(total)s"
        case ..<3600: "\(total / 60)m"
        case ..<86_400: "\(total / 3600)h \(total % 3600 / 60)m"
        default: "\(total / 86_400)d \(total % 86_400 / 3600)h"
        }
        return sign(value, digits: text == "0s" ? "0" : text) + text
    }

    /// `+0.42`, `-0.13`, `0.00`.
    public static func score(_ value: Double) -> String {
        let digits = fixed(abs(value), decimals: 2)
        let isZero = digits.allSatisfy { $0 == "0" || $0 == "." }
        return (isZero ? "" : value < 0 ? "-" : "+") + digits
    }

    // MARK: - Pieces

    /// `-` for a negative value, unless its shown digits are all zero.
    private static func sign(_ value: Double, digits: String = "1") -> String {
        value < 0 && digits.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : ""
    }

    /// A non-negative value rounded to an integer, with thousands separators.
    public static func grouped(_ magnitude: Double) -> String {
        guard magnitude < 1e15 else { return compact(magnitude) }
        let digits = String(Int(magnitude.rounded()))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// A non-negative value in thousands and up: `12.3K`, `123K`, `1.2M`, `3.4B`, `5.6T`.
    public static func compact(_ magnitude: Double) -> String {
        let units: [(scale: Double, suffix: String)] = [(1e3, "K"), (1e6, "M"), (1e9, "B"), (1e12, "T")]
        for (index, unit) in units.enumerated() {
            let scaled = magnitude / unit.scale
            guard scaled.rounded() < 1000 || index == units.count - 1 else { continue }
            guard scaled < 1e15 else { return "\(magnitude)" }
            return (scaled < 99.95 ? fixed(scaled, decimals: 1) : String(Int(scaled.rounded()))) + unit.suffix
        }
        return "\(magnitude)"
    }

    /// A non-negative value with a fixed number of decimals (no locale, no Foundation).
    public static func fixed(_ magnitude: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        guard magnitude * scale < 1e15 else { return "\(magnitude)" }
        let scaled = Int((magnitude * scale).rounded())
        guard decimals > 0 else { return String(scaled) }
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
