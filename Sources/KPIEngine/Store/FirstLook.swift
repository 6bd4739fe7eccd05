#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A first look at a large data directory, so that the dashboard shows numbers within a
/// moment whatever its size: each file is read from its start, in an order spread over the
/// listing (see ``spreadOrder(_:)``), until a time budget is spent; whatever the files hold
/// further on is left out. The numbers are partial
/// (the dashboard says so while the full load goes on) and are thrown away when it ends.
struct FirstLook {
    /// Directories smaller than this load whole in about the time the first look would take.
    static let minimumBytes: Int64 = 32 << 20
    /// Directories with this many files get a first look whatever their size: opening and
    /// reading 20,000 small files takes a second or more.
    static let minimumFiles = 2_000
    /// Bytes read per step; the budget is checked between steps.
    static let stepSize: Int64 = 1 << 20

    let root: String
    let context: IngestContext
    /// How long the look may take.
    let budget: Duration

    /// The store of what could be read within the budget, and how many bytes that was.
    func read(_ paths: [String]) -> (store: MetricsStore, bytesRead: Int64) {
        let clock = ContinuousClock()
        let deadline = clock.now + budget
        var contributions: [FileContribution] = []
        var bytesRead: Int64 = 0
        for index in Self.spreadOrder(paths.count) {
            guard clock.now < deadline else { break }
            var file = TrackedFile(path: paths[index])
            var contribution = file.emptyContribution(context: context)
            guard let (fd, size) = file.beginFirstRead(root: root, into: &contribution) else { continue }
            file.wake(fd, context: context)
            while file.offset < size, clock.now < deadline {
                let before = file.offset
                file.read(fd, until: min(size, file.offset + Self.stepSize), into: &contribution,
                          chunkSize: DataLoader.chunkSize)
                guard file.offset > before else { break }
                bytesRead += file.offset - before
            }
            close(fd)
            contributions.append(contribution)
        }
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        store.set(contributions)
        return (store, bytesRead)
    }

    /// `0..<count` in bit-reversed order (for 8: 0, 4, 2, 6, 1, 5, 3, 7): every prefix is
    /// spread evenly over the listing, so a look cut short by its budget has files of every
    /// folder (platform) of a sorted listing, not only of the first.
    static func spreadOrder(_ count: Int) -> some Sequence<Int> {
        let bits = count > 1 ? Int.bitWidth - (count - 1).leadingZeroBitCount : 0
        return (0..<(1 << bits)).lazy.map { step in
            var reversed = 0
            for bit in 0..<bits where step & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            return reversed
        }.filter { $0 < count }
    }
}
