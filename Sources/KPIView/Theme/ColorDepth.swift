/// How many colours the terminal can show, decided by the backend.
public enum ColorDepth: Sendable {
    /// 24-bit RGB.
    case trueColor
    /// The xterm 256-colour palette.
    case palette256
    /// The 8 ANSI colours.
    case palette8
    /// No colours at all.
    case none
}
