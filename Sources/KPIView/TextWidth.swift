import KPIEngine

/// Column widths of characters and the sanitising of untrusted text.
public enum TextWidth {
    /// A character safe to draw: a character with a scalar the engine's ``Sanitized`` rules
    /// call unsafe (controls, escapes, invisible format characters) becomes "?", so an escape
    /// sequence in a title or file name is shown, not executed.
    public static func displayable(_ character: Character) -> String {
        character.unicodeScalars.contains(where: Sanitized.isUnsafe) ? "?" : String(character)
    }

    /// Columns a displayable grapheme takes: 2 for East Asian wide and emoji, else 1.
    public static func columns(of symbol: String) -> Int {
        guard let scalar = symbol.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if v < 0x1100 { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Columns a whole string takes once sanitised.
    public static func columns(_ text: String) -> Int {
        text.reduce(0) { $0 + columns(of: displayable($1)) }
    }
}
