/// Everything a parser needs besides the bytes: time zone, user column mapping, platform inference input.
public struct IngestContext: Sendable {
    /// The dashboard's time zone: turns instants into days and local times into instants.
    public var clock: DayClock
    /// The user's mapping file (may be ``ColumnMapping/empty``).
    public var mapping: ColumnMapping
    /// The currency of money no file and no mapping entry names (the config's `currency`), if set.
    public var currency: Currency?

    public init(clock: DayClock, mapping: ColumnMapping = .empty, currency: Currency? = nil) {
        self.clock = clock
        self.mapping = mapping
        self.currency = currency
    }
}
