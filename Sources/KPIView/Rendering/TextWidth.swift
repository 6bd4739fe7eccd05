#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CWcwidth
import KPIEngine

/// Column widths of characters, as the C library's `wcwidth` counts them (what ncurses uses to
/// place characters, so the screen we lay out is the screen the terminal shows), and the
/// sanitising of untrusted text.
public enum TextWidth {
    /// A character safe to draw in one cell or two: "?" for a character with a scalar the
    /// engine's ``Sanitized`` rules call unsafe (controls, escapes, invisible format
    /// characters), so an escape sequence in a title or file name is shown, not executed, and
    /// for one that starts with a zero-width scalar (a combining mark without its base). A
    /// cluster wider than two columns (an emoji with a skin tone) keeps its first character.
    public static func displayable(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        if scalars.contains(where: Sanitized.isUnsafe) { return "?" }
        guard let first = scalars.first, !first.isASCII || scalars.count > 1 else { return String(character) }
        return CLocale.withUTF8 {
            let lead = CLocale.width(first)
            guard lead > 0 else { return "?" }
            var kept = String.UnicodeScalarView([first])
            var total = lead
            for scalar in scalars.dropFirst() {
                let w = CLocale.width(scalar)
                if total + w > 2 { break }
                kept.append(scalar)
                total += w
            }
            return String(kept)
        }
    }

    /// Columns a displayable grapheme takes: the sum of its scalars' `wcwidth` (1 or 2);
    /// 0 for the empty right half of a double-width cell.
    public static func columns(of symbol: String) -> Int {
        let scalars = symbol.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII, scalars.count == 1 { return 1 }
        return CLocale.withUTF8 { width(of: scalars) }
    }

    /// Columns a whole string takes once sanitised.
    public static func columns(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return CLocale.withUTF8 {
            text.reduce(0) { total, character in
                total + width(of: displayable(character).unicodeScalars)
            }
        }
    }

    /// `text` cut to at most `width` columns (whole characters only).
    static func prefix(_ text: String, columns width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let w = columns(of: displayable(character))
            if used + w > width { break }
            result.append(character)
            used += w
        }
        return result
    }

    /// `text` without its first `count` columns (a double-width character cut in half goes).
    static func dropping(columns count: Int, of text: String) -> String {
        var dropped = 0
        var index = text.startIndex
        while dropped < count, index < text.endIndex {
            dropped += columns(of: displayable(text[index]))
            index = text.index(after: index)
        }
        return String(text[index...])
    }

    private static func width(of scalars: String.UnicodeScalarView) -> Int {
        var total = 0
        for scalar in scalars { total += CLocale.width(scalar) }
        return min(2, max(scalars.isEmpty ? 0 : 1, total))
    }
}

/// `wcwidth` answers for the thread's locale, and in the C locale every non-ASCII character is
/// -1. The widths are asked in a UTF-8 locale of their own (made once, set for the calling
/// thread only while asking), whatever the process's locale is.
private enum CLocale {
    /// `C.UTF-8`, or nil where the C library has none (the thread's own locale is used then).
    nonisolated(unsafe) static let utf8: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

    static func withUTF8<T>(_ body: () -> T) -> T {
        guard let utf8 else { return body() }
        let previous = uselocale(utf8)
        defer { uselocale(previous) }
        return body()
    }

    /// A scalar's columns: 0 for combining and zero-width characters; a printable character
    /// the C library does not know counts 1.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return scalar.value >= 0x20 && scalar.value < 0x7F ? 1 : 0 }
        let w = Int(kpitop_wcwidth(wchar_t(bitPattern: scalar.value)))
        return w >= 0 ? w : 1
    }
}
