/// What the restart cache keeps of a file's contribution (see ``RestartCache``): its sums per
/// platform and day, its hourly sums, the fields and currencies its rows had, its rejections,
/// notes and summary. Platforms are kept by name: their numbers differ from run to run.
///
/// Only a file whose rows have no ids and no tickets is kept (``FileContribution/holdsOnlySums``);
/// any other is read again at each start.
struct CachedContribution: Sendable {
    /// The platform names; the other parts refer to them by index.
    var platforms: [String]
    var platformIndexes: [Int]
    var days: [CachedDay]
    var presence: [CachedPresence]
    var currencies: [CachedCurrency]
    var hours: [CachedHour]
    var rejections: [Rejection]
    var rejectedCount: Int
    var notes: [String]
    var rowCount: Int
    var summary: FileSummary

    /// One (platform, day) and its totals.
    struct CachedDay: Sendable {
        var platform: Int
        var day: Day
        var values: CachedValues
        var followers: FollowerObservation?
        var newestTime: Int64
    }

    /// Summed values: the lanes that are present or not zero, in lane order.
    struct CachedValues: Sendable {
        var present: UInt32
        var lanes: UInt32
        var units: [Int64]

        init(_ values: MetricValues) {
            present = values.present
            lanes = values.storedLanes
            units = []
            values.appendUnits(of: lanes, to: &units)
        }

        /// The values; nil when the lanes and the units do not agree (a damaged cache).
        var values: MetricValues? {
            guard lanes.nonzeroBitCount == units.count else { return nil }
            return MetricValues(lanes: lanes, present: present, packed: units, from: 0)
        }
    }

    struct CachedPresence: Sendable {
        var platform: Int
        var fields: UInt32
    }

    struct CachedCurrency: Sendable {
        var platform: Int
        var currency: Currency
    }

    struct CachedHour: Sendable {
        var platform: Int
        var day: Day
        var hour: UInt8
        var values: CachedValues
    }

    /// What `contribution` adds, with its platforms by name; nil for a file with rows that
    /// have ids or tickets.
    init?(_ contribution: FileContribution) {
        guard contribution.holdsOnlySums else { return nil }
        var numbers = Set(contribution.platformNumbers)
        numbers.formUnion(contribution.days.keys.map(\.platform))
        let ordered = numbers.sorted()
        let index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        platforms = contribution.interning.platforms.strings(ordered.map(UInt32.init))
        platformIndexes = contribution.platformNumbers.map { index[$0]! }.sorted()
        days = contribution.days.map { key, totals in
            CachedDay(platform: index[key.platform]!, day: key.day, values: CachedValues(totals.values),
                    followers: totals.followers, newestTime: totals.newestTime)
        }.sorted { ($0.platform, $0.day) < ($1.platform, $1.day) }
        presence = contribution.presence.compactMap { platform, fields in
            index[platform].map { CachedPresence(platform: $0, fields: fields) }
        }
        currencies = contribution.currencies.compactMap { pair in
            index[pair.platform].map { CachedCurrency(platform: $0, currency: pair.currency) }
        }
        hours = contribution.hours.compactMap { key, values in
            index[key.platform].map { CachedHour(platform: $0, day: key.day, hour: key.hour, values: CachedValues(values)) }
        }
        rejections = contribution.rejections
        rejectedCount = contribution.rejectedCount
        notes = contribution.notes
        rowCount = contribution.rowCount
        summary = contribution.summary
    }

    /// The contribution again, in the platform numbers of `context`'s store; nil when the
    /// cache does not hold together (an index out of range, values that do not decode) or a
    /// platform cannot be numbered.
    func contribution(path: String, modificationTime: Int64, context: IngestContext) -> FileContribution? {
        var numbers: [UInt16] = []
        for name in platforms {
            guard let number = context.interning.platforms.number(for: name) else { return nil }
            numbers.append(UInt16(number))
        }
        func number(_ index: Int) -> UInt16? { numbers.indices.contains(index) ? numbers[index] : nil }

        var sums = DaySums()
        for kept in days {
            guard let platform = number(kept.platform), let values = kept.values.values else { return nil }
            sums.modify(PlatformDay(platform: platform, day: kept.day)) { totals in
                totals.values = values
                totals.followers = kept.followers
                totals.newestTime = kept.newestTime
            }
        }
        sums.pack()
        var fieldsByPlatform: [UInt16: UInt32] = [:]
        for kept in presence {
            guard let platform = number(kept.platform) else { return nil }
            fieldsByPlatform[platform] = kept.fields
        }
        var currencySet: Set<PlatformCurrency> = []
        for kept in currencies {
            guard let platform = number(kept.platform) else { return nil }
            currencySet.insert(PlatformCurrency(platform: platform, currency: kept.currency))
        }
        var hourSums: [PlatformHour: MetricValues] = [:]
        for kept in hours {
            guard let platform = number(kept.platform), let values = kept.values.values else { return nil }
            hourSums[PlatformHour(platform: platform, day: kept.day, hour: kept.hour)] = values
        }
        var platformNumbers: Set<UInt16> = []
        for index in platformIndexes {
            guard let platform = number(index) else { return nil }
            platformNumbers.insert(platform)
        }
        return FileContribution(path: path, modificationTime: modificationTime, context: context, days: sums,
                                presence: fieldsByPlatform, currencies: currencySet, hours: hourSums,
                                platformNumbers: platformNumbers, rejections: rejections, rejectedCount: rejectedCount,
                                notes: notes, rowCount: rowCount, summary: summary)
    }
}

