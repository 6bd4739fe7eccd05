/// Everything one data file adds to the store, kept apart so that the file can be taken back
/// (truncated, replaced, deleted) without re-reading any other file.
///
/// Rows without an id are summed per (platform, day) as they arrive; rows with an id and
/// service records are kept compactly, the later line of the file replacing the earlier one,
/// so that upserts across files can be decided by the store. While the file is followed live,
/// a ``ContributionJournal`` records what changed since the store last took the changes.
public struct FileContribution: RecordSink, Sendable {
    /// At most this many rejections are kept per file (all are counted).
    public static let keptRejectionLimit = 1_000

    /// Path relative to the data directory.
    public let path: String
    /// Modification time in nanoseconds since the epoch; orders upserts across files.
    public var modificationTime: Int64
    /// The id and platform numbers rows are keyed by (the store's, when made for a store).
    public let interning: Interning
    /// Rows of days from this one on also keep hourly sums (for "today so far"); nil keeps none.
    public var hourlyFrom: Day? { hourlyRule?.from }
    /// Which rows keep hourly sums (shared with every file of the context); nil: none.
    let hourlyRule: HourlyRule?

    /// Sums of the rows without an id, and the followers and newest instant of every row, per
    /// (platform, day).
    private(set) var days = DaySums()
    /// Per platform, the fields the rows without an id have values for.
    private(set) var presence = PlatformTable<UInt32>()
    /// The currencies money values without an id came in, per platform.
    private(set) var currencies: Set<PlatformCurrency> = []
    /// Hourly sums of rows without an id of recent days.
    private(set) var hours: [PlatformHour: MetricValues] = [:]
    /// Rows with an id and service records. A file without them (most small exports) shares
    /// one empty box with every other such file instead of carrying empty tables of its own;
    /// its first record gives it a box of its own (copy on write).
    private var keptRecords = KeptRecords.emptyBox
    /// The numbers of the platforms the file has rows for.
    private(set) var platformNumbers = PlatformSet()
    public private(set) var rejections: [Rejection] = []
    public private(set) var rejectedCount = 0
    public private(set) var notes: [String] = []
    /// Valid rows read (metrics and service).
    public private(set) var rowCount = 0
    /// What changed since ``takeJournal()``, out of line; nil but while the file is followed.
    private var journal: CopyOnWriteBox<ContributionJournal>?
    /// What the file turned out to be (export, platforms, rows, days), for `kpitop check`;
    /// kept up to date by ``TrackedFile`` from its parser.
    public var summary = FileSummary()

    /// The previous row's platform and id, out of line; nil once the file is read.
    private var lookups: CopyOnWriteBox<LastLookups>?

    /// - Parameters:
    ///   - interning: the store's tables, so that its rows need no renumbering when added.
    ///   - hourlyFrom: rows of this day and later keep hourly sums (needs `clock`).
    public init(path: String, modificationTime: Int64 = 0, interning: Interning = Interning(),
                hourlyFrom: Day? = nil, clock: DayClock? = nil) {
        self.path = path
        self.modificationTime = modificationTime
        self.interning = interning
        hourlyRule = clock.flatMap { clock in hourlyFrom.map { HourlyRule(from: $0, clock: clock) } }
    }

    /// An empty contribution keeping hourly sums by `hourlyRule` (nil: none).
    init(path: String, modificationTime: Int64 = 0, interning: Interning, hourlyRule: HourlyRule?) {
        self.path = path
        self.modificationTime = modificationTime
        self.interning = interning
        self.hourlyRule = hourlyRule
    }

    /// The platform names this file has rows for (rejected rows aside).
    public var platforms: Set<String> {
        var numbers = Set<UInt16>(days.keys.map(\.platform))
        numbers.formUnion(posts.keys.map(\.platform))
        numbers.formUnion(tickets.keys.map(\.platform))
        numbers.formUnion(anonymousTickets.map(\.platform))
        return Set(interning.platforms.strings(numbers.map(UInt32.init)))
    }

    private(set) var posts: PostRows {
        _read { yield kept.posts }
        _modify { yield &kept.posts }
    }
    private(set) var tickets: TicketRows {
        _read { yield kept.tickets }
        _modify { yield &kept.tickets }
    }
    private(set) var anonymousTickets: [(platform: UInt16, ticket: StoredTicket)] {
        _read { yield kept.anonymousTickets }
        _modify { yield &kept.anonymousTickets }
    }
    /// Newest `opened_at` of the file's service records, per platform.
    private(set) var newestTicket: PlatformTable<Int64> {
        _read { yield kept.newestTicket }
        _modify { yield &kept.newestTicket }
    }

