/// Turns theme roles into cell styles, honouring `RenderOptions` (no colour, ASCII).
struct StyleSheet {
    let theme: Theme
    let options: RenderOptions
    let glyphs: Glyphs

    init(theme: Theme, options: RenderOptions) {
        self.theme = theme
        self.options = options
        glyphs = options.asciiOnly ? .ascii : .unicode
    }

    /// Text in a role's colour on the theme background.
    func style(_ role: ThemeRole, bold: Bool = false) -> Style {
        options.noColor
            ? Style(bold: bold)
            : Style(foreground: theme[role], background: theme[.background], bold: bold)
    }

    /// The screen's base: ordinary text on the background.
    var base: Style { style(.text) }

    /// `style` as part of the selected row: on the selection colour, or reversed without colour.
    func selected(_ style: Style) -> Style {
        var result = style
        if options.noColor {
            result.reverse = true
        } else {
            result.background = theme[.selection]
        }
        return result
    }

    /// The colour of a change.
    func style(for tone: ChangeTone) -> Style {
        switch tone {
        case .good: style(.good)
        case .bad: style(.bad)
        case .neutral: style(.muted)
        }
    }

    /// A chart cell at `level` (0 = lowest, 1 = highest): low -> mid -> high gradient.
    func graph(level: Double) -> Style {
        guard !options.noColor else { return .plain }
        let t = min(1, max(0, level.isFinite ? level : 0))
        let color = t < 0.5
            ? Self.mix(theme[.graphLow], theme[.graphMid], t * 2)
            : Self.mix(theme[.graphMid], theme[.graphHigh], (t - 0.5) * 2)
        return Style(foreground: color, background: theme[.background])
    }

    private static func mix(_ a: RGB, _ b: RGB, _ t: Double) -> RGB {
        func channel(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded())
        }
        return RGB(channel(a.red, b.red), channel(a.green, b.green), channel(a.blue, b.blue))
    }
}
