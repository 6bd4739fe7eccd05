/// A size in bytes as people read it, in decimal units: `420 B`, `9.5 kB`, `120 MB`, `1.2 GB`.
enum ByteCount {
    private static let units = ["B", "kB", "MB", "GB", "TB"]

    static func format(_ bytes: Int64) -> String {
        var value = Double(max(0, bytes))
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        // One decimal below 10 (`9.5 kB`), none above (`120 MB`); bytes are whole.
        if unit == 0 || value >= 10 {
            // Rounding can reach the next unit's threshold: 999.6 kB shows as `1.0 MB`.
            let whole = Int(value.rounded())
            if whole >= 1000, unit < units.count - 1 { return "1.0 \(units[unit + 1])" }
            return "\(whole) \(units[unit])"
        }
        let tenths = Int((value * 10).rounded())
        return tenths >= 100 ? "10 \(units[unit])" : "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
