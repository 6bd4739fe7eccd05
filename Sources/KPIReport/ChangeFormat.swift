import KPIEngine

/// The change of a KPI against the window it is compared with, as each kind of KPI tells it:
/// `▲ 12.3%` for sums, money and durations, `▲ 0.4 pp` for rates, `▼ 0.05` for the sentiment
/// index, `▲ 0.3x` for multiples (`^` / `v` in ASCII); `new` or `no earlier data` when the
/// data does not cover the earlier window; blank when unknown.
public enum ChangeFormat {
    public static func text(_ kpi: KPI, _ value: KPIValue, ascii: Bool = false) -> String {
        if let gap = value.previousGap { return gapText(gap) }
        guard let change = value.change(for: kpi), change.isFinite else { return "" }
        switch kpi.changeKind {
        case .relative: return relative(change, ascii: ascii)
        case .percentagePoints: return signed(change * 100, decimals: 1, suffix: " pp", ascii: ascii)
        case .difference:
            return kpi.unit == .multiple
                ? signed(change, decimals: 1, suffix: "x", ascii: ascii)
                : signed(change, decimals: 2, suffix: "", ascii: ascii)
        }
    }

    /// `new` (the data starts inside the window) or `no earlier data` (it starts inside the
    /// earlier window).
    public static func gapText(_ gap: PreviousGap) -> String {
        switch gap {
        case .new: "new"
        case .noEarlierData: "no earlier data"
        }
    }

    /// A relative change: `▲ 12.3%` (0.123), `▼ 4.0%`, `= 0.0%`.
    public static func relative(_ change: Double, ascii: Bool = false) -> String {
        let percent = abs(change) * 100
        let digits = percent < 1000 ? ValueFormat.fixed(percent, decimals: 1) : ValueFormat.grouped(percent)
        if digits == "0.0" { return "= 0.0%" }
        return arrow(change, ascii: ascii) + " " + digits + "%"
    }

    private static func signed(_ amount: Double, decimals: Int, suffix: String, ascii: Bool) -> String {
        let digits = ValueFormat.fixed(abs(amount), decimals: decimals)
        if digits.allSatisfy({ $0 == "0" || $0 == "." }) { return "= " + digits + suffix }
        return arrow(amount, ascii: ascii) + " " + digits + suffix
    }

    private static func arrow(_ change: Double, ascii: Bool) -> String {
        change > 0 ? (ascii ? "^" : "▲") : (ascii ? "v" : "▼")
    }
}
