import Dispatch
import Synchronization

/// The engine's state: every data file's ``FileContribution`` and, per platform, the
/// ``PlatformRollup`` of them all.
///
/// The rollups are kept up to date by differences: a new file adds its rows, a removed one
/// takes them back, and a followed file that grew adds what its journal recorded, so that an
/// appended row costs about the same whatever the size of the data. Sums are exact integers
/// (see ``MetricValues``), so the result never depends on the order files and rows came in:
/// a store followed live equals one built cold from the same files.
public struct MetricsStore: Sendable {
    public let clock: DayClock
    /// The id and platform numbers of every file in the store.
    public let interning: Interning

    /// What the rollups count of a file's presence, currencies, rejections and inquiries
    /// without an id (to add only the difference when it grows).
    fileprivate struct CountedFile: Sendable {
        let isPendingLine: Bool
        /// False for a free number's placeholder.
        var isInUse = true
        var countedPresence = PlatformTable<UInt32>()
        var countedCurrencies: Set<PlatformCurrency> = []
        var countedRejections = 0
        var countedAnonymousTickets = 0
    }

    /// Files' contributions by number (an array of plain values, so that reading a row copies
    /// nothing); a free number holds an empty placeholder.
    private var files: [FileContribution] = []
    /// What the rollups count of each file, by the same numbers; a free number's is not in use.
    private var counted: [CountedFile] = []
    /// Numbers of files taken out, to give again.
    private var freeNumbers: [UInt32] = []
    /// Each file's upsert order, by the same numbers; a free number's is a placeholder.
    private var orders: [FileOrder] = []
    private var numbers: [String: UInt32] = [:]
    private var rollups: [UInt16: PlatformRollup] = [:]
    private var versionCounter = 0
    /// The files that have rejections (so that listing them does not visit every file).
    private var filesWithRejections: Set<UInt32> = []
    /// Rows refused, in all files.
    public private(set) var rejectedRows = 0
    /// Data files in the store.
    public private(set) var fileCount = 0

    public init(clock: DayClock, interning: Interning = Interning()) {
        self.clock = clock
        self.interning = interning
    }

    // MARK: Reading

    /// Every platform's rollup, by name.
    public var platforms: [String: PlatformRollup] {
        Dictionary(uniqueKeysWithValues: rollups.values.map { ($0.name, $0) })
    }

    /// Platform names, sorted.
    public var platformNames: [String] { rollups.values.map(\.name).sorted() }

    /// The first and last day with data on any platform.
    public var dataSpan: ClosedRange<Day>? {
        let spans = rollups.values.compactMap(\.span)
        guard let first = spans.map(\.lowerBound).min(), let last = spans.map(\.upperBound).max() else { return nil }
        return first...last
    }

