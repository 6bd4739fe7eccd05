/// A metrics row with an id as a file keeps it: only what windows, upserts and post lists need.
struct StoredPost: Sendable, Equatable {
    var values: MetricValues
    /// The row's day (for a lifetime snapshot, the file's export day).
    var day: Day
    /// Hour of the day (0...23) when the row has a time of day and a recent day, else nil.
    var hour: UInt8?
    var currency: Currency?
    /// The title's number in the file's ``PostRows/titles`` (0 = none).
    var title: UInt32
}

/// A file's rows with an id, upserted by ``RowKey`` (the later line wins), stored compactly: a
/// few parallel arrays, and the present values of each row packed one after another (in 32
/// bits each when they all fit, else in 64). Arrays most files do not need (a day apart from
/// the key's, a currency, an hour) stay empty until a row needs them.
///
/// A post's rows usually arrive together, day after day. While the rows of the last post (the
/// trailing run) are its first and their days ascend, a row of that post is found, or known to
/// be new, without a lookup, and a post met for the first time costs one lookup of the post,
/// not of each row: the slot index of every row is made only when a post's rows come back
/// after other posts' rows, or out of order.
struct PostRows: Sendable {
    /// Slots by ``RowKey/raw``; holds every key only while ``isIndexed``.
    private var slotOf = KeyTable<Int32>(filler: 0)
    /// True when ``slotOf`` holds every key: made when a row cannot be found by its run,
    /// given up once the file is read (``shrinkToFit()``).
    private var isIndexed = false
    /// Every post (a key without its day, see ``post(of:)``) with a row here, while
    /// ``tracksRuns``; the value is not used.
    private var postsSeen = KeyTable<Bool>(filler: false)
    /// True while ``postsSeen`` holds every post and ``runStart`` and ``runIsFresh`` describe
    /// the trailing run; given up once the file is read (rows appended later use the index).
    private var tracksRuns = true
    /// The slot of the first row of the trailing run (the last rows, of one post).
    private var runStart = 0
    /// True when the trailing run's post had no rows before the run and the run's keys ascend.
    private var runIsFresh = false
    private(set) var keys: [RowKey] = []
    /// The row's fields; bit 31 set when its values take 64 bits each.
    private var present: [UInt32] = []
    private var valueStart: [UInt32] = []
    /// Days by slot; empty while every row's day is its key's.
    private var days: [Int32] = []
    private var titleNumbers: [UInt32] = []
    /// Packed currencies by slot (0 = none); empty while no row has one.
    private var currencies: [UInt32] = []
    /// Hours by slot (``noHour`` = none); empty while no row has one.
    private var hours: [UInt8] = []
    /// The present values of every row, in field order, row after row.
    private var values: [Int32] = []
    /// Values no row points at any more (left behind by replaced rows).
    private var unused = 0
    private(set) var titles = StringTable()
    /// What the file says about its posts (publish time, type, link), by the post's
    /// ``RowKey`` without a day; empty for files without such columns.
    private var facts: [UInt64: StoredPostFacts] = [:]
    private var types = StringTable()
    private var links = StringTable()

    private static let noHour: UInt8 = .max
    private static let wide: UInt32 = 1 << 31

    var count: Int { keys.count }

    /// How many rows, packed values and posts a file's rows with ids take: what reading part
    /// of a file added tells how much room the rest will need (``reserveCapacity(_:)``).
    struct Size {
        var rows = 0
        var values = 0
        var posts = 0
    }

    /// The rows, packed values and posts (while runs are tracked) held.
    var size: Size { Size(rows: keys.count, values: values.count, posts: postsSeen.count) }

