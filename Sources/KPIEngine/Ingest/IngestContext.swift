/// Everything a parser needs besides the bytes: time zone, user column mapping, platform
/// inference input; and which files of the data directory are read.
public struct IngestContext: Sendable {
    /// The dashboard's time zone: turns instants into days and local times into instants.
    public var clock: DayClock
    /// The user's mapping file (may be ``ColumnMapping/empty``).
    public var mapping: ColumnMapping
    /// `--follow-links`: read the files under symbolic links to directories (as
    /// ``DataFiles`` says), cold and live; by default such links are skipped.
    public var followLinks: Bool

    public init(clock: DayClock, mapping: ColumnMapping = .empty, followLinks: Bool = false) {
        self.clock = clock
        self.mapping = mapping
        self.followLinks = followLinks
    }
}
