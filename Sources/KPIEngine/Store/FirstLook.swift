#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A first look at a large data directory, so that the dashboard shows numbers within a
/// moment whatever its size: each file is read from its start, in listing order, until a time
/// budget is spent; whatever the files hold further on is left out. The numbers are partial
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
        for path in paths where clock.now < deadline {
            var file = TrackedFile(path: path)
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
}
