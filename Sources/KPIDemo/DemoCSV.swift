import KPIEngine
import Foundation

/// Writing CSV the way exports do: `,`-separated, fields quoted only when they must be.
enum DemoCSV {
    /// One CSV line, ending with `\n`.
    static func line(_ fields: [String]) -> String {
        fields.map(quotedIfNeeded).joined(separator: ",") + "\n"
    }

    /// A whole count.
    static func count(_ value: Double) -> String { String(Int(value.rounded())) }

    /// An amount of money with two decimals.
    static func money(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func quotedIfNeeded(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
