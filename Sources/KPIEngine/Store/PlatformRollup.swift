/// One platform's data after upserts, kept up to date by the store as files come, grow and go:
/// per-day totals (sums of the rows without an id of every file, plus the winning rows with an
/// id), the follower timeline, which rows with an id win, the inquiries per day, and hourly sums
/// of recent days. KPIs for any window are computed from this without touching a file.
public struct PlatformRollup: Sendable {
    public let name: String
    /// The platform's number in the store's ``Interning``.
    let number: UInt16
    /// Per day: sums, the latest follower observation and the newest record instant.
    public private(set) var days: [Day: DayTotals] = [:]
    /// The keys of `days`, in order.
    public private(set) var sortedDays: [Day] = []
    /// Per day, the files that have rows of this platform on it.
    private(set) var dayFiles: [Day: [UInt32]] = [:]
    /// How many contributions give each field a value: a file's rows without an id count once,
    /// each winning row with an id once. A field is reported while its count is above 0.
    private var fieldCounts = SIMD32<Int32>.zero
    /// How many contributions gave money values in each currency.
    private var currencyCounts: [Currency: Int] = [:]
    /// Hourly sums of recent days.
    private(set) var hours: [PlatformHour: MetricValues] = [:]
    /// Days with a follower observation, in order.
    private(set) var followerDays: [Day] = []
    /// Which file's row wins each (id, day) of rows with an id.
    var posts = UpsertIndex()
    /// Winning rows with an id, by their day: each key with the row's interactions in units
    /// (what post lists rank by, so that ranking reads no row).
    private(set) var postsByDay: [Day: KeyTable<Int64>] = [:]
    /// Per post id: its winning rows and the first day among them.
    private(set) var postSpans = KeyTable<PostSpan>(filler: PostSpan(rows: 0, firstDay: Day(number: 0)))
    /// Which file's record wins each inquiry id.
    var tickets = UpsertIndex()
    /// The inquiries after upsert, per day.
    private(set) var service = ServiceDays()
    /// Newest `opened_at` per file with inquiries of this platform.
    private var ticketNewest: [UInt32: Int64] = [:]

    /// A post's winning rows: how many, and the first day.
    struct PostSpan: Sendable, Equatable {
        var rows: Int
        var firstDay: Day
    }

    /// New with every change (never the same for two states of a store's rollups), so that what
    /// was computed from the rollup can be kept until it changes (see ``SnapshotCache``).
    public internal(set) var version = 0

    init(name: String, number: UInt16) {
        self.name = name
        self.number = number
    }

    /// True when nothing of the platform is left.
    var isEmpty: Bool { dayFiles.isEmpty && service.isEmpty && ticketNewest.isEmpty }

    /// Fields that have a value anywhere in the platform's data.
    public var presentFields: UInt32 {
        var mask: UInt32 = 0
        for lane in 0..<MetricField.allCases.count where fieldCounts[lane] > 0 { mask |= 1 << UInt32(lane) }
        return mask
    }

    /// The currencies the platform's money values came in, in code order.
    public var currencies: [Currency] { currencyCounts.keys.sorted() }

    /// The first and last day with data (metrics or inquiries).
    public var span: ClosedRange<Day>? {
        let first = [sortedDays.first, service.sortedDays.first].compactMap { $0 }.min()
        let last = [sortedDays.last, service.sortedDays.last].compactMap { $0 }.max()
        guard let first, let last else { return nil }
        return first...last
    }

    /// Newest instant of a metrics row (ms since the epoch), if any.
    public var newestMetrics: Int64? {
        var newest = Int64.min
        for day in sortedDays.suffix(3) { newest = max(newest, days[day]!.newestTime) }
        return newest == .min ? nil : newest
    }

    /// Inquiries after upsert, on every day.
    public var inquiryCount: Int { service.days.values.reduce(0) { $0 + $1.counters.inquiries } }