    /// Makes room for `size` in all, so that the arrays do not grow (a copy and fresh pages
    /// each time they double) until they hold that much. Room beyond what the rows come to use
    /// is never touched, so it takes no memory but its addresses.
    mutating func reserveCapacity(_ size: Size) {
        keys.reserveCapacity(size.rows)
        present.reserveCapacity(size.rows)
        valueStart.reserveCapacity(size.rows)
        titleNumbers.reserveCapacity(size.rows)
        if !days.isEmpty { days.reserveCapacity(size.rows) }
        if !currencies.isEmpty { currencies.reserveCapacity(size.rows) }
        if !hours.isEmpty { hours.reserveCapacity(size.rows) }
        values.reserveCapacity(size.values)
        if tracksRuns { postsSeen.reserveCapacity(size.posts) }
    }

    /// The row in `slot`.
    subscript(slot: Int32) -> StoredPost {
        let i = Int(slot)
        var unpacked = MetricValues(present: present[i] & ~Self.wide)
        var next = Int(valueStart[i])
        let isWide = present[i] & Self.wide != 0
        var bits = present[i] & ~Self.wide
        while bits != 0 {
            let lane = bits.trailingZeroBitCount
            unpacked.units[lane] = isWide ? Self.load64(values, next) : Int64(values[next])
            next += isWide ? 2 : 1
            bits &= bits - 1
        }
        return StoredPost(values: unpacked, day: day(at: i), hour: hour(at: i), currency: currency(at: i),
                          title: titleNumbers[i])
    }

    private func day(at i: Int) -> Day { days.isEmpty ? keys[i].day! : Day(number: days[i]) }
    private func hour(at i: Int) -> UInt8? { hours.isEmpty || hours[i] == Self.noHour ? nil : hours[i] }
    private func currency(at i: Int) -> Currency? {
        currencies.isEmpty || currencies[i] == 0 ? nil : Currency(packed: currencies[i])
    }

    /// One field's value in `slot`, in units; nil when the row lacks it.
    func units(of field: MetricField, in slot: Int32) -> Int64? {
        let i = Int(slot)
        let bits = present[i]
        guard bits & field.bit != 0 else { return nil }
        let before = (bits & ~Self.wide & (field.bit - 1)).nonzeroBitCount
        return bits & Self.wide != 0 ? Self.load64(values, Int(valueStart[i]) + 2 * before)
            : Int64(values[Int(valueStart[i]) + before])
    }

    /// Stores a row under `key` (a later one replaces an earlier one); returns its slot and the
    /// row it replaced.
    mutating func upsert(_ key: RowKey, _ row: StoredPost, title: String?) -> (slot: Int32, replaced: StoredPost?) {
        upsert(key, row.values, day: row.day, hour: row.hour, currency: row.currency, title: title)
    }

    /// Stores a row of `values` under `key` (a later one replaces an earlier one); returns its
    /// slot and the row it replaced.
    mutating func upsert(_ key: RowKey, _ rowValues: MetricValues, day: Day, hour: UInt8?, currency: Currency?,
                         title: String?) -> (slot: Int32, replaced: StoredPost?) {
        guard let slot = storedSlot(of: key) else {
            return (append(key, rowValues, day: day, hour: hour, currency: currency, title: title), nil)
        }
        let replaced = self[slot]
        replace(slot, rowValues, day: day, hour: hour, currency: currency, title: title)
        return (slot, replaced)
    }

    /// Stores a row of `values` under `key`, as ``upsert(_:_:day:hour:currency:title:)`` does,
    /// without unpacking the row it replaces; returns its slot.
    mutating func set(_ key: RowKey, _ rowValues: MetricValues, day: Day, hour: UInt8?, currency: Currency?,
                      title: String?) -> Int32 {
        guard let slot = storedSlot(of: key) else {
            return append(key, rowValues, day: day, hour: hour, currency: currency, title: title)
        }
        replace(slot, rowValues, day: day, hour: hour, currency: currency, title: title)
        return slot
    }

    /// Writes the row of `values` in `slot` in place of the row there.
    private mutating func replace(_ slot: Int32, _ rowValues: MetricValues, day: Day, hour: UInt8?, currency: Currency?,
                                  title: String?) {
        let titleNumber = title.map { titles.number(for: $0) } ?? 0
        let i = Int(slot)
        write(rowValues, into: i, reusing: Self.length(present[i]))
        setDetails(of: i, day: day, hour: hour, currency: currency, title: titleNumber)
    }

