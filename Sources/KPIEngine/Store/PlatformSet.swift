/// A set of platform numbers for one file, the first one inline (see ``PlatformTable``):
/// most files have rows of one platform, for which a `Set` cost some 70 bytes of heap.
struct PlatformSet: Sendable, Sequence {
    private var table = PlatformTable<Void>()

    init() {}

    init(_ platforms: some Sequence<UInt16>) {
        formUnion(platforms)
    }

    var isEmpty: Bool { table.isEmpty }

    var count: Int { table.count }

    func contains(_ platform: UInt16) -> Bool { table[platform] != nil }

    mutating func insert(_ platform: UInt16) { table[platform] = () }

    mutating func formUnion(_ platforms: some Sequence<UInt16>) {
        for platform in platforms { insert(platform) }
    }

    func makeIterator() -> LazyMapSequence<PlatformTable<Void>, UInt16>.Iterator {
        table.lazy.map(\.key).makeIterator()
    }
}
