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

    private struct StoredFile: Sendable {
        var contribution: FileContribution
        let isPendingLine: Bool
        /// What the rollups count of the file's presence, currencies, rejections and inquiries
        /// without an id, to add only the difference when the file grows.
        var countedPresence: [UInt16: UInt32] = [:]
        var countedCurrencies: Set<PlatformCurrency> = []
        var countedRejections = 0
        var countedAnonymousTickets = 0
    }

    /// Files by number (an array, so that reading a row copies nothing); nil = a free number.
    private var files: [StoredFile?] = []
    /// Numbers of files taken out, to give again.
    private var freeNumbers: [UInt32] = []
    private var orders: [UInt32: FileOrder] = [:]
    private var numbers: [String: UInt32] = [:]
    private var rollups: [UInt16: PlatformRollup] = [:]
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
        files.compactMap { $0 }.flatMap(\.contribution.rejections).sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Each data file's notes (things worth saying once), in path order.
    public var notes: [(file: String, note: String)] {
        files.compactMap { $0 }.filter { !$0.isPendingLine && !$0.contribution.notes.isEmpty }
            .sorted { $0.contribution.path < $1.contribution.path }
            .flatMap { file in file.contribution.notes.map { (file.contribution.path, $0) } }
    }

    /// The contributions of the data files, by path.
    public var contributions: [String: FileContribution] {
        Dictionary(uniqueKeysWithValues: files.compactMap { $0 }.filter { !$0.isPendingLine }.map { ($0.contribution.path, $0.contribution) })
    }

    /// True when the store has the file.
    public func contains(path: String) -> Bool { numbers[path] != nil }

    /// The row a winning ``RowRef`` of ``PlatformRollup/posts`` points at.
    func post(_ ref: RowRef) -> StoredPost { files[Int(ref.file)]!.contribution.posts[ref.slot] }

    /// The title of that row.
    func title(_ ref: RowRef, number: UInt32) -> String? { files[Int(ref.file)]!.contribution.posts.titles[number] }

    /// One field of that row, in units.
    func postUnits(_ field: MetricField, _ ref: RowRef) -> Int64? {
        files[Int(ref.file)]!.contribution.posts.units(of: field, in: ref.slot)
    }

    /// A snapshot of every KPI for a request.
    public func snapshot(_ request: SnapshotRequest) -> KPISnapshot {
        KPICalculator(store: self).snapshot(request)
    }

    // MARK: Changing

    /// Adds a file's contribution, replacing the one the store had for its path.
    public mutating func set(_ contribution: FileContribution) {
        remove(path: contribution.path)
        add(contribution, isPendingLine: false)
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
        if files[Int(number)]!.contribution.journal == nil { files[Int(number)]!.contribution.startJournal() }
        body(&files[Int(number)]!.contribution)
        sync(number)
        return true
    }

    /// Counts a followed file's last line that has no newline yet as if it were complete
    /// (`pending`: what that line alone contributes), or stops counting it (nil).
    public mutating func setPendingLine(_ pending: FileContribution?, for path: String) {
        let key = path + "\u{0}"
        if let number = numbers.removeValue(forKey: key) { take(number) }
        if let pending { add(pending, isPendingLine: true) }
    }

    private mutating func add(_ given: FileContribution, isPendingLine: Bool) {
        let contribution = given.interning === interning ? given : given.renumbered(into: interning)
        let number: UInt32
        if let free = freeNumbers.popLast() {
            number = free
            files[Int(number)] = StoredFile(contribution: contribution, isPendingLine: isPendingLine)
        } else {
            number = UInt32(files.count)
            files.append(StoredFile(contribution: contribution, isPendingLine: isPendingLine))
        }
        numbers[contribution.path + (isPendingLine ? "\u{0}" : "")] = number
        orders[number] = FileOrder(modificationTime: contribution.modificationTime, path: contribution.path,
                                   isPendingLine: isPendingLine)
        if !isPendingLine { fileCount += 1 }

        var observed: Set<PlatformDay> = []
        for (key, totals) in contribution.days {
            modifyRollup(key.platform) { r in
                r.attach(file: number, day: key.day)
                r.addSums(totals.values, day: key.day, sign: 1)
            }
            observed.insert(key)
        }
        for (key, values) in contribution.hours {
            modifyRollup(key.platform) { $0.addHour(values, at: key, sign: 1) }
        }
        for slot in 0..<Int32(contribution.posts.count) {
            offerPost(contribution.posts.keys[Int(slot)], RowRef(file: number, slot: slot))
        }
        for slot in 0..<Int32(contribution.tickets.count) {
            offerTicket(contribution.tickets.keys[Int(slot)], RowRef(file: number, slot: slot))
        }
        countGrowth(number)
        refreshObservations(observed)
    }

    /// Takes a file (or pending line) out of every rollup.
    private mutating func take(_ number: UInt32) {
        let clock = self.clock
        let stored = files[Int(number)]!
        let contribution = stored.contribution
        for key in contribution.posts.keys {
            let change = modifyRollup(key.platform) { $0.posts.remove(key, file: number) }
            applyPostChange(key, change)
        }
        for key in contribution.tickets.keys {
            let change = modifyRollup(key.platform) { $0.tickets.remove(key, file: number) }
            applyTicketChange(key, change)
        }
        for (platform, ticket) in contribution.anonymousTickets.prefix(stored.countedAnonymousTickets) {
            modifyRollup(platform) { $0.addTicket(ticket, sign: -1, clock: clock) }
        }
        for platform in contribution.newestTicket.keys {
            modifyRollup(platform) { $0.setNewestInquiry(nil, file: number) }
        }
        for (platform, bits) in stored.countedPresence {
            modifyRollup(platform) { $0.countFields(bits, sign: -1) }
        }
        for pair in stored.countedCurrencies {
            modifyRollup(pair.platform) { $0.countCurrency(pair.currency, sign: -1) }
        }
        for (key, values) in contribution.hours {
            modifyRollup(key.platform) { $0.addHour(values, at: key, sign: -1) }
        }
        for (key, totals) in contribution.days {
            modifyRollup(key.platform) { r in
                r.addSums(totals.values, day: key.day, sign: -1)
                r.detach(file: number, day: key.day)
            }
        }
        rejectedRows -= stored.countedRejections
        if !stored.isPendingLine { fileCount -= 1 }
        files[Int(number)] = nil
        freeNumbers.append(number)
        orders[number] = nil
        refreshObservations(Set(contribution.days.keys))
        for (platform, rollup) in rollups where rollup.isEmpty { rollups[platform] = nil }
    }

    /// Counts what a file's journal recorded since the last time.
    private mutating func sync(_ number: UInt32) {
        let clock = self.clock
        guard let journal = files[Int(number)]!.contribution.takeJournal() else { return }
        let contribution = files[Int(number)]!.contribution
        for key in journal.observedDays {
            modifyRollup(key.platform) { $0.attach(file: number, day: key.day) }
        }
        for (key, values) in journal.sums {
            modifyRollup(key.platform) { $0.addSums(values, day: key.day, sign: 1) }
        }
        for (key, values) in journal.hours {
            modifyRollup(key.platform) { $0.addHour(values, at: key, sign: 1) }
        }
        for (slot, replaced) in journal.posts {
            let key = contribution.posts.keys[Int(slot)]
            let ref = RowRef(file: number, slot: slot)
            guard let replaced else {
                offerPost(key, ref)
                continue
            }
            if rollups[key.platform]?.posts.winner(key) == ref {
                let row = contribution.posts[slot]
                modifyRollup(key.platform) { r in
                    r.addPost(replaced, key: key, sign: -1)
                    r.addPost(row, key: key, sign: 1)
                }
            }
        }
        for (slot, replaced) in journal.tickets {
            let key = contribution.tickets.keys[Int(slot)]
            let ref = RowRef(file: number, slot: slot)
            guard let replaced else {
                offerTicket(key, ref)
                continue
            }
            if rollups[key.platform]?.tickets.winner(key) == ref {
                let ticket = contribution.tickets[slot]
                modifyRollup(key.platform) { r in
                    r.addTicket(replaced, sign: -1, clock: clock)
                    r.addTicket(ticket, sign: 1, clock: clock)
                }
            }
        }
        countGrowth(number)
        refreshObservations(journal.observedDays)
        let order = FileOrder(modificationTime: contribution.modificationTime, path: contribution.path,
                              isPendingLine: files[Int(number)]!.isPendingLine)
        if order != orders[number] {
            orders[number] = order
            reorder(number)
        }
    }

    /// Counts the presence, currencies, inquiries without an id, newest inquiry instants and
    /// rejections a file has beyond what is counted.
    private mutating func countGrowth(_ number: UInt32) {
        let clock = self.clock
        var stored = files[Int(number)]!
        let contribution = stored.contribution
        for (platform, bits) in contribution.presence {
            let new = bits & ~(stored.countedPresence[platform] ?? 0)
            guard new != 0 else { continue }
            modifyRollup(platform) { $0.countFields(new, sign: 1) }
            stored.countedPresence[platform, default: 0] |= new
        }
        for pair in contribution.currencies.subtracting(stored.countedCurrencies) {
            modifyRollup(pair.platform) { $0.countCurrency(pair.currency, sign: 1) }
            stored.countedCurrencies.insert(pair)
        }
        for (platform, ticket) in contribution.anonymousTickets.dropFirst(stored.countedAnonymousTickets) {
            modifyRollup(platform) { $0.addTicket(ticket, sign: 1, clock: clock) }
        }
        stored.countedAnonymousTickets = contribution.anonymousTickets.count
        for (platform, instant) in contribution.newestTicket {
            modifyRollup(platform) { $0.setNewestInquiry(instant, file: number) }
        }
        rejectedRows += contribution.rejectedCount - stored.countedRejections
        stored.countedRejections = contribution.rejectedCount
        files[Int(number)] = stored
    }

    // MARK: Upserts

    private mutating func offerPost(_ key: RowKey, _ ref: RowRef) {
        let orders = self.orders
        let change = modifyRollup(key.platform) { $0.posts.add(key, ref) { orders[$0]! < orders[$1]! } }
        applyPostChange(key, change)
    }

    private mutating func offerTicket(_ key: RowKey, _ ref: RowRef) {
        let orders = self.orders
        let change = modifyRollup(key.platform) { $0.tickets.add(key, ref) { orders[$0]! < orders[$1]! } }
        applyTicketChange(key, change)
    }

    private mutating func applyPostChange(_ key: RowKey, _ change: UpsertIndex.Change) {
        guard change.isChange else { return }
        let before = change.before.map(post)
        let after = change.after.map(post)
        modifyRollup(key.platform) { r in
            if let before { r.addPost(before, key: key, sign: -1) }
            if let after { r.addPost(after, key: key, sign: 1) }
        }
    }

    private mutating func applyTicketChange(_ key: RowKey, _ change: UpsertIndex.Change) {
        let clock = self.clock
        guard change.isChange else { return }
        let before = change.before.map { files[Int($0.file)]!.contribution.tickets[$0.slot] }
        let after = change.after.map { files[Int($0.file)]!.contribution.tickets[$0.slot] }
        modifyRollup(key.platform) { r in
            if let before { r.addTicket(before, sign: -1, clock: clock) }
            if let after { r.addTicket(after, sign: 1, clock: clock) }
        }
    }

    /// Decides the contested keys of a file again after its modification time moved.
    private mutating func reorder(_ number: UInt32) {
        let orders = self.orders
        let precedes = { (a: UInt32, b: UInt32) in orders[a]! < orders[b]! }
        for platform in rollups.keys where rollups[platform]!.posts.hasContestedKeys || rollups[platform]!.tickets.hasContestedKeys {
            let postChanges = modifyRollup(platform) { $0.posts.reorder(file: number, precedes: precedes) }
            for (key, change) in postChanges { applyPostChange(key, change) }
            let ticketChanges = modifyRollup(platform) { $0.tickets.reorder(file: number, precedes: precedes) }
            for (key, change) in ticketChanges { applyTicketChange(key, change) }
        }
        refreshObservations(Set(files[Int(number)]!.contribution.days.keys))
    }

    /// Sets the follower observation and newest instant of these days from their files.
    private mutating func refreshObservations(_ days: Set<PlatformDay>) {
        guard !days.isEmpty else { return }
        let orders = self.orders
        let files = self.files
        for key in days where rollups.index(forKey: key.platform) != nil {
            rollups[key.platform]!.refreshObservations(
                day: key.day,
                observation: { files[Int($0)]?.contribution.days[key] },
                precedes: { orders[$0]! < orders[$1]! })
        }
    }

    /// Runs `change` on a platform's rollup, made when the platform is new.
    @discardableResult
    private mutating func modifyRollup<T>(_ platform: UInt16, _ change: (inout PlatformRollup) -> T) -> T {
        if rollups.index(forKey: platform) == nil {
            rollups[platform] = PlatformRollup(name: interning.platforms.string(UInt32(platform)), number: platform)
        }
        return change(&rollups[platform]!)
    }
}