    /// Appends a row of `values` under `key`, which is not stored yet; returns its slot.
    private mutating func append(_ key: RowKey, _ rowValues: MetricValues, day: Day, hour: UInt8?, currency: Currency?,
                                 title: String?) -> Int32 {
        let titleNumber = title.map { titles.number(for: $0) } ?? 0
        let slot = appendKey(key)
        let i = Int(slot)
        valueStart[i] = UInt32(values.count)
        present[i] = Self.appendPacked(rowValues, to: &values)
        setDetails(of: i, day: day, hour: hour, currency: currency, title: titleNumber)
        return slot
    }

    /// Adds the rows of `later` (the file's rows that follow these), exactly as upserting them
    /// one by one in their order would: a row whose key is stored here replaces it in place,
    /// the others are appended in their order, their packed values copied as they are. The
    /// rows from the first of a post without rows here on, when no post from there on has
    /// rows here (parts of a file cut inside a post), are appended with whole arrays.
    mutating func append(_ later: PostRows) {
        /// Titles of `later` by their number there, numbered here when first met (0: not yet).
        var titleHere = [UInt32](repeating: 0, count: later.titles.strings.count + 1)
        let laterTitles = later.titleNumbers.map { laterTitle -> UInt32 in
            guard laterTitle != 0 else { return 0 }
            let number = Int(laterTitle)
            if titleHere[number] == 0 { titleHere[number] = titles.number(for: later.titles.strings[number - 1]) }
            return titleHere[number]
        }
        func upsertRow(_ j: Int) {
            let i: Int
            if let slot = storedSlot(of: later.keys[j]) {
                i = Int(slot)
                write(later[Int32(j)].values, into: i, reusing: Self.length(present[i]))
            } else {
                i = Int(appendKey(later.keys[j]))
                let start = Int(later.valueStart[j])
                valueStart[i] = UInt32(values.count)
                present[i] = later.present[j]
                values.append(contentsOf: later.values[start..<(start + Self.length(later.present[j]))])
            }
            setDetails(of: i, day: later.day(at: j), hour: later.hour(at: j), currency: later.currency(at: j),
                       title: laterTitles[j])
        }
        // The rows of a post cut in two, whose first rows are here, one by one.
        var rest = 0
        if tracksRuns, let first = later.keys.first, postsSeen[Self.post(of: first)] != nil {
            while rest < later.count, Self.post(of: later.keys[rest]) == Self.post(of: first) {
                upsertRow(rest)
                rest += 1
            }
        }
        if rest < later.count, holdsNoPost(of: later, from: rest) {
            appendWhole(later, from: rest, titleNumbers: laterTitles)
        } else {
            for j in rest..<later.count { upsertRow(j) }
        }
    }

    /// True when rows are found by their runs and no post of `later`'s rows from `first` on has
    /// a row here: then each of those rows is new here.
    private func holdsNoPost(of later: PostRows, from first: Int) -> Bool {
        guard tracksRuns, later.tracksRuns, !isIndexed, later.runStart >= first else { return false }
        var previous: UInt64?
        for key in later.keys[first...] {
            let post = Self.post(of: key)
            if post == previous { continue }
            if postsSeen[post] != nil { return false }
            previous = post
        }
        return true
    }