    /// Newest `opened_at` of an inquiry, if any.
    public var newestInquiry: Int64? { ticketNewest.values.max() }

    /// The latest follower observation on or before `day`.
    public func followers(onOrBefore day: Day) -> FollowerObservation? {
        let index = followerDays.insertionIndex(of: day.adding(days: 1))
        return index > 0 ? days[followerDays[index - 1]]!.followers : nil
    }

    /// The earliest follower observation on or after `day`, at most on `last`.
    public func followers(onOrAfter day: Day, upTo last: Day) -> FollowerObservation? {
        let index = followerDays.insertionIndex(of: day)
        guard index < followerDays.count, followerDays[index] <= last else { return nil }
        return days[followerDays[index]]!.followers
    }

    // MARK: Changes, made by the store

    /// Adds (`sign` 1) or takes back (-1) sums of rows without an id.
    mutating func addSums(_ values: MetricValues, day: Day, sign: Int64) {
        if sign > 0 { days[day]!.values.add(values) } else { days[day]!.values.subtract(values) }
    }

    mutating func addHour(_ values: MetricValues, at key: PlatformHour, sign: Int64) {
        if sign > 0 {
            hours[key, default: .zero].add(values)
        } else {
            hours[key]?.subtract(values)
            if hours[key]?.units == .zero { hours[key] = nil }
        }
    }

    /// Counts (`times` above 0) or stops counting (below 0) that many contributions' fields.
    mutating func countFields(_ bits: UInt32, times: Int32) {
        var rest = bits
        while rest != 0 {
            fieldCounts[rest.trailingZeroBitCount] &+= times
            rest &= rest - 1
        }
    }

    /// Counts (`times` above 0) or stops counting (below 0) that many contributions' money
    /// values in `currency`.
    mutating func countCurrency(_ currency: Currency, times: Int) {
        currencyCounts[currency, default: 0] += times
        if currencyCounts[currency] == 0 { currencyCounts[currency] = nil }
    }

    /// Notes that `file` has rows on `day` (`attach`) or no longer has (`detach`).
    mutating func attach(file: UInt32, day: Day) {
        if dayFiles[day] == nil {
            dayFiles[day] = [file]
            days[day] = DayTotals()
            sortedDays.insertSorted(day)
        } else if !dayFiles[day]!.contains(file) {
            dayFiles[day]!.append(file)
        }
    }

    mutating func detach(file: UInt32, day: Day) {
        dayFiles[day]?.removeAll { $0 == file }
        if dayFiles[day]?.isEmpty == true {
            dayFiles[day] = nil
            days[day] = nil
            sortedDays.removeSorted(day)
            followerDays.removeSorted(day)
        }
    }

    /// Sets a day's follower observation and newest instant from the files' own (`observation`
    /// gives a file's for the day; `precedes`, the upsert order: later wins ties).
    mutating func refreshObservations(day: Day,
                                      observation: (UInt32) -> (followers: FollowerObservation?, newestTime: Int64)?,
                                      precedes: (UInt32, UInt32) -> Bool) {
        guard let files = dayFiles[day] else { return }
        var newest = Int64.min
        var best: (FollowerObservation, UInt32)?
        for file in files {
            guard let own = observation(file) else { continue }
            newest = max(newest, own.newestTime)
            guard let f = own.followers else { continue }
            if let (current, owner) = best,
               f.time < current.time || (f.time == current.time && precedes(file, owner)) { continue }
            best = (f, file)
        }
        let hadFollowers = days[day]!.followers != nil
        days[day]!.newestTime = newest
        days[day]!.followers = best?.0
        if best != nil, !hadFollowers { followerDays.insertSorted(day) }
        if best == nil, hadFollowers { followerDays.removeSorted(day) }
    }

    /// Before many files' rows are added or taken back at once: ticket durations are then
    /// appended and each day sorted once, by ``endBulk()``.
    mutating func beginBulk() { service.beginBulk() }

