extension Canvas {
    /// A goal gauge: `width` cells filled to `fraction` (0...1) in `style` over a visible
    /// track (`███▌░░░░`, ASCII `###-----`). The fill rounds down, so only a goal that is
    /// met shows a full gauge.
    mutating func gauge(_ fraction: Double, x: Int, y: Int, width: Int, style: Style, track: Style) {
        guard width > 0 else { return }
        let steps = glyphs.gaugeSteps
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let units = Int((clamped * Double(width * steps.count)).rounded(.down))
        var filled = String(repeating: steps[steps.count - 1], count: units / steps.count)
        if units % steps.count > 0 { filled += steps[units % steps.count - 1] }
        let written = buffer.write(filled, x: x, y: y, style: style, maxWidth: width)
        buffer.write(String(repeating: glyphs.gaugeTrack, count: width - written), x: x + written, y: y, style: track)
    }
}
