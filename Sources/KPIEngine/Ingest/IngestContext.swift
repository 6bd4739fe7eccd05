/// Everything a parser needs besides the bytes: time zone, user column mapping, the tables and
/// settings of the store the rows go to; and which files of the data directory are read.
public struct IngestContext: Sendable {
    /// The dashboard's time zone: turns instants into days and local times into instants.
    public var clock: DayClock { didSet { hourlyRule = Self.rule(hourlyFrom, clock) } }
    /// The user's mapping file (may be ``ColumnMapping/empty``).
    public var mapping: ColumnMapping
    /// `--follow-links`: read the files under symbolic links to directories (as
    /// ``DataFiles`` says), cold and live; by default such links are skipped.
    public var followLinks: Bool
    /// `max_memory`: the first load reads no further file once it is reached; nil: no ceiling.
    public var memoryCeiling: MemoryCeiling?
    /// The currency of money no file and no mapping entry names (the config's `currency`), if set.
    public var currency: Currency?
    /// The id and platform numbers shared by every file read for one store.
    public var interning: Interning
    /// Rows of this day and later also keep hourly sums (for "today so far"); nil keeps none.
    public var hourlyFrom: Day? { didSet { hourlyRule = Self.rule(hourlyFrom, clock) } }
    /// ``hourlyFrom`` with ``clock``, shared by every file read with this context.
    private(set) var hourlyRule: HourlyRule?

    public init(clock: DayClock, mapping: ColumnMapping = .empty, currency: Currency? = nil,
                interning: Interning = Interning(), hourlyFrom: Day? = nil, followLinks: Bool = false,
                memoryCeiling: MemoryCeiling? = nil) {
        self.clock = clock
        self.mapping = mapping
        self.currency = currency
        self.interning = interning
        self.hourlyFrom = hourlyFrom
        self.followLinks = followLinks
        self.memoryCeiling = memoryCeiling
        hourlyRule = Self.rule(hourlyFrom, clock)
    }

    private static func rule(_ from: Day?, _ clock: DayClock) -> HourlyRule? {
        from.map { HourlyRule(from: $0, clock: clock) }
    }
}
