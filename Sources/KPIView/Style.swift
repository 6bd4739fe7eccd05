/// A 24-bit colour. The terminal backend maps it to the nearest colour the terminal has.
public struct RGB: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` or `rrggbb`.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        self.init(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }
}

/// How a cell is drawn. nil colours mean the terminal's default.
public struct Style: Hashable, Sendable {
    public var foreground: RGB?
    public var background: RGB?
    public var bold: Bool
    public var underline: Bool
    /// Swap foreground and background; what a selection looks like without colours.
    public var reverse: Bool

    public init(foreground: RGB? = nil, background: RGB? = nil, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Style()
}
