extension Canvas {
    /// A horizontal bar filled to `fraction` (0...1) of `width` cells, in eighths of a cell,
    /// over a visible track when `track` is given.
    mutating func bar(_ fraction: Double, x: Int, y: Int, width: Int, style: Style, track: Style? = nil) {
        guard width > 0 else { return }
        if let track {
            buffer.write(String(repeating: glyphs.barTrack, count: width), x: x, y: y, style: track)
        }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = Int((clamped * Double(width * 8)).rounded())
        var text = String(repeating: glyphs.barEighths[7], count: eighths / 8)
        if eighths % 8 > 0 { text += glyphs.barEighths[eighths % 8 - 1] }
        buffer.write(text, x: x, y: y, style: style, maxWidth: width)
    }
}