    /// Appends the rows of `later` from `first` on, none of whose posts has a row here
    /// (``holdsNoPost(of:from:)``), as upserting them one by one would: its arrays one after
    /// the other, its value starts moved by the values here (the values of its rows before
    /// `first` are left out, or unused when among them), its titles numbered here (`titleNumbers`,
    /// by row of `later`), its trailing run this one's.
    private mutating func appendWhole(_ later: PostRows, from first: Int, titleNumbers laterTitles: [UInt32]) {
        let countBefore = keys.count
        let valuesBefore = UInt32(values.count)
        let rows = first..<later.count
        var previous: UInt64?
        for key in later.keys[rows] where Self.post(of: key) != previous {
            previous = Self.post(of: key)
            postsSeen[Self.post(of: key)] = true
        }
        runStart = countBefore + later.runStart - first
        runIsFresh = later.runIsFresh
        if !days.isEmpty || !later.days.isEmpty {
            if days.isEmpty { days = keys.map { $0.day?.number ?? 0 } }
            if later.days.isEmpty {
                days.append(contentsOf: later.keys[rows].map { $0.day?.number ?? 0 })
            } else {
                days.append(contentsOf: later.days[rows])
            }
        }
        if !currencies.isEmpty || !later.currencies.isEmpty {
            if currencies.isEmpty { currencies = Array(repeating: 0, count: countBefore) }
            currencies += later.currencies.isEmpty ? Array(repeating: 0, count: rows.count) : Array(later.currencies[rows])
        }
        if !hours.isEmpty || !later.hours.isEmpty {
            if hours.isEmpty { hours = Array(repeating: Self.noHour, count: countBefore) }
            hours += later.hours.isEmpty ? Array(repeating: Self.noHour, count: rows.count) : Array(later.hours[rows])
        }
        // Only the values from the first of these rows' on (those of the rows before `first`
        // usually come first); any others among them are unused here.
        let firstValue = later.valueStart[rows].min()!
        keys += later.keys[rows]
        present += later.present[rows]
        valueStart += later.valueStart[rows].map { $0 - firstValue + valuesBefore }
        titleNumbers += laterTitles[rows]
        values += later.values[Int(firstValue)...]
        unused += later.values.count - Int(firstValue) - later.present[rows].reduce(0) { $0 + Self.length($1) }
        if unused > 4096, unused > values.count / 2 { compact() }
    }

    /// The key of `key`'s post: its platform and id, the day's 24 bits (the low ones) all set,
    /// as for no day (a snapshot's key is its post's).
    private static func post(of key: RowKey) -> UInt64 { key.raw | 0xFF_FFFF }

    /// The slot of `key`, nil when it is not stored.
    private mutating func storedSlot(of key: RowKey) -> Int32? {
        if tracksRuns {
            guard let last = keys.last else { return nil }
            if Self.post(of: key) == Self.post(of: last) {
                if runIsFresh {
                    if last.raw < key.raw { return nil }
                    return Self.slot(of: key, inAscending: keys, runStart..<keys.count)
                }
            } else if postsSeen[Self.post(of: key)] == nil {
                return nil
            }
        }
        if !isIndexed {
            slotOf = .slots(of: keys)
            isIndexed = true
        }
        return slotOf[key.raw]
    }

