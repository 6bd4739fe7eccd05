/// Everything a parser needs besides the bytes: time zone, user column mapping, platform inference input.
public struct IngestContext: Sendable {
    /// The dashboard's time zone: turns instants into days and local times into instants.
    public var clock: DayClock
    /// The user's mapping file (may be ``ColumnMapping/empty``).
    public var mapping: ColumnMapping

    public init(clock: DayClock, mapping: ColumnMapping = .empty) {
        self.clock = clock
        self.mapping = mapping
    }
}
