/// A platform and a day, as a file's and the store's rollups key them.
struct PlatformDay: Hashable, Sendable, Comparable {
    /// The platform's number in the store's ``Interning``.
    var platform: UInt16
    var day: Day

    static func < (a: PlatformDay, b: PlatformDay) -> Bool { (a.platform, a.day) < (b.platform, b.day) }
}

/// The key rows with an id are upserted by, packed in 64 bits: platform (10 bits), id (30 bits)
/// and day (24 bits), or no day for a lifetime snapshot row, which replaces the same
/// (platform, id) of any earlier snapshot whatever its day. Service records use no day.
struct RowKey: Hashable, Sendable, Comparable {
    let raw: UInt64

    /// The day field's value for "no day" (snapshots, inquiries).
    private static let noDay: UInt64 = (1 << 24) - 1
    /// Days are stored offset by this, so that days before 1970 fit.
    private static let dayBias: Int64 = 1 << 23

    /// Nil when the day is outside what 24 bits hold (about ±22,900 years around 1970).
    init?(platform: UInt16, id: UInt32, day: Day?) {
        var dayField = Self.noDay
        if let day {
            let biased = Int64(day.number) + Self.dayBias
            guard biased >= 0, biased < Int64(Self.noDay) else { return nil }
            dayField = UInt64(biased)
        }
        raw = UInt64(platform) << 54 | UInt64(id) << 24 | dayField
    }

    /// A key from its packed bits.
    init(raw: UInt64) { self.raw = raw }

    var platform: UInt16 { UInt16(raw >> 54) }
    var id: UInt32 { UInt32(truncatingIfNeeded: raw >> 24) & ((1 << 30) - 1) }
    /// Nil for a snapshot or service key.
    var day: Day? {
        let field = raw & Self.noDay
        return field == Self.noDay ? nil : Day(number: Int32(Int64(field) - Self.dayBias))
    }

    static func < (a: RowKey, b: RowKey) -> Bool { a.raw < b.raw }
}