    /// The kept records, boxed on their first change.
    /// Without a branch: reading through an optional box copied all the records (every
    /// array retained and released) on each read, and a load of a million tickets took 2.4x
    /// the CPU.
    private var kept: KeptRecords {
        _read { yield keptRecords.value }
        _modify { yield &keptRecords.value }
    }

    // MARK: RecordSink

    public mutating func metrics(_ row: MetricsRow) {
        guard let platform = platformNumber(row.platform, line: row.line) else { return }
        guard let id = row.id else { return addSums(of: row, rows: 1, platform: platform) }
        let key = PlatformDay(platform: platform, day: row.day)
        // Read where it is: a method of `self` copied all of it per row.
        let hour = hourlyRule?.hour(of: row)
        guard let number = idNumber(id),
              let rowKey = RowKey(platform: platform, id: number, day: row.isLifetimeSnapshot ? nil : row.day)
        else { return rejected(line: row.line, reason: "too many distinct ids, or a day out of range") }
        rowCount += 1
        if journal != nil {
            let (slot, replaced) = posts.upsert(rowKey, row.values, day: row.day, hour: hour, currency: row.currency,
                                                title: row.title)
            journal!.value.recordPost(slot, replaced: replaced, day: key)
        } else {
            _ = posts.set(rowKey, row.values, day: row.day, hour: hour, currency: row.currency, title: row.title)
        }
        if !row.facts.isEmpty, let post = RowKey(platform: platform, id: number, day: nil) {
            posts.note(row.facts, of: post)
        }
        if row.followers != nil || !recent.observedDays.holds(key, atOrAfter: row.time) {
            var newest = Int64.min
            days.modify(key) { totals in
                totals.observe(row)
                newest = totals.newestTime
            }
            recent.observedDays.note(key, newest: newest)
        }
    }

    /// The file sums rows without an id: a run of them may come as one.
    public static var takesRunsOfRows: Bool { true }

    public mutating func metrics(_ row: MetricsRow, rows: Int) {
        precondition(row.id == nil, "a run of rows with an id")
        guard let platform = platformNumber(row.platform, line: row.line, rows: rows) else { return }
        addSums(of: row, rows: rows, platform: platform)
    }

    /// Adds `row`, without an id, the sum of `rows` rows, to the sums of its platform and day.
    private mutating func addSums(of row: MetricsRow, rows: Int, platform: UInt16) {
        let key = PlatformDay(platform: platform, day: row.day)
        let hour = hourlyRule?.hour(of: row)
        rowCount += rows
        days.modify(key) { $0.add(row) }
        let present = row.values.present
        if present & ~recent.platform!.presence != 0 {
            presence[platform, default: 0] |= present
            recent.platform!.presence = presence[platform]!
        }
        if let currency = row.currency, present & MetricField.moneyBits != 0 {
            currencies.insert(PlatformCurrency(platform: platform, currency: currency))
        }
        if let hour { hours[PlatformHour(platform: platform, day: row.day, hour: hour), default: .zero].add(row.values) }
        journal?.value.recordSums(row.values, day: key, hour: hour)
    }

    public mutating func service(_ row: ServiceRow) {
        guard let platform = platformNumber(row.platform, line: row.line) else { return }
        let ticket = Self.ticket(row.values)
        guard var id = row.id else { return addAnonymousTicket(ticket, platform: platform) }
        let numbering = id.withUTF8 { interning.ids.numbering(utf8: $0) }
        if numbering?.isNew == true { recent.newIDs += 1 }
        addTicket(ticket, platform: platform, numbering: numbering, line: row.line)
    }