// MARK: Bytes

extension CachedContribution {
    func write(to out: inout CacheWriter) {
        out.count(platforms.count)
        for name in platforms { out.text(name) }
        out.count(platformIndexes.count)
        for index in platformIndexes { out.integer(index) }
        out.count(days.count)
        for day in days {
            out.integer(day.platform)
            out.integer(day.day.number)
            day.values.write(to: &out)
            out.optional(day.followers) { out, followers in
                out.signed(followers.time)
                out.double(followers.value)
            }
            out.signed(day.newestTime)
        }
        out.count(presence.count)
        for kept in presence {
            out.integer(kept.platform)
            out.integer(kept.fields)
        }
        out.count(currencies.count)
        for kept in currencies {
            out.integer(kept.platform)
            out.integer(kept.currency.packed)
        }
        out.count(hours.count)
        for kept in hours {
            out.integer(kept.platform)
            out.integer(kept.day.number)
            out.integer(kept.hour)
            kept.values.write(to: &out)
        }
        out.count(rejections.count)
        for rejection in rejections {
            out.integer(rejection.line)
            out.text(rejection.reason)
        }
        out.integer(rejectedCount)
        out.count(notes.count)
        for note in notes { out.text(note) }
        out.integer(rowCount)
        summary.write(to: &out)
    }

    /// Reads what ``write(to:)`` wrote for the file at `path`.
    init(from input: inout CacheReader, path: String) throws(CacheReader.Damaged) {
        platforms = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in try input.text() }
        platformIndexes = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in try input.integer(Int.self) }
        days = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in
            CachedDay(platform: try input.integer(Int.self), day: Day(number: try input.integer(Int32.self)),
                    values: try CachedValues(from: &input),
                    followers: try input.optional { input throws(CacheReader.Damaged) in
                        FollowerObservation(time: try input.signed(), value: try input.double())
                    },
                    newestTime: try input.signed())
        }
        presence = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in
            CachedPresence(platform: try input.integer(Int.self), fields: try input.integer(UInt32.self))
        }
        currencies = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in
            CachedCurrency(platform: try input.integer(Int.self), currency: Currency(packed: try input.integer(UInt32.self)))
        }
        hours = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in
            CachedHour(platform: try input.integer(Int.self), day: Day(number: try input.integer(Int32.self)),
                     hour: try input.integer(UInt8.self), values: try CachedValues(from: &input))
        }
        rejections = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in
            Rejection(file: path, line: try input.integer(Int.self), reason: try input.text())
        }
        rejectedCount = try input.integer(Int.self)
        notes = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in try input.text() }
        rowCount = try input.integer(Int.self)
        summary = try FileSummary(from: &input)
    }
}

extension CachedContribution.CachedValues {
    func write(to out: inout CacheWriter) {
        out.integer(present)
        out.integer(lanes)
        for value in units { out.signed(value) }
    }

    init(from input: inout CacheReader) throws(CacheReader.Damaged) {
        present = try input.integer(UInt32.self)
        lanes = try input.integer(UInt32.self)
        units = try (0..<lanes.nonzeroBitCount).map { _ throws(CacheReader.Damaged) in try input.signed() }
    }
}

extension FileSummary {
    func write(to out: inout CacheWriter) {
        out.optional(shape) { $0.text($1) }
        out.count(platforms.count)
        for choice in platforms {
            out.text(choice.name)
            out.text(choice.origin.rawValue)
        }
        out.bool(hasPlatformColumn)
        out.optional(exportDay) { out, exportDay in
            out.integer(exportDay.day.number)
            out.text(exportDay.origin.rawValue)
        }
        out.integer(rows)
        out.optional(firstDay) { $0.integer($1.number) }
        out.optional(lastDay) { $0.integer($1.number) }
        out.optional(timeProblem) { $0.text($1) }
    }

    init(from input: inout CacheReader) throws(CacheReader.Damaged) {
        self.init()
        shape = try input.optional { input throws(CacheReader.Damaged) in try input.text() }
        platforms = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in
            let name = try input.text()
            guard let origin = PlatformOrigin(rawValue: try input.text()) else { throw CacheReader.Damaged() }
            return PlatformChoice(name: name, origin: origin)
        }
        hasPlatformColumn = try input.bool()
        exportDay = try input.optional { input throws(CacheReader.Damaged) in
            let day = Day(number: try input.integer(Int32.self))
            guard let origin = ExportDay.Origin(rawValue: try input.text()) else { throw CacheReader.Damaged() }
            return ExportDay(day: day, origin: origin)
        }
        rows = try input.integer(Int.self)
        firstDay = try input.optional { input throws(CacheReader.Damaged) in Day(number: try input.integer(Int32.self)) }
        lastDay = try input.optional { input throws(CacheReader.Damaged) in Day(number: try input.integer(Int32.self)) }
        timeProblem = try input.optional { input throws(CacheReader.Damaged) in try input.text() }
    }
}
