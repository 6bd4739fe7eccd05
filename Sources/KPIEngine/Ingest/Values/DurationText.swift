/// Reads a duration as YouTube Studio writes it (`0:02:10`, `12:05`, `1:02:03.5`) or as plain
/// seconds (`130`), in seconds.
enum DurationText {
    /// Seconds, nil when missing or not a duration.
    static func seconds(_ text: FieldText) -> Double? {
        let trimmed = text.trimmed
        guard !trimmed.isMissing else { return nil }
        var parts: [Double] = []
        var current = 0.0
        var digits = 0
        var fraction = 0.0
        var inFraction = false
        for index in 0...trimmed.count {
            let byte = index < trimmed.count ? trimmed[index] : UInt8(ascii: ":")
            if byte &- 0x30 < 10 {
                if inFraction {
                    fraction /= 10
                    current += Double(byte &- 0x30) * fraction
                } else {
                    current = current * 10 + Double(byte &- 0x30)
                }
                digits += 1
            } else if byte == UInt8(ascii: "."), !inFraction, digits > 0 {
                inFraction = true
                fraction = 1
            } else if byte == UInt8(ascii: ":"), digits > 0 {
                parts.append(current)
                current = 0
                digits = 0
                inFraction = false
            } else {
                return nil
            }
        }
        guard !parts.isEmpty, parts.count <= 3 else { return nil }
        return parts.reduce(0) { $0 * 60 + $1 }
    }
}