    /// The slot of `key` among `keys[range]`, which ascend; nil when not there.
    private static func slot(of key: RowKey, inAscending keys: [RowKey], _ range: Range<Int>) -> Int32? {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].raw < key.raw { low = middle + 1 } else { high = middle }
        }
        return low < range.upperBound && keys[low] == key ? Int32(low) : nil
    }

    /// Appends a slot for `key`, which is not stored yet; its values, details and title are
    /// for the caller to set.
    private mutating func appendKey(_ key: RowKey) -> Int32 {
        let slot = Int32(keys.count)
        if isIndexed { slotOf[key.raw] = slot }
        if tracksRuns {
            if let last = keys.last, Self.post(of: last) == Self.post(of: key) {
                if last.raw >= key.raw { runIsFresh = false }
            } else {
                let postsBefore = postsSeen.count
                postsSeen[Self.post(of: key)] = true
                runStart = keys.count
                runIsFresh = postsSeen.count > postsBefore
            }
        }
        keys.append(key)
        present.append(0)
        valueStart.append(0)
        if !days.isEmpty { days.append(0) }
        titleNumbers.append(0)
        if !currencies.isEmpty { currencies.append(0) }
        if !hours.isEmpty { hours.append(Self.noHour) }
        return slot
    }

    /// Notes what a row of `post` (a key without a day) says about it; a later row's word wins.
    mutating func note(_ given: PostFacts, of post: RowKey) {
        var stored = facts[post.raw] ?? StoredPostFacts()
        if let instant = given.publishedAt { stored.publishedAt = instant }
        if let type = given.type { stored.type = types.number(for: type) }
        if let link = given.permalink { stored.permalink = links.number(for: link) }
        facts[post.raw] = stored
    }

    /// What the file says about `post` (a key without a day); nil when nothing.
    func facts(of post: RowKey) -> PostFacts? {
        facts[post.raw].map(unpack)
    }

    /// Every post the file says something about, with what it says.
    var allFacts: [(post: RowKey, facts: PostFacts)] {
        facts.map { (RowKey(raw: $0.key), unpack($0.value)) }
    }

    /// True when the file says something about some post.
    var hasFacts: Bool { !facts.isEmpty }

    private func unpack(_ stored: StoredPostFacts) -> PostFacts {
        PostFacts(publishedAt: stored.publishedAt == StoredPostFacts.none ? nil : stored.publishedAt,
                  type: types[stored.type], permalink: links[stored.permalink])
    }

    /// Values a row's present bits take in `values`.
    private static func length(_ present: UInt32) -> Int {
        (present & ~wide).nonzeroBitCount * (present & wide != 0 ? 2 : 1)
    }

    private static func load64(_ values: [Int32], _ at: Int) -> Int64 {
        Int64(values[at]) << 32 | Int64(UInt32(bitPattern: values[at + 1]))
    }

    /// True when a present value of `units` (a ``MetricValues``' lanes) does not fit in 32 bits.
    @inline(__always)
    private static func needsWide(_ units: UnsafeRawBufferPointer, present: UInt32) -> Bool {
        var bits = present
        while bits != 0 {
            let v = units.load(fromByteOffset: bits.trailingZeroBitCount &* 8, as: Int64.self)
            if v != Int64(Int32(truncatingIfNeeded: v)) { return true }
            bits &= bits &- 1
        }
        return false
    }

    /// Calls `body` with the present values of `units` (a ``MetricValues``' lanes) as they are
    /// packed, in lane order: one `Int32` each, or two (high half, low half) when `isWide`.
    /// The lanes are read where they are: indexing the vector with a lane known only at run
    /// time copied all of it per value.
    @inline(__always)
    private static func forEachPacked(_ units: UnsafeRawBufferPointer, present: UInt32, isWide: Bool,
                                      _ body: (Int32) -> Void) {
        var bits = present
        while bits != 0 {
            let v = units.load(fromByteOffset: bits.trailingZeroBitCount &* 8, as: Int64.self)
            if isWide {
                body(Int32(truncatingIfNeeded: v >> 32))
                body(Int32(bitPattern: UInt32(truncatingIfNeeded: v)))
            } else {
                body(Int32(truncatingIfNeeded: v))
            }
            bits &= bits &- 1
        }
    }

    /// Appends the present values of `rowValues` to `values`, packed; returns the row's present
    /// mask (with ``wide`` when they take 64 bits each).
    private static func appendPacked(_ rowValues: MetricValues, to values: inout [Int32]) -> UInt32 {
        withUnsafeBytes(of: rowValues.units) { units in
            let isWide = needsWide(units, present: rowValues.present)
            forEachPacked(units, present: rowValues.present, isWide: isWide) { values.append($0) }
            return rowValues.present | (isWide ? wide : 0)
        }
    }

    /// Writes the values of the row in slot `i`, whose present values took `oldLength` values:
    /// in place when they fit there, else at the end.
    private mutating func write(_ rowValues: MetricValues, into i: Int, reusing oldLength: Int) {
        let isWide = withUnsafeBytes(of: rowValues.units) { Self.needsWide($0, present: rowValues.present) }
        let mask = rowValues.present | (isWide ? Self.wide : 0)
        let length = Self.length(mask)
        if length > oldLength {
            unused += oldLength
            valueStart[i] = UInt32(values.count)
            present[i] = Self.appendPacked(rowValues, to: &values)
            return
        }
        unused += oldLength - length
        var next = Int(valueStart[i])
        withUnsafeBytes(of: rowValues.units) { units in
            Self.forEachPacked(units, present: rowValues.present, isWide: isWide) { value in
                values[next] = value
                next += 1
            }
        }
        present[i] = mask
    }

    /// Sets the day, hour, currency and title number of the row in slot `i` (its values
    /// written), keeping the arrays of days, currencies and hours only once a row needs them.
    private mutating func setDetails(of i: Int, day: Day, hour: UInt8?, currency: Currency?, title: UInt32) {
        if days.isEmpty, keys[i].day != day { days = keys.map { $0.day?.number ?? 0 } }
        if !days.isEmpty { days[i] = day.number }
        titleNumbers[i] = title
        if currencies.isEmpty, currency != nil { currencies = Array(repeating: 0, count: keys.count) }
        if !currencies.isEmpty { currencies[i] = currency?.packed ?? 0 }
        if hours.isEmpty, hour != nil { hours = Array(repeating: Self.noHour, count: keys.count) }
        if !hours.isEmpty { hours[i] = hour ?? Self.noHour }
        if unused > 4096, unused > values.count / 2 { compact() }
    }

    /// Gives back the slot index and the room the arrays hold beyond their rows (once a file
    /// is read).
    mutating func shrinkToFit() {
        slotOf = KeyTable(filler: 0)
        isIndexed = false
        postsSeen = KeyTable(filler: false)
        tracksRuns = false
        keys.shrinkToFit()
        present.shrinkToFit()
        valueStart.shrinkToFit()
        days.shrinkToFit()
        titleNumbers.shrinkToFit()
        currencies.shrinkToFit()
        hours.shrinkToFit()
        if unused > 0 { compact() } else { values.shrinkToFit() }
    }

    /// Packs the values again without the unused ones.
    private mutating func compact() {
        var packed: [Int32] = []
        packed.reserveCapacity(values.count - unused)
        for i in keys.indices {
            let start = Int(valueStart[i])
            valueStart[i] = UInt32(packed.count)
            packed.append(contentsOf: values[start..<(start + Self.length(present[i]))])
        }
        values = packed
        unused = 0
    }
}