    /// The records of `batch` as ``service(_:)`` keeps them one by one, their ids numbered
    /// together (``IDTable/numbering(utf8:into:)``).
    public mutating func services(_ batch: ServiceRecordBatch) {
        guard let first = batch.records.first else { return }
        guard let platform = platformNumber(batch.platform, line: first.line) else {
            for record in batch.records.dropFirst() { _ = platformNumber(batch.platform, line: record.line) }
            return
        }
        let ids = [UnsafeBufferPointer<UInt8>](unsafeUninitializedCapacity: batch.records.count) { ids, count in
            for record in batch.records {
                guard let id = record.id else { continue }
                ids.initializeElement(at: count, to: id.assumingMemoryBound(to: UInt8.self))
                count += 1
            }
        }
        var numberings = [(number: UInt32, isNew: Bool)?](repeating: nil, count: ids.count)
        ids.withUnsafeBufferPointer { texts in
            numberings.withUnsafeMutableBufferPointer { interning.ids.numbering(utf8: texts, into: $0) }
        }
        recent.newIDs += numberings.count { $0?.isNew == true }
        // Counted for the batch at once (``noteTicket(_:platform:)`` one by one).
        var nextID = 0, newest = Int64.min
        for record in batch.records {
            let ticket = Self.ticket(record.values)
            newest = max(newest, ticket.openedAt)
            guard record.id != nil else {
                anonymousTickets.append((platform, ticket))
                continue
            }
            storeTicket(ticket, platform: platform, numbering: numberings[nextID], line: record.line)
            nextID += 1
        }
        rowCount += batch.records.count
        newestTicket[platform] = max(newestTicket[platform] ?? .min, newest)
    }

    /// What the store keeps of a service record's values.
    private static func ticket(_ values: ServiceValues) -> StoredTicket {
        StoredTicket(openedAt: values.openedAt, firstResponseAt: values.firstResponseAt, resolvedAt: values.resolvedAt,
                     satisfied: values.csat.map { $0 >= 4 }, sentiment: values.sentiment)
    }

    /// Keeps a service record of `platform` without an id.
    private mutating func addAnonymousTicket(_ ticket: StoredTicket, platform: UInt16) {
        noteTicket(ticket, platform: platform)
        anonymousTickets.append((platform, ticket))
    }

    /// Counts and keeps a service record of `platform` whose id got `numbering` (see
    /// ``storeTicket(_:platform:numbering:line:)``).
    private mutating func addTicket(_ ticket: StoredTicket, platform: UInt16, numbering: (number: UInt32, isNew: Bool)?,
                                    line: Int) {
        noteTicket(ticket, platform: platform)
        storeTicket(ticket, platform: platform, numbering: numbering, line: line)
    }

    /// Keeps a service record of `platform` whose id got `numbering` (nil: the id table is
    /// full), not counted yet; a later record with the same id replaces it.
    private mutating func storeTicket(_ ticket: StoredTicket, platform: UInt16, numbering: (number: UInt32, isNew: Bool)?,
                                      line: Int) {
        guard let (number, isNew) = numbering, let key = RowKey(platform: platform, id: number, day: nil)
        else { return rejected(line: line, reason: "too many distinct ids") }
        let (slot, replaced) = isNew ? (tickets.insertNew(key, ticket), nil) : tickets.upsert(key, ticket)
        journal?.value.recordTicket(slot, replaced: replaced)
    }

    /// Counts a service record and its `opened_at`.
    private mutating func noteTicket(_ ticket: StoredTicket, platform: UInt16) {
        rowCount += 1
        newestTicket[platform] = max(newestTicket[platform] ?? .min, ticket.openedAt)
    }

    public mutating func rejected(line: Int, reason: String) {
        rejectedCount += 1
        if rejections.count < Self.keptRejectionLimit {
            rejections.append(Rejection(file: path, line: line, reason: reason))
        }
    }

    public mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    /// Packs its day sums, lets the previous row's lookups go and gives back the room its tables
    /// hold beyond their rows (once the file is read).
    mutating func shrinkToFit() {
        days.pack()
        lookups = nil
        if !kept.isEmpty { kept.shrinkToFit() }
    }

    // MARK: Room for a large file's rows

    /// What the rows with ids take and the ids numbered so far: given back to
    /// ``reserveRoom(since:bytesRead:bytesLeft:ids:)`` once some bytes are read.
    var rowsSize: RowsSize {
        RowsSize(posts: posts.size, tickets: tickets.count, newIDs: lookups?.value.newIDs ?? 0)
    }

    /// What a file's rows with ids take, and the ids it numbered first (see ``rowsSize``).
    struct RowsSize {
        var posts = PostRows.Size()
        var tickets = 0
        var newIDs = 0
    }

    /// Post rows are sized from no fewer bytes than this (a cut file's first part, not its 64 KiB
    /// head): a file's post rows come a post's days at a time, and sized once from the head and
    /// again from the first part, the arrays of 1M post rows took 58.0K page faults against
    /// 52.9K sized once from the first part's first 1 MiB.
    static let bytesToSizePosts = 1 << 20