    /// After a bulk change: sorts the ticket durations, and gives back the room the post and
    /// ticket tables hold beyond their entries.
    mutating func endBulk() {
        posts.shrinkToFit()
        tickets.shrinkToFit()
        postSpans.shrinkToFit()
        for index in postsByDay.indices { postsByDay.values[index].shrinkToFit() }
        service.endBulk()
    }

    /// Adds (`sign` 1) or takes back (-1) a winning row with an id.
    mutating func addPost(_ row: StoredPost, key: RowKey, sign: Int) {
        addSums(row.values, day: row.day, sign: Int64(sign))
        countFields(row.values.present, times: Int32(sign))
        if let currency = row.currency, row.values.present & MetricField.moneyBits != 0 {
            countCurrency(currency, times: sign)
        }
        if let hour = row.hour { addHour(row.values, at: PlatformHour(platform: number, day: row.day, hour: hour), sign: Int64(sign)) }
        let id = UInt64(key.id)
        if sign > 0 {
            postsByDay[row.day, default: KeyTable(filler: 0)][key.raw] = row.values.units(of: .interactions)
            postSpans.modify(id, default: PostSpan(rows: 0, firstDay: row.day)) { span in
                span.rows += 1
                span.firstDay = min(span.firstDay, row.day)
            }
        } else {
            postsByDay[row.day]?[key.raw] = nil
            if postsByDay[row.day]?.isEmpty == true { postsByDay[row.day] = nil }
            let (rows, first) = postSpans.modify(id, default: PostSpan(rows: 1, firstDay: row.day)) { span in
                span.rows -= 1
                return (span.rows, span.firstDay)
            }
            if rows == 0 {
                postSpans[id] = nil
            } else if first == row.day {
                let next = firstDay(ofPost: key.id, from: row.day)
                postSpans.modify(id, default: PostSpan(rows: rows, firstDay: next)) { $0.firstDay = next }
            }
        }
    }

    /// Adds winning rows with an id of one file at once: what ``addPost(_:key:sign:)`` adds for
    /// each, for rows whose keys no other file holds and that keep no hourly sums (the
    /// caller's to choose). Rather than looking each row's day up, the rows' values are added
    /// into their day's sums where they are packed, each day's table of keys is looked up once
    /// (and made at its size when new) and filled in the order of its buckets, and a post's
    /// consecutive rows and rows of the same fields are counted together.
    mutating func addPosts(_ slots: [Int32], of rows: PostRows) {
        guard !slots.isEmpty else { return }
        // Each row's place among the days (which have every row's day: the file attached them),
        // relative to the first of the rows' days.
        var places: [Int32] = []
        places.reserveCapacity(slots.count)
        var first = Int.max, last = Int.min
        var next = 0
        for slot in slots {
            // A dated key's row is of the key's day; a lifetime snapshot's, of its export day.
            let day = rows.keys[Int(slot)].day ?? rows[slot].day
            // A post's rows usually come day after day: the place after the last is tried first.
            let place = next < sortedDays.count && sortedDays[next] == day ? next : sortedDays.insertionIndex(of: day)
            precondition(place < sortedDays.count && sortedDays[place] == day, "a row's day is not attached")
            places.append(Int32(place))
            first = min(first, place)
            last = max(last, place)
            next = place + 1
        }
        var rowsOfDay = [Int](repeating: 0, count: last - first + 1)
        for place in places { rowsOfDay[Int(place) - first] += 1 }
        var sums = [MetricValues](repeating: .zero, count: rowsOfDay.count)
        /// Each day's keys with their interactions, put into the day's table at the end.
        var entries = rowsOfDay.map { count -> [(key: UInt64, interactions: Int64)] in
            var entries: [(key: UInt64, interactions: Int64)] = []
            entries.reserveCapacity(count)
            return entries
        }
        var fields = (present: UInt32(0), rows: Int32(0))
        var money = (currency: Currency?.none, rows: 0)
        var span = (id: UInt64.max, rows: 0, firstDay: Day(number: 0))
        for (slot, place) in zip(slots, places) {
            let index = Int(place) - first
            let key = rows.keys[Int(slot)]
            let row = rows.addValues(of: slot, into: &sums[index])
            assert(row.day == sortedDays[Int(place)] && row.hour == nil)
            entries[index].append((key.raw, rows.units(of: .interactions, in: slot) ?? 0))
            if row.present != fields.present {
                countFields(fields.present, times: fields.rows)
                fields = (row.present, 0)
            }
            fields.rows += 1
            let currency = row.present & MetricField.moneyBits != 0 ? row.currency : nil
            if currency != money.currency {
                if let counted = money.currency { countCurrency(counted, times: money.rows) }
                money = (currency, 0)
            }
            money.rows += 1
            if UInt64(key.id) != span.id {
                addSpan(span)
                span = (UInt64(key.id), 0, row.day)
            }
            span.rows += 1
            span.firstDay = min(span.firstDay, row.day)
        }
        countFields(fields.present, times: fields.rows)
        if let counted = money.currency { countCurrency(counted, times: money.rows) }
        addSpan(span)
        for (index, count) in rowsOfDay.enumerated() where count > 0 {
            let day = sortedDays[first + index]
            days[day]!.values.add(sums[index])
            // Rows of a post go to as many days' tables, together larger than the cache: filled
            // one at a time, in the order of its buckets, a table is written in passing rather
            // than missed once a row.
            var table = postsByDay.removeValue(forKey: day) ?? KeyTable(filler: 0, minimumCapacity: count)
            for entry in KeyTable<Int64>.inBucketOrder(entries[index], key: \.key) { table[entry.key] = entry.interactions }
            entries[index] = []
            postsByDay[day] = table
        }
    }