    /// The refused rows kept (up to ``FileContribution/keptRejectionLimit`` per file), in file
    /// and line order.
    public var rejections: [Rejection] {
        filesWithRejections.flatMap { files[Int($0)].rejections }.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Each data file's notes (things worth saying once), in path order.
    public var notes: [(file: String, note: String)] {
        dataFiles.filter { !$0.notes.isEmpty }
            .sorted { $0.path < $1.path }
            .flatMap { file in file.notes.map { (file.path, $0) } }
    }

    /// Each data file's summary (see ``FileSummary``), in path order.
    public var fileSummaries: [(file: String, summary: FileSummary)] {
        dataFiles.map { ($0.path, $0.summary) }
            .sorted { $0.0.precedesInByteOrder($1.0) }
    }

    /// The contributions of the data files, by path.
    public var contributions: [String: FileContribution] {
        Dictionary(uniqueKeysWithValues: dataFiles.map { ($0.path, $0) })
    }

    /// The contributions of the data files in use (pending lines aside).
    private var dataFiles: [FileContribution] {
        files.indices.filter { counted[$0].isInUse && !counted[$0].isPendingLine }.map { files[$0] }
    }

    /// True when the store has the file.
    public func contains(path: String) -> Bool { numbers[path] != nil }

    /// The row a winning ``RowRef`` of ``PlatformRollup/posts`` points at.
    func post(_ ref: RowRef) -> StoredPost { files[Int(ref.file)].posts[ref.slot] }

    /// Adds the values of that row into `sums`, without unpacking the row.
    func addValues(of ref: RowRef, into sums: inout MetricValues) {
        _ = files[Int(ref.file)].posts.addValues(of: ref.slot, into: &sums)
    }

    /// The title of that row.
    func title(_ ref: RowRef, number: UInt32) -> String? { files[Int(ref.file)].posts.titles[number] }

    /// What the files say about a post (publish time, type, link), a later file's word
    /// winning (upsert order); nil when none says anything.
    func facts(of post: RowKey) -> PostFacts? {
        var found: [(order: FileOrder, facts: PostFacts)] = []
        for (number, file) in files.enumerated() where counted[number].isInUse && file.posts.hasFacts {
            if let facts = file.posts.facts(of: post) { found.append((orders[number], facts)) }
        }
        guard !found.isEmpty else { return nil }
        var merged = PostFacts()
        for entry in found.sorted(by: { $0.order < $1.order }) { merged.update(with: entry.facts) }
        return merged
    }

    /// A snapshot of every KPI for a request.
    public func snapshot(_ request: SnapshotRequest) -> KPISnapshot {
        var cache = SnapshotCache()
        return KPICalculator(store: self).snapshot(request, cache: &cache)
    }

    /// A snapshot of every KPI for a request, reusing from `cache` what was computed for
    /// platforms that did not change since (and leaving there what is computed now).
    public func snapshot(_ request: SnapshotRequest, cache: inout SnapshotCache) -> KPISnapshot {
        KPICalculator(store: self).snapshot(request, cache: &cache)
    }

    // MARK: Changing

    /// Adds a file's contribution, replacing the one the store had for its path.
    public mutating func set(_ contribution: FileContribution) {
        set([contribution])
    }

    /// Adds many files' contributions at once (replacing those the store had for their
    /// paths), building the platforms' rollups on all cores.
    public mutating func set(_ contributions: [FileContribution]) {
        for contribution in contributions { remove(path: contribution.path) }
        let added: [UInt32]
        if files.isEmpty && contributions.allSatisfy({ $0.interning === interning }) {
            // The first files: their array is kept as it is, not copied (a contribution is a few
            // hundred bytes, and there may be many thousand files).
            files = contributions
            counted.reserveCapacity(files.count)
            orders.reserveCapacity(files.count)
            added = files.indices.map { number(UInt32($0), isPendingLine: false) }
        } else {
            // Room for all at once: growing step by step would hold the old and the new storage
            // of every file together for a moment, more than once.
            let needed = files.count + max(0, contributions.count - freeNumbers.count)
            if needed > files.capacity { files.reserveCapacity(max(needed, files.capacity * 2)) }
            if needed > counted.capacity { counted.reserveCapacity(max(needed, counted.capacity * 2)) }
            if needed > orders.capacity { orders.reserveCapacity(max(needed, orders.capacity * 2)) }
            added = contributions.map { register($0, isPendingLine: false) }
        }
        var platformsOfFile: [UInt16: [UInt32]] = [:]
        for number in added {
            for platform in files[Int(number)].platformNumbers { platformsOfFile[platform, default: []].append(number) }
        }
        do {
            // `work` shares the files' storage: it must be gone before `markCounted` changes
            // what is counted of a file, or that change would copy it for every file.
            let work = RollupWork(files: files, counted: counted, orders: orders, clock: clock)
            let platforms = platformsOfFile.keys.sorted()
            let filesOf = platforms.map { platformsOfFile[$0]! }
            let existing = platforms.map { rollups.removeValue(forKey: $0) }
            // A new platform whose rows all come from one file has only new keys (a file holds
            // a key once): its upsert indexes are built apart from the rest of its rollup (that
            // of its inquiries when first needed).
            let indexedApart = zip(existing, filesOf).map { rollup, numbers in rollup == nil && numbers.count == 1 }
            let taken = zip(platforms, existing).map { platform, rollup -> PlatformRollup in
                var taken = rollup ?? newRollup(platform)
                taken.version = nextVersion()
                return taken
            }
            let tasks = BulkRollupTask.ordered(platforms: platforms, filesOf: filesOf, indexedApart: indexedApart,
                                               files: files)
            let rollupSlots = Slots(taken)
            let indexSlots = Slots([(posts: UpsertIndex, tickets: UpsertIndex)?](repeating: nil, count: platforms.count))
            DispatchQueue.concurrentPerform(iterations: tasks.count) { n in
                let index = tasks[n].platform
                if tasks[n].isIndexes {
                    indexSlots.put(work.upsertIndexes(ofOnly: filesOf[index][0], platform: platforms[index]), at: index)
                    return
                }
                var rollup = rollupSlots.take(index)
                rollup.beginBulk()
                if !indexedApart[index] { work.reserveKeys(of: filesOf[index], in: &rollup) }
                for number in filesOf[index] { work.add(number, to: &rollup, keysAreNew: indexedApart[index]) }
                work.refreshObservations(of: filesOf[index], in: &rollup)
                rollup.endBulk()
                rollupSlots.put(rollup, at: index)
            }
            let indexes = indexSlots.all
            for (index, rollup) in rollupSlots.all.enumerated() {
                guard var rollup, !rollup.isEmpty else { continue }
                if let built = indexes[index] {
                    rollup.posts = built.posts
                    rollup.tickets = built.tickets
                }
                rollups[rollup.number] = rollup
            }
        }
        for number in added { markCounted(number) }
    }

    /// Takes a file's contribution back (the file was deleted, truncated or replaced), with its
    /// pending last line.
    public mutating func remove(path: String) {
        setPendingLine(nil, for: path)
        guard let number = numbers.removeValue(forKey: path) else { return }
        take(number)
    }

    /// Lets `body` read what was appended to a file into its contribution (kept in the store,
    /// so nothing is copied), then counts what changed. False when the store lacks the file.
    @discardableResult
    public mutating func update(path: String, _ body: (inout FileContribution) -> Void) -> Bool {
        guard let number = numbers[path] else { return false }
        if !files[Int(number)].isJournaling { files[Int(number)].startJournal() }
        body(&files[Int(number)])
        sync(number)
        return true
    }

    /// Makes the upsert tables a load left to be made when first needed (the inquiries' of a
    /// platform whose rows all come from one file), without changing any number: a follower
    /// calls this once its first numbers are shown, so that its first change does not wait for
    /// them (0.1 s a million inquiries). A cold report never needs them.
    public mutating func indexDeferred() {
        let work = RollupWork(files: files, counted: counted, orders: orders, clock: clock)
        for platform in rollups.keys where rollups[platform]!.tickets.deferred != nil {
            work.indexDeferredTickets(of: &rollups[platform]!)
        }
    }

    /// Counts a followed file's last line that has no newline yet as if it were complete
    /// (`pending`: what that line alone contributes), or stops counting it (nil).
    public mutating func setPendingLine(_ pending: FileContribution?, for path: String) {
        if let number = numbers.removeValue(forKey: path + "\u{0}") { take(number) }
        guard let pending else { return }
        let number = register(pending, isPendingLine: true)
        do {
            // Gone before `markCounted` (see `sync`).
            let work = RollupWork(files: files, counted: counted, orders: orders, clock: clock)
            for platform in files[Int(number)].platformNumbers {
                modifyRollup(platform) { r in
                    work.add(number, to: &r)
                    work.refreshObservations(of: [number], in: &r)
                }
            }
        }
        markCounted(number)
    }

    /// Gives a contribution a number and an upsert order, without counting it anywhere yet.
    private mutating func register(_ given: FileContribution, isPendingLine: Bool) -> UInt32 {
        let contribution = given.interning === interning ? given : given.renumbered(into: interning)
        if let free = freeNumbers.popLast() {
            files[Int(free)] = contribution
            return number(free, isPendingLine: isPendingLine)
        }
        files.append(contribution)
        return number(UInt32(files.count - 1), isPendingLine: isPendingLine)
    }

    /// Gives the contribution at `number` of ``files`` that number (and an upsert order): what
    /// ``register(_:isPendingLine:)`` does once the contribution is in place.
    private mutating func number(_ number: UInt32, isPendingLine: Bool) -> UInt32 {
        let contribution = files[Int(number)]
        let counts = CountedFile(isPendingLine: isPendingLine)
        let order = FileOrder(modificationTime: contribution.modificationTime, path: contribution.path,
                              isPendingLine: isPendingLine)
        if Int(number) < counted.count {
            counted[Int(number)] = counts
            orders[Int(number)] = order
        } else {
            counted.append(counts)
            orders.append(order)
        }
        // The path itself, not a copy, for a file (a pending line's key is the path and a NUL).
        numbers[isPendingLine ? contribution.path + "\u{0}" : contribution.path] = number
        if !isPendingLine { fileCount += 1 }
        return number
    }

    /// Notes that the rollups count everything the file has now.
    private mutating func markCounted(_ number: UInt32) {
        let contribution = files[Int(number)]
        counted[Int(number)].countedPresence = contribution.presence
        counted[Int(number)].countedCurrencies = contribution.currencies
        counted[Int(number)].countedAnonymousTickets = contribution.anonymousTickets.count
        rejectedRows += contribution.rejectedCount - counted[Int(number)].countedRejections
        counted[Int(number)].countedRejections = contribution.rejectedCount
        if contribution.rejectedCount > 0 { filesWithRejections.insert(number) }
    }

    /// Takes a file (or pending line) out of every rollup.
    private mutating func take(_ number: UInt32) {
        let stored = files[Int(number)], counts = counted[Int(number)]
        do {
            // Gone before the file's place is changed below (see `sync`).
            let work = RollupWork(files: files, counted: counted, orders: orders, clock: clock)
            for platform in stored.platformNumbers {
                modifyRollup(platform) { rollup in
                    rollup.beginBulk()
                    work.take(number, countedAnonymousTickets: counts.countedAnonymousTickets, from: &rollup)
                    rollup.endBulk()
                }
            }
        }
        for (platform, bits) in counts.countedPresence {
            modifyRollup(platform) { $0.countFields(bits, times: -1) }
        }
        for pair in counts.countedCurrencies {
            modifyRollup(pair.platform) { $0.countCurrency(pair.currency, times: -1) }
        }
        rejectedRows -= counts.countedRejections
        filesWithRejections.remove(number)
        if !counts.isPendingLine { fileCount -= 1 }
        files[Int(number)] = FileContribution(path: "", interning: interning)
        counted[Int(number)] = CountedFile(isPendingLine: false, isInUse: false)
        freeNumbers.append(number)
        orders[Int(number)] = FileOrder(modificationTime: 0, path: "")
        let remaining = RollupWork(files: files, counted: counted, orders: orders, clock: clock)
        for platform in stored.platformNumbers where rollups.index(forKey: platform) != nil {
            modifyRollup(platform) { remaining.refreshObservations(of: stored.days.keys, in: &$0) }
        }
        for (platform, rollup) in rollups where rollup.isEmpty { rollups[platform] = nil }
    }

    /// Counts what a file's journal recorded since the last time.
    private mutating func sync(_ number: UInt32) {
        guard let journal = files[Int(number)].takeJournal() else { return }
        let contribution = files[Int(number)]
        let orderBefore = orders[Int(number)]
        orders[Int(number)] = FileOrder(modificationTime: contribution.modificationTime, path: contribution.path,
                                        isPendingLine: counted[Int(number)].isPendingLine)
        let reordered = orders[Int(number)] != orderBefore
        do {
            // `work` shares the files' storage: it must be gone before `markCounted` changes
            // what is counted of a file, or that change would copy it for every file.
            let work = RollupWork(files: files, counted: counted, orders: orders, clock: clock)
            for platform in contribution.platformNumbers {
                modifyRollup(platform) { r in
                    work.apply(journal, of: number, to: &r)
                    if reordered { work.reorder(number, in: &r) }
                }
            }
        }
        for (platform, bits) in contribution.presence {
            let new = bits & ~(counted[Int(number)].countedPresence[platform] ?? 0)
            if new != 0 { modifyRollup(platform) { $0.countFields(new, times: 1) } }
        }
        for pair in contribution.currencies.subtracting(counted[Int(number)].countedCurrencies) {
            modifyRollup(pair.platform) { $0.countCurrency(pair.currency, times: 1) }
        }
        let clock = self.clock
        for (platform, ticket) in contribution.anonymousTickets.dropFirst(counted[Int(number)].countedAnonymousTickets) {
            modifyRollup(platform) { $0.addTicket(ticket, sign: 1, clock: clock) }
        }
        markCounted(number)
    }

    /// A version no rollup of this store had before (see ``PlatformRollup/version``).
    private mutating func nextVersion() -> Int {
        versionCounter += 1
        return versionCounter
    }

    private func newRollup(_ platform: UInt16) -> PlatformRollup {
        PlatformRollup(name: interning.platforms.string(UInt32(platform)), number: platform)
    }

    /// Runs `change` on a platform's rollup, made when the platform is new.
    @discardableResult
    private mutating func modifyRollup<T>(_ platform: UInt16, _ change: (inout PlatformRollup) -> T) -> T {
        if rollups.index(forKey: platform) == nil { rollups[platform] = newRollup(platform) }
        rollups[platform]!.version = nextVersion()
        return change(&rollups[platform]!)
    }

    /// One task of a bulk ``set(_:)``: the rollup of a platform, or the upsert indexes of a
    /// platform that has them built apart (see there).
    private struct BulkRollupTask {
        /// The platform's index among those set.
        let platform: Int
        let isIndexes: Bool
        /// About how much work the task is (the rows with an id it goes through).
        let size: Int

        /// Every task of a bulk set, largest first, so that the cores end at about the same time.
        static func ordered(platforms: [UInt16], filesOf: [[UInt32]], indexedApart: [Bool],
                            files: [FileContribution]) -> [BulkRollupTask] {
            var tasks: [BulkRollupTask] = []
            for index in platforms.indices {
                var postKeys = 0, ticketKeys = 0
                for number in filesOf[index] {
                    let file = files[Int(number)], platforms = max(1, file.platformNumbers.count)
                    postKeys += file.posts.keys.count / platforms
                    ticketKeys += file.tickets.keys.count / platforms
                }
                // Building the indexes of posts is a fifth of a platform's rollup (perf, 1M post
                // rows); the inquiries' is deferred.
                if indexedApart[index] { tasks.append(BulkRollupTask(platform: index, isIndexes: true, size: postKeys / 5)) }
                tasks.append(BulkRollupTask(platform: index, isIndexes: false, size: postKeys + ticketKeys + filesOf[index].count))
            }
            return tasks.sorted { $0.size > $1.size }
        }
    }

    /// Values being built at the same time, each taken out by one thread and put back.
    private final class Slots<Value: Sendable>: Sendable {
        private let slots: Mutex<[Value?]>

        init(_ values: [Value?]) { slots = Mutex(values) }

        func take(_ index: Int) -> Value {
            slots.withLock { s in
                let value = s[index]!
                s[index] = nil
                return value
            }
        }

        func put(_ value: sending Value, at index: Int) {
            slots.withLock { $0[index] = value }
        }

        var all: [Value?] { slots.withLock { $0 } }
    }

    /// How the files' rows go into one platform's rollup: reads the store's files (as they were
    /// when it was made) and changes only the rollup it is given, so that platforms can be
    /// built at the same time.
    private struct RollupWork: Sendable {
        let files: [FileContribution]
        let counted: [CountedFile]
        let clock: DayClock
        /// The upsert order of files: true when the first's rows give way to the second's. It
        /// holds the files' order only, not the whole work (a closure made from a method of the
        /// work would retain and release every array of it at each call).
        let precedes: @Sendable (UInt32, UInt32) -> Bool

        init(files: [FileContribution], counted: [CountedFile], orders: [FileOrder], clock: DayClock) {
            self.files = files
            self.counted = counted
            self.clock = clock
            precedes = { orders[Int($0)] < orders[Int($1)] }
        }

        /// Adds everything file `number` has for the rollup's platform. With `keysAreNew`, the
        /// rollup's upsert indexes are left alone: no file holds any key of the file yet, and
        /// ``upsertIndexes(ofOnly:platform:)`` makes them.
        func add(_ number: UInt32, to r: inout PlatformRollup, keysAreNew: Bool = false) {
            if !keysAreNew { indexDeferredTickets(of: &r) }
            let c = files[Int(number)]
            for (key, totals) in c.days where key.platform == r.number {
                r.attach(file: number, day: key.day)
                r.addSums(totals.values, day: key.day, sign: 1)
            }
            for (key, values) in c.hours where key.platform == r.number { r.addHour(values, at: key, sign: 1) }
            // Rows whose keys no other file holds are added together once the others are in
            // (the changes commute: a key's change touches that key only, sums are integers),
            // but those that may keep hourly sums, which are added in line order as before.
            let postSlots = slots(of: c.posts.keys[...], platform: r.number)
            let postChanges = keysAreNew ? UpsertIndex.Changes(allNew: postSlots, file: number)
                : r.posts.add(postSlots, keys: c.posts.keys, file: number, precedes: precedes)
            var newPosts: [Int32] = []
            postChanges.forEach { slot, change in
                let key = c.posts.keys[Int(slot)]
                if change.before == nil, !Self.mayKeepHour(key, in: c) {
                    newPosts.append(slot)
                } else {
                    applyPost(key, change, to: &r)
                }
            }
            r.addPosts(newPosts, of: c.posts)
            // New keys of a file of this platform only are all of its inquiries (nil: no slots).
            var newTickets: [Int32]?
            if !keysAreNew || c.platformNumbers.count > 1 {
                let ticketSlots = slots(of: c.tickets.keys[...], platform: r.number)
                newTickets = ticketSlots
                if !keysAreNew {
                    newTickets = []
                    r.tickets.add(ticketSlots, keys: c.tickets.keys, file: number, precedes: precedes).forEach { slot, change in
                        if change.before == nil { newTickets!.append(slot) } else { applyTicket(change, to: &r) }
                    }
                }
            }
            r.addTickets(of: c.tickets, slots: newTickets, clock: clock)
            let platform = r.number
            r.addTickets(c.anonymousTickets.lazy.filter { $0.platform == platform }.map(\.ticket), clock: clock)
            if let instant = c.newestTicket[r.number] { r.setNewestInquiry(instant, file: number) }
            if let bits = c.presence[r.number] { r.countFields(bits, times: 1) }
            for pair in c.currencies where pair.platform == r.number { r.countCurrency(pair.currency, times: 1) }
        }

        /// The upsert indexes of a new rollup of `platform` whose rows all come from file
        /// `number` (its rows win every key), built apart from the rest of the rollup; the
        /// inquiries' table is left to be made when first needed (see ``indexDeferredTickets(of:)``).
        func upsertIndexes(ofOnly number: UInt32, platform: UInt16) -> (posts: UpsertIndex, tickets: UpsertIndex) {
            let c = files[Int(number)]
            var posts = UpsertIndex()
            let postSlots = slots(of: c.posts.keys[...], platform: platform)
            posts.reserveCapacity(postSlots.count)
            _ = posts.add(postSlots, keys: c.posts.keys, file: number, precedes: precedes)
            posts.shrinkToFit()
            let tickets = UpsertIndex(deferring: .init(file: number, keyCount: c.tickets.keys.count))
            return (posts, tickets)
        }

        /// Makes the table of the rollup's inquiry index when it was deferred: from the keys
        /// of its file that it stands for, each row winning (keys the file gained since are
        /// in the file's journal, which adds them after this).
        func indexDeferredTickets(of r: inout PlatformRollup) {
            guard let rows = r.tickets.deferred else { return }
            let keys = files[Int(rows.file)].tickets.keys
            let ticketSlots = slots(of: keys[..<rows.keyCount], platform: r.number)
            var tickets = UpsertIndex()
            tickets.reserveCapacity(ticketSlots.count)
            _ = tickets.add(ticketSlots, keys: keys, file: rows.file, precedes: precedes)
            tickets.shrinkToFit()
            r.tickets = tickets
        }

        /// Makes room in the rollup's upsert indexes for every key of `numbers` of its platform
        /// (a load into an empty rollup).
        func reserveKeys(of numbers: [UInt32], in r: inout PlatformRollup) {
            indexDeferredTickets(of: &r)
            var posts = 0, tickets = 0
            for number in numbers {
                posts += files[Int(number)].posts.keys.count { $0.platform == r.number }
                tickets += files[Int(number)].tickets.keys.count { $0.platform == r.number }
            }
            r.posts.reserveCapacity(posts)
            r.tickets.reserveCapacity(tickets)
        }

        /// The slots of the keys of `platform`.
        private func slots(of keys: ArraySlice<RowKey>, platform: UInt16) -> [Int32] {
            keys.indices.compactMap { keys[$0].platform == platform ? Int32($0) : nil }
        }

        /// True when the row of `key` may keep hourly sums: its day is at or after the file's
        /// first hourly day (a lifetime snapshot's day is not in its key).
        private static func mayKeepHour(_ key: RowKey, in c: FileContribution) -> Bool {
            guard let from = c.hourlyFrom else { return false }
            return key.day.map { $0 >= from } ?? true
        }

        /// Takes back everything file `number` has for the rollup's platform, but its presence
        /// and currencies (which the store counted).
        func take(_ number: UInt32, countedAnonymousTickets: Int, from r: inout PlatformRollup) {
            indexDeferredTickets(of: &r)
            let c = files[Int(number)]
            for key in c.posts.keys where key.platform == r.number {
                applyPost(key, r.posts.remove(key, file: number), to: &r)
            }
            for key in c.tickets.keys where key.platform == r.number {
                applyTicket(r.tickets.remove(key, file: number), to: &r)
            }
            for (platform, ticket) in c.anonymousTickets.prefix(countedAnonymousTickets) where platform == r.number {
                r.addTicket(ticket, sign: -1, clock: clock)
            }
            r.setNewestInquiry(nil, file: number)
            for (key, values) in c.hours where key.platform == r.number { r.addHour(values, at: key, sign: -1) }
            for (key, totals) in c.days where key.platform == r.number {
                r.addSums(totals.values, day: key.day, sign: -1)
                r.detach(file: number, day: key.day)
            }
        }

        /// Adds what a journal recorded for the rollup's platform.
        func apply(_ journal: ContributionJournal, of number: UInt32, to r: inout PlatformRollup) {
            indexDeferredTickets(of: &r)
            let c = files[Int(number)]
            for key in journal.observedDays where key.platform == r.number { r.attach(file: number, day: key.day) }
            for (key, values) in journal.sums where key.platform == r.number {
                r.addSums(values, day: key.day, sign: 1)
            }
            for (key, values) in journal.hours where key.platform == r.number { r.addHour(values, at: key, sign: 1) }
            for (slot, replaced) in journal.posts {
                let key = c.posts.keys[Int(slot)]
                guard key.platform == r.number else { continue }
                let ref = RowRef(file: number, slot: slot)
                guard let replaced else {
                    applyPost(key, r.posts.add(key, ref, precedes: precedes), to: &r)
                    continue
                }
                if r.posts.winner(key) == ref {
                    r.addPost(replaced, key: key, sign: -1)
                    r.addPost(c.posts[slot], key: key, sign: 1)
                }
            }
            for (slot, replaced) in journal.tickets {
                let key = c.tickets.keys[Int(slot)]
                guard key.platform == r.number else { continue }
                let ref = RowRef(file: number, slot: slot)
                guard let replaced else {
                    applyTicket(r.tickets.add(key, ref, precedes: precedes), to: &r)
                    continue
                }
                if r.tickets.winner(key) == ref {
                    r.addTicket(replaced, sign: -1, clock: clock)
                    r.addTicket(c.tickets[slot], sign: 1, clock: clock)
                }
            }
            if let instant = c.newestTicket[r.number] { r.setNewestInquiry(instant, file: number) }
            refreshObservations(of: journal.observedDays, in: &r)
        }

        /// Decides the contested keys of file `number` again after its modification time moved,
        /// and its days' follower observations (the later file wins a tie).
        func reorder(_ number: UInt32, in r: inout PlatformRollup) {
            if r.posts.hasContestedKeys || r.tickets.hasContestedKeys {
                for (key, change) in r.posts.reorder(file: number, precedes: precedes) { applyPost(key, change, to: &r) }
                for (_, change) in r.tickets.reorder(file: number, precedes: precedes) { applyTicket(change, to: &r) }
            }
            refreshObservations(of: files[Int(number)].days.keys, in: &r)
        }

        private func applyPost(_ key: RowKey, _ change: UpsertIndex.Change, to r: inout PlatformRollup) {
            guard change.isChange else { return }
            if let before = change.before { r.addPost(files[Int(before.file)].posts[before.slot], key: key, sign: -1) }
            if let after = change.after { r.addPost(files[Int(after.file)].posts[after.slot], key: key, sign: 1) }
        }

        private func applyTicket(_ change: UpsertIndex.Change, to r: inout PlatformRollup) {
            guard change.isChange else { return }
            if let before = change.before { r.addTicket(files[Int(before.file)].tickets[before.slot], sign: -1, clock: clock) }
            if let after = change.after { r.addTicket(files[Int(after.file)].tickets[after.slot], sign: 1, clock: clock) }
        }

        /// Sets the follower observation and newest instant of the rollup's days among `days`
        /// from the files that have them.
        func refreshObservations(of days: some Sequence<PlatformDay>, in r: inout PlatformRollup) {
            for key in days where key.platform == r.number {
                r.refreshObservations(
                    day: key.day,
                    observation: { counted[Int($0)].isInUse ? files[Int($0)].days.observation(of: key) : nil },
                    precedes: precedes)
            }
        }

        /// Likewise for every day of the rollup's platform in these files.
        func refreshObservations(of numbers: [UInt32], in r: inout PlatformRollup) {
            var days: Set<PlatformDay> = []
            for number in numbers {
                for key in files[Int(number)].days.keys where key.platform == r.number { days.insert(key) }
            }
            refreshObservations(of: days, in: &r)
        }
    }
}