    /// Makes room for what `bytesLeft` more bytes of the file will bring, at the rate the last
    /// `bytesRead` bytes brought it (the rows took `before` then), with a sixteenth more: in the
    /// rows with ids (posts and inquiries), so that a large file's arrays do not double, each
    /// time copied to fresh pages, while it is read, and the room left over is small enough to
    /// be kept once it is read (see `Array.shrinkToFit()`); and, with `ids`, in the id table
    /// for the ids those bytes will number (see ``IDReservation``). Nothing is reserved from
    /// fewer than 256 rows read (a small file reserves nothing), and post rows not from fewer
    /// than ``bytesToSizePosts`` bytes.
    mutating func reserveRoom(since before: RowsSize, bytesRead: Int, bytesLeft: Int64, ids: IDReservation? = nil) {
        let now = rowsSize
        let rows = now.posts.rows - before.posts.rows + now.tickets - before.tickets
        guard bytesLeft > 0, bytesRead > 0, rows >= 256 else { return }
        let scale = Double(bytesLeft) / Double(bytesRead) * 17 / 16
        func more(_ now: Int, _ before: Int) -> Int { now + Int(Double(max(0, now - before)) * scale) }
        if now.posts.rows > before.posts.rows, bytesRead >= Self.bytesToSizePosts {
            posts.reserveCapacity(PostRows.Size(rows: more(now.posts.rows, before.posts.rows),
                                                values: more(now.posts.values, before.posts.values),
                                                posts: more(now.posts.posts, before.posts.posts)))
        }
        if now.tickets > before.tickets { tickets.reserveCapacity(more(now.tickets, before.tickets)) }
        ids?.expect(more(now.newIDs, before.newIDs) - before.newIDs)
    }

    // MARK: Journal

    /// True once ``startJournal()`` was called.
    var isJournaling: Bool { journal != nil }

    /// Starts recording changes (the store calls this once it has added the file).
    mutating func startJournal() {
        journal = CopyOnWriteBox(ContributionJournal(anonymousTicketsBefore: anonymousTickets.count))
    }

    /// The changes since the last call (or since ``startJournal()``), and a fresh journal.
    mutating func takeJournal() -> ContributionJournal? {
        guard let taken = journal?.value else { return nil }
        journal!.value = ContributionJournal(anonymousTicketsBefore: anonymousTickets.count)
        return taken
    }

    // MARK: Parts read in parallel

    /// Adds the contribution of the part of this file that follows what was read here (read
    /// on its own, in parallel): its rows come after this one's, and its line numbers count
    /// from the part's start, so they are shifted by `linesBefore`. Integer sums make the
    /// result exactly that of reading the file in one go.
    mutating func append(_ later: FileContribution, linesBefore: Int) {
        precondition(later.interning === interning && journal == nil)
        for (key, totals) in later.days { days.modify(key) { $0.add(totals) } }
        for (platform, bits) in later.presence { presence[platform, default: 0] |= bits }
        currencies.formUnion(later.currencies)
        for (key, values) in later.hours { hours[key, default: .zero].add(values) }
        if later.posts.count > 0 { posts.append(later.posts) }
        for (post, facts) in later.posts.allFacts { posts.note(facts, of: post) }
        if later.tickets.count > 0 { tickets.append(later.tickets) }
        if !later.anonymousTickets.isEmpty { anonymousTickets += later.anonymousTickets }
        for (platform, instant) in later.newestTicket { newestTicket[platform] = max(newestTicket[platform] ?? .min, instant) }
        for rejection in later.rejections where rejections.count < Self.keptRejectionLimit {
            rejections.append(Rejection(file: path, line: rejection.line + linesBefore, reason: rejection.reason))
        }
        rejectedCount += later.rejectedCount
        for text in later.notes { note(text) }
        rowCount += later.rowCount
        platformNumbers.formUnion(later.platformNumbers)
        lookups = nil
    }

    // MARK: Restart cache

    /// True when the file has no rows with ids and no tickets: all it adds is sums, which the
    /// restart cache can keep (``CachedContribution``).
    var holdsOnlySums: Bool { kept.isEmpty }

