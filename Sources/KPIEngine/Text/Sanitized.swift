/// Text from data (titles, platform and file names, error text) made safe to print on a
/// terminal: control characters, escape sequences and invisible format characters are
/// replaced by `?`, so they are shown, never executed.
public enum Sanitized {
    /// True for a scalar that must never reach a terminal as is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// `text` on one line with every unsafe scalar replaced by `?`.
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isUnsafe(scalar) ? "?" : scalar) }
        return String(out)
    }
}
