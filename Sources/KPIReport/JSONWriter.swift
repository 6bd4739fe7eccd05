import KPIEngine

/// A minimal JSON writer with a fixed key order (reports must be stable to diff and test).
enum JSONWriter {
    /// A JSON number: integers without a fraction, others in Swift's shortest round-trip form;
    /// nil, NaN and infinities as `null`.
    static func number(_ value: Double?) -> String {
        guard let v = value, v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 9_007_199_254_740_992 { return String(Int64(v)) }
        return "\(v)"
    }

    static func string(_ value: String) -> String {
        if !value.utf8.contains(where: needsEscape) { return "\"" + value + "\"" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// True for a byte that may need escaping: quote, backslash, controls, and 0xC2, which
    /// leads U+0080...U+00BF (the C1 controls among them).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F || byte == 0xC2
    }

    /// `{"k": v, ...}` from already-encoded values, in the given order.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// A top-level report array: `[]`, or one already-encoded object per line.
    static func lines(_ objects: [String]) -> String {
        objects.isEmpty ? "[]" : "[\n" + objects.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"
    }
}
