/// An amount of memory as the config file writes it: a number of bytes (`1073741824`) or a
/// number with a unit (`"512MB"`, `"1 GiB"`, `"2G"`); K, M and G count in 1024s, as `free -h`
/// and `ulimit` do.
public struct MemorySize: Sendable, Equatable, CustomStringConvertible {
    public let bytes: Int64

    /// The default ceiling of `max_memory`.
    public static let defaultCeiling = MemorySize(bytes: 1 << 30)

    public init(bytes: Int64) { self.bytes = bytes }

    /// Nil unless `text` is a whole number followed by nothing, `B`, `K`/`KB`/`KiB`, `M`/`MB`/`MiB`
    /// or `G`/`GB`/`GiB` (any case, spaces allowed), from 16 MiB to 1 TiB.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace().lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int64(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingWhitespace()
        let shift: Int64
        switch unit {
        case "", "b": shift = 0
        case "k", "kb", "kib": shift = 10
        case "m", "mb", "mib": shift = 20
        case "g", "gb", "gib": shift = 30
        default: return nil
        }
        guard number <= (Self.largest >> shift) else { return nil }
        self.init(bytes: number << shift)
        guard Self.accepted.contains(bytes) else { return nil }
    }

    /// The ceilings a config file may set.
    static let accepted: ClosedRange<Int64> = (16 << 20)...largest
    private static let largest: Int64 = 1 << 40

    /// `1 GiB`, `512 MiB`, or bytes when the amount is not a whole number of MiB.
    public var description: String {
        if bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }
}