    /// A file's contribution as the restart cache kept it: sums and findings, in this run's
    /// platform numbers (see ``CachedContribution/contribution(path:modificationTime:context:)``).
    init(path: String, modificationTime: Int64, context: IngestContext, days: DaySums,
         presence: [UInt16: UInt32], currencies: Set<PlatformCurrency>, hours: [PlatformHour: MetricValues],
         platformNumbers: Set<UInt16>, rejections: [Rejection], rejectedCount: Int, notes: [String],
         rowCount: Int, summary: FileSummary) {
        self.init(path: path, modificationTime: modificationTime, interning: context.interning,
                  hourlyRule: context.hourlyRule)
        self.days = days
        self.presence = PlatformTable(presence)
        self.currencies = currencies
        self.hours = hours
        self.platformNumbers = PlatformSet(platformNumbers)
        self.rejections = rejections
        self.rejectedCount = rejectedCount
        self.notes = notes
        self.rowCount = rowCount
        self.summary = summary
    }

    // MARK: Helpers

    /// The number of an id; the previous row's id (rows of a post often follow each other)
    /// is looked up without the shared table.
    private mutating func idNumber(_ id: String) -> UInt32? {
        if let last = lookups?.value.id, last.text == id { return last.number }
        guard let (number, isNew) = interning.ids.numbering(id) else { return nil }
        recent.id = (id, number)
        if isNew { recent.newIDs += 1 }
        return number
    }

    /// The number of the platform `name` of the `rows` rows from `line` on; nil, each of them
    /// rejected, when there are too many platforms.
    private mutating func platformNumber(_ name: String, line: Int, rows: Int = 1) -> UInt16? {
        if let last = lookups?.value.platform, last.name == name { return last.number }
        guard let number = interning.platforms.number(for: name) else {
            for line in line..<(line + rows) { rejected(line: line, reason: "more than \(Interning.platformLimit) platform names") }
            return nil
        }
        recent.platform = (name, UInt16(number), presence[UInt16(number)] ?? 0)
        platformNumbers.insert(UInt16(number))
        return UInt16(number)
    }

    /// The previous row's lookups, made on first use.
    private var recent: LastLookups {
        _read { yield lookups?.value ?? LastLookups() }
        _modify {
            if lookups == nil { lookups = CopyOnWriteBox(LastLookups()) }
            yield &lookups!.value
        }
    }
}

extension MetricField {
    /// The bits of the money fields.
    static let moneyBits: UInt32 = allCases.filter(\.isMoney).reduce(0) { $0 | $1.bit }
}

extension FileContribution {
    /// The same contribution with its ids and platforms numbered in `other` (for a file read
    /// apart from the store it joins, as tests do).
    func renumbered(into other: Interning) -> FileContribution {
        var copy = FileContribution(path: path, modificationTime: modificationTime, interning: other,
                                    hourlyRule: hourlyRule)
        let platformNames = interning.platforms.strings(0..<UInt32(interning.platforms.count))
        let platform = { (old: UInt16) in UInt16(other.platforms.number(for: platformNames[Int(old)])!) }
        let key = { (old: RowKey) in
            RowKey(platform: platform(old.platform), id: other.ids.number(for: interning.ids.string(old.id))!, day: old.day)!
        }
        for (k, totals) in days { copy.days.modify(PlatformDay(platform: platform(k.platform), day: k.day)) { $0 = totals } }
        for (p, bits) in presence { copy.presence[platform(p)] = bits }
        copy.currencies = Set(currencies.map { PlatformCurrency(platform: platform($0.platform), currency: $0.currency) })
        for (k, values) in hours { copy.hours[PlatformHour(platform: platform(k.platform), day: k.day, hour: k.hour)] = values }
        for slot in 0..<Int32(posts.count) {
            let row = posts[slot]
            _ = copy.posts.upsert(key(posts.keys[Int(slot)]), row, title: posts.titles[row.title])
        }
        for (post, facts) in posts.allFacts { copy.posts.note(facts, of: key(post)) }
        for slot in 0..<Int32(tickets.count) { _ = copy.tickets.upsert(key(tickets.keys[Int(slot)]), tickets[slot]) }
        for (p, ticket) in anonymousTickets { copy.anonymousTickets.append((platform(p), ticket)) }
        for (p, instant) in newestTicket { copy.newestTicket[platform(p)] = instant }
        copy.platformNumbers = PlatformSet(platformNumbers.map(platform))
        copy.rejections = rejections
        copy.rejectedCount = rejectedCount
        copy.notes = notes
        copy.rowCount = rowCount
        return copy
    }
}