    /// Counts `span.rows` more winning rows of post `span.id` (none: `UInt64.max`), the first
    /// on `span.firstDay`.
    private mutating func addSpan(_ span: (id: UInt64, rows: Int, firstDay: Day)) {
        guard span.id != .max else { return }
        postSpans.modify(span.id, default: PostSpan(rows: 0, firstDay: span.firstDay)) { known in
            known.rows += span.rows
            known.firstDay = min(known.firstDay, span.firstDay)
        }
    }

    /// The first day on or after `day` with a winning row of post `id`.
    private func firstDay(ofPost id: UInt32, from day: Day) -> Day {
        let snapshotKey = RowKey(platform: number, id: id, day: nil)!
        let start = sortedDays.insertionIndex(of: day)
        for candidate in sortedDays[start...] {
            guard let keys = postsByDay[candidate] else { continue }
            if let dayKey = RowKey(platform: number, id: id, day: candidate), keys[dayKey.raw] != nil { return candidate }
            if keys[snapshotKey.raw] != nil { return candidate }
        }
        return day
    }

    /// Adds (`sign` 1) or takes back (-1) an inquiry.
    mutating func addTicket(_ ticket: StoredTicket, sign: Int, clock: DayClock) {
        service.add(ticket, sign: sign, clock: clock)
    }

    /// Adds many inquiries (see ``ServiceDays/add(_:clock:)``).
    mutating func addTickets(_ tickets: some Sequence<StoredTicket>, clock: DayClock) {
        service.add(tickets, clock: clock)
    }

    /// Adds the inquiries of `rows` in `slots`, every one when nil (see
    /// ``ServiceDays/add(_:slots:clock:)``).
    mutating func addTickets(of rows: TicketRows, slots: [Int32]?, clock: DayClock) {
        service.add(rows, slots: slots, clock: clock)
    }

    /// Sets (or clears, with nil) a file's newest inquiry instant.
    mutating func setNewestInquiry(_ instant: Int64?, file: UInt32) {
        ticketNewest[file] = instant
    }
}
