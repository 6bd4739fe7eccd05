import CNcursesw
import KPIView

/// ncurses colour pairs, defined on demand for the (foreground, background) colours that
/// frames use, each RGB mapped to the terminal's nearest colour through `PaletteMapping`.
struct ColorPairTable {
    /// Terminal colour numbers of a pair; -1 is the terminal's default colour.
    private struct ColorNumbers: Hashable {
        var foreground: Int32
        var background: Int32
    }

    let depth: ColorDepth
    /// Pairs the terminal has, pair 0 (default colours) not counted.
    private let capacity: Int
    private var pairs: [ColorNumbers: Int32] = [:]

    init(depth: ColorDepth, terminalPairs: Int) {
        self.depth = depth
        capacity = depth == .none ? 0 : max(0, terminalPairs - 1)
    }

    /// Defines pairs for every colour combination in `styles`. When they do not all fit
    /// (a theme change leaves stale pairs behind), the table starts over from pair 1 and
    /// returns true: cells drawn earlier may now show other colours.
    @discardableResult
    mutating func define(for styles: Set<Style>) -> Bool {
        guard depth != .none else { return false }
        let needed = Set(styles.map(colorNumbers(of:))).subtracting([ColorNumbers(foreground: -1, background: -1)])
        let missing = needed.subtracting(pairs.keys)
        let startsOver = pairs.count + missing.count > capacity
        if startsOver { pairs.removeAll() }
        for colors in needed.subtracting(pairs.keys) where pairs.count < capacity {
            let pair = Int32(pairs.count + 1)
            init_extended_pair(pair, colors.foreground, colors.background)
            pairs[colors] = pair
        }
        return startsOver
    }

    /// The pair to draw `style` with; 0 (default colours) when it has none or colour is off.
    func pair(for style: Style) -> Int32 {
        pairs[colorNumbers(of: style)] ?? 0
    }

    private func colorNumbers(of style: Style) -> ColorNumbers {
        ColorNumbers(foreground: colorNumber(style.foreground), background: colorNumber(style.background))
    }

    private func colorNumber(_ color: RGB?) -> Int32 {
        color.map { Int32(PaletteMapping.index(of: $0, depth: depth)) } ?? -1
    }
}