/// A post's facts as a file keeps them: the publish instant and the numbers of its type and
/// link in the file's tables (0 = none).
private struct StoredPostFacts: Sendable {
    static let none = Int64.min
    var publishedAt = none
    var type: UInt32 = 0
    var permalink: UInt32 = 0
}

// MARK: Read by the store's rollups

extension PostRows {
    /// Adds the values of the row in `slot` into `sums` (its present fields too) without
    /// unpacking the row, and returns what else the store's rollups count it by, so that the
    /// rows of a day can be added up in one place (``PlatformRollup/addPosts(_:of:)``).
    func addValues(of slot: Int32, into sums: inout MetricValues)
        -> (day: Day, hour: UInt8?, currency: Currency?, present: UInt32) {
        let i = Int(slot)
        let fields = present[i] & ~Self.wide
        let isWide = present[i] & Self.wide != 0
        var next = Int(valueStart[i])
        withUnsafeMutableBytes(of: &sums.units) { units in
            var bits = fields
            while bits != 0 {
                let offset = bits.trailingZeroBitCount &* 8
                let value = isWide ? Self.load64(values, next) : Int64(values[next])
                units.storeBytes(of: units.load(fromByteOffset: offset, as: Int64.self) &+ value,
                                 toByteOffset: offset, as: Int64.self)
                next += isWide ? 2 : 1
                bits &= bits - 1
            }
        }
        sums.present |= fields
        return (day: day(at: i), hour: hour(at: i), currency: currency(at: i), present: fields)
    }
}
