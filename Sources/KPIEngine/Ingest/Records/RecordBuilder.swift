/// What a ``RecordBuilder`` needs to know about its file besides the header.
struct FileFacts {
    var clock: DayClock
    /// The platform of rows without a platform value of their own.
    var defaultPlatform: String
    /// The day the file was exported, when known (for dates without a year and snapshots).
    var exportDay: ExportDay?
    /// The currency of money written without a sign or code (mapping file, then config).
    var currency: Currency?
    /// The reporting range the file's `#` comment lines give for the current table (Google
    /// Analytics), which a table without a date column totals.
    var reportRange: ClosedRange<Day>?
    /// Which platform website sessions came from, by their source.
    var trafficSources = TrafficSource()
}

/// Turns the field values of one record into a ``MetricsRow``, a ``ServiceRow`` or a
/// rejection, following the layout of its header (docs/DATA.md sections 2 and 3).
///
/// A metrics row is booked on its own time; on each day of its reporting range when it is a
/// period total (``PeriodSpread``); on the export day as a lifetime snapshot when the file has
/// no time column; or, when its date has no year, held until the file ends
/// (``YearlessDates``).
struct RecordBuilder {
    /// What the header says the records are.
    let kind: ColumnLayout.Kind
    private let facts: FileFacts
    private var times: TimeText
    private var platforms = PlatformInterner()
    /// The metrics row being read, reused for every record so that delivering one copies nothing.
    private var row: MetricsRow
    /// The last post id and title read, kept as `String`s while the next rows repeat them.
    private var idText = RepeatedText()
    private var titleText = RepeatedText()
    /// Reads plain records in one pass, when the header fits (``readPlainRecords(delimitedBy:)``).
    private var plainRecords: PlainRecordReader?
    /// Frames ticket records in one pass, when the header fits (``readTicketRecords(delimitedBy:)``).
    private var ticketRecords: TicketRecordReader?
    /// The ticket records read in one pass not yet given to the sink, their ids in the bytes
    /// being read.
    private var ticketBatch = ServiceRecordBatch(platform: "")
    /// How many ticket records read in one pass go to the sink together.
    private static let ticketBatchSize = 1024
    /// The currency of every row ``plainRecords`` reads (the header's, or the configured one).
    private var plainCurrency: Currency?
    /// The id column of the rows ``plainRecords`` reads, if any.
    private var plainIDColumn: Int?
    /// True when the rows ``plainRecords`` reads have a title column.
    private var plainReadsTitle = false
    /// True when the last row was read the general way, which may have left numbers in lanes
    /// a plain record does not write.
    private var rowMayHoldOtherLanes = false

    private let headers: [String]
    private var metricSources: [MetricColumn]
    /// True when the export's daily counts are net changes that may be negative.
    private let allowsNetCounts: Bool
    private let followersSource: ColumnLayout.Source?
    private var timeSources: [ColumnLayout.Source]
    private let rangeStartSource: ColumnLayout.Source?
    private let rangeEndSource: ColumnLayout.Source?
    private let campaignStartSource: ColumnLayout.Source?
    private let campaignEndSource: ColumnLayout.Source?
    private var idSources: [ColumnLayout.Source]
    private var titleSources: [ColumnLayout.Source]
    private let publishTimeSource: ColumnLayout.PublishTimeSource?
    private let postTypeSource: ColumnLayout.Source?
    private let permalinkSource: ColumnLayout.Source?
    /// True when the file says something about its posts besides their numbers.
    private let hasPostFacts: Bool
    /// Where a `Total` row says so besides its first field: id, title and time values.
    private var summarySources: [ColumnLayout.Source]
    private let platformSource: ColumnLayout.Source?
    private let currencySource: ColumnLayout.Source?
    /// Average view duration, used for watch time only when no column has watch time.
    private let averageViewDurationSource: ColumnLayout.Source?
    /// A customer lifetime value column (`cltv`).
    private let customerValueSource: ColumnLayout.Source?
    /// A website-traffic table's breakdown (nil for other files) and its dimension columns.
    private let traffic: TrafficColumns.Breakdown?
    private let trafficSourceSource: ColumnLayout.Source?
    private let channelGroupSource: ColumnLayout.Source?
    private let campaignSource: ColumnLayout.Source?
    /// The dimension columns of a website-traffic table (nil for other files).
    private let trafficDimensions: [ColumnLayout.Source]?
    private let nthDaySource: ColumnLayout.Source?
    /// True when traffic rows wait in ``FileProgress/traffic`` for the end of the file (CSV);
    /// false delivers them at once (JSON Lines).
    var holdsTraffic = false
    private let openedAtSource: ColumnLayout.Source?
    private let firstResponseAtSource: ColumnLayout.Source?
    private let firstReplyMinutesSource: ColumnLayout.Source?
    private let resolvedAtSource: ColumnLayout.Source?
    private let csatSource: ColumnLayout.Source?
    private let sentimentSource: ColumnLayout.Source?

    /// How a record ended up.
    enum Outcome {
        /// A metrics or service row went to the sink (or waits for the year of its date).
        case delivered
        case rejected(reason: String)
        /// A `Total` / `Totals` row: skipped, not rejected (it would double count).
        case summary
    }

    /// A metric source with what its reading needs to know, looked up once per header.
    private struct MetricColumn {
        let source: ColumnLayout.Source
        let field: MetricField
        let factor: Double
        let currency: Currency?
        let isPart: Bool
        let isMoney: Bool
        let mayBeNegative: Bool
        /// Read as written: no factor, and not a part added to another column.
        let isPlain: Bool

        init(_ source: ColumnLayout.MetricSource) {
            self.source = source.source
            field = source.field
            factor = source.factor
            currency = source.currency
            isPart = source.isPart
            isMoney = source.field.isMoney
            mayBeNegative = source.field.mayBeNegative
            isPlain = source.factor == 1 && !source.isPart
        }
    }

    /// When a metrics row happened, as far as its time columns tell.
    private enum When {
        case instant(day: Day, epochMilliseconds: Int64)
        case withoutYear(month: Int, day: Int, secondOfDay: Int)
        /// A period total from `first` to `last` (more than one day).
        case period(first: Day, last: Day)
        /// A row of a file without dates, booked on the export day.
        case snapshot(Day)
    }

    init(layout: ColumnLayout, facts: FileFacts) {
        kind = layout.kind
        self.facts = facts
        headers = layout.headers
        row = MetricsRow(platform: facts.defaultPlatform, day: Day(number: 0), time: 0, values: .zero, line: 0)
        times = TimeText(clock: facts.clock)
        metricSources = layout.metrics.map(MetricColumn.init)
        allowsNetCounts = layout.shape?.hasNetDailyCounts ?? false
        followersSource = layout.source(.followers)
        timeSources = layout.sources[.time] ?? []
        rangeStartSource = layout.source(.rangeStart)
        rangeEndSource = layout.source(.rangeEnd)
        campaignStartSource = layout.source(.campaignStart)
        campaignEndSource = layout.source(.campaignEnd)
        idSources = layout.sources[.id] ?? []
        titleSources = layout.sources[.title] ?? []
        publishTimeSource = layout.publishTime
        postTypeSource = layout.source(.postType)
        permalinkSource = layout.source(.permalink)
        hasPostFacts = publishTimeSource != nil || postTypeSource != nil || permalinkSource != nil
        summarySources = idSources + titleSources + timeSources
        platformSource = layout.source(.platform)
        currencySource = layout.source(.currency)
        averageViewDurationSource = layout.metrics.contains { $0.field == .watchTimeSeconds }
            ? nil : layout.source(.averageViewDuration)
        customerValueSource = layout.source(.customerValue)
        traffic = layout.traffic?.breakdown
        trafficSourceSource = layout.source(.trafficSource)
        channelGroupSource = layout.source(.channelGroup)
        campaignSource = layout.source(.campaign)
        trafficDimensions = traffic == nil ? nil : [trafficSourceSource, channelGroupSource, campaignSource].compactMap { $0 }
        nthDaySource = layout.source(.nthDay)
        openedAtSource = layout.source(.openedAt)
        firstResponseAtSource = layout.source(.firstResponseAt)
        firstReplyMinutesSource = layout.source(.firstReplyMinutes)
        resolvedAtSource = layout.source(.resolvedAt)
        csatSource = layout.source(.csat)
        sentimentSource = layout.source(.sentiment)
    }

    /// True when rows name their own platform in a column.
    var hasPlatformColumn: Bool { platformSource != nil }

    /// This builder with arrays of its own, for a part of the file read on another core.
    /// Every row retains the arrays it loops over; were the two parts' arrays the same, each
    /// retain would move their cache line from one core to the other (a third of the CPU of a
    /// 10M-row load went there).
    func detached() -> RecordBuilder {
        var copy = self
        copy.metricSources = metricSources.map { $0 }
        copy.timeSources = timeSources.map { $0 }
        copy.idSources = idSources.map { $0 }
        copy.titleSources = titleSources.map { $0 }
        copy.summarySources = summarySources.map { $0 }
        return copy
    }

    /// Lets ``buildPlainRecords(_:from:firstLine:progress:into:)`` read records separated by
    /// `delimiter` in one pass when the header is a plain metrics table: one time column,
    /// metric columns read as written, at most one id column and one title column, nothing
    /// else the builder reads (no platform, followers, currency, post facts or traffic column);
    /// or, for a ticket table, lets it frame tickets (``readTicketRecords(delimitedBy:)``).
    mutating func readPlainRecords(delimitedBy delimiter: UInt8) {
        if kind == .service { return readTicketRecords(delimitedBy: delimiter) }
        guard kind == .metrics, timeSources.count == 1, case .column(let timeColumn) = timeSources[0],
              followersSource == nil, idSources.count <= 1, titleSources.count <= 1, !hasPostFacts,
              platformSource == nil, currencySource == nil, averageViewDurationSource == nil,
              customerValueSource == nil, traffic == nil, !holdsTraffic
        else { return }
        var idColumn: Int?
        if let source = idSources.first {
            guard case .column(let column) = source else { return }
            idColumn = column
        }
        var titleColumn: Int?
        if let source = titleSources.first {
            guard case .column(let column) = source else { return }
            titleColumn = column
        }
        var metrics: [(column: Int, field: MetricField)] = []
        var headerCurrency: Currency?
        for source in metricSources {
            guard source.isPlain, case .column(let column) = source.source else { return }
            metrics.append((column, source.field))
            if source.isMoney { headerCurrency = headerCurrency ?? source.currency }
        }
        guard let reader = PlainRecordReader(columnCount: headers.count, delimiter: delimiter, timeColumn: timeColumn,
                                             metrics: metrics, idColumn: idColumn, titleColumn: titleColumn)
        else { return }
        plainRecords = reader
        plainIDColumn = idColumn
        plainReadsTitle = titleColumn != nil
        // As the general path decides it for a row with every metric column filled.
        let mayHaveCurrency = headerCurrency != nil || facts.currency != nil
        plainCurrency = mayHaveCurrency && reader.present & Self.moneyBits != 0
            ? Self.currency(headerCurrency: headerCurrency, sign: .none, currencySource: nil,
                            configured: facts.currency, UnsafeBufferPointer(start: nil, count: 0)) : nil
    }

    /// True when ``buildPlainRecords(_:from:firstLine:progress:into:)`` may read records.
    var readsPlainRecords: Bool { plainRecords != nil || ticketRecords != nil }

    /// Reads the records of a plain metrics table from `start` in `text` (the file's bytes,
    /// at least eight of them) in one pass, one row each to `sink`, as long as they are of
    /// the form ``PlainRecordReader`` reads, end in `text` and need none of the general
    /// path's decisions (a `Total` row, an id that is missing or in scientific notation);
    /// `firstLine` is the line of the first. Returns where the records read end (`start` when
    /// none was) and how many there were; the record there is for the general path, which
    /// frames and reads it. A ticket table's records are read by
    /// ``buildTicketRecords(_:from:firstLine:progress:into:)``.
    mutating func buildPlainRecords<S: RecordSink>(_ text: UnsafeRawBufferPointer, from start: Int, firstLine: Int,
                                                   progress: inout FileProgress, into sink: inout S) -> (end: Int, records: Int) {
        if ticketRecords != nil { return buildTicketRecords(text, from: start, firstLine: firstLine, progress: &progress, into: &sink) }
        guard let reader = plainRecords, progress.yearless.isEmpty else { return (start, 0) }
        let readsID = plainIDColumn != nil
        // A column of ids a spreadsheet mangled gives no ids: its rows go the general way.
        if let column = plainIDColumn, progress.state.mangledIdColumns.contains(column) { return (start, 0) }
        // The row is read into a local copy, what is the same for every plain row set once.
        var row = self.row
        defer { self.row = row }
        if rowMayHoldOtherLanes {
            row.values = .zero
            rowMayHoldOtherLanes = false
        }
        let allowsPoint = progress.state.decimals.readsDecimalPoints
        row.currency = plainCurrency
        row.followers = nil
        row.isLifetimeSnapshot = false
        // Rows without an id of the same instant that follow each other, summed, for a sink
        // that takes them so (see ``RecordSink/takesRunsOfRows``): the first's line and time,
        // how many, the sum of their values.
        let sumsRuns = S.takesRunsOfRows && !readsID && !plainReadsTitle
        var run = (line: 0, day: Day(number: 0), time: Int64.min, rows: 0, values: MetricValues.zero)
        /// Gives the run to `sink` as one row (a copy of the row being read, with the run's
        /// values, line and time).
        func deliverRun(into sink: inout S) {
            guard run.rows > 0 else { return }
            var first = row
            first.values = run.values
            first.line = run.line
            first.day = run.day
            first.time = run.time
            sink.metrics(first, rows: run.rows)
            run.rows = 0
        }
        defer { if sumsRuns { deliverRun(into: &sink) } }
        var position = start
        var line = firstLine
        while position < text.count {
            guard let record = reader.read(text, from: position, allowsPoint: allowsPoint, into: &row.values),
                  case .time(let day, let instant) = times.parse(record.time)
            else { break }
            if readsID {
                guard let id = Self.plainID(record.id, previous: &idText) else { break }
                row.id = id
            }
            if plainReadsTitle {
                guard !record.title.saysTotal else { break }
                row.title = record.title.isMissing ? nil : titleText.string(record.title.trimmed)
            }
            row.values.present = reader.present
            Self.addDerivedFields(to: &row.values)
            // A value the general path refused may have decided a decimal comma: the note
            // comes with the next row read, whichever path reads it.
            if !allowsPoint { Self.noteNewDecimalComma(line: line, progress: &progress, into: &sink) }
            row.line = line
            row.day = day
            row.time = instant
            progress.summary.count(from: day, to: day)
            if !sumsRuns {
                sink.metrics(row)
            } else if run.rows > 0, instant == run.time, day == run.day {
                run.values.add(row.values)
                run.rows &+= 1
            } else {
                deliverRun(into: &sink)
                run = (line, day, instant, 1, row.values)
            }
            position = record.next
            line &+= 1
        }
        return (position, line &- firstLine)
    }

    /// The id of a plain record as the general path reads it (trimmed, made a `String` only
    /// when it differs from the previous row's); nil when the general path must decide: the
    /// field is missing, says `Total`, or holds a number in scientific notation (an id the
    /// previous row had was none).
    @inline(__always)
    private static func plainID(_ field: FieldText, previous: inout RepeatedText) -> String? {
        if let id = previous.repeated(field.trimmed) { return id }
        guard !field.isMissing, !field.saysTotal, !isScientificNotation(field.trimmed) else { return nil }
        return previous.string(field.trimmed)
    }

    /// Notes, once per file, that a value decided the file writes decimal commas, with the
    /// row `line` that follows that value (or holds it).
    private static func noteNewDecimalComma<S: RecordSink>(line: Int, progress: inout FileProgress, into sink: inout S) {
        if progress.state.decimals.takeNewComma(), progress.state.firstTime(.decimalComma) {
            sink.note("numbers are written with a decimal comma (decided at line \(line))")
        }
    }

    /// Reads one record whose fields are `fields` (by column); `line` is its first line.
    /// Rows go straight to `sink` (or wait in `progress`); a rejection or a summary row is
    /// returned for the caller.
    mutating func build<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, line: Int,
                                       progress: inout FileProgress, into sink: inout S) -> Outcome {
        if Self.isSummary(fields, summarySources: summarySources, trafficDimensions: trafficDimensions) { return .summary }
        switch kind {
        case .metrics, .measuresWithoutTime: return buildMetrics(fields, line: line, progress: &progress, into: &sink)
        case .service: return buildService(fields, line: line, progress: &progress, into: &sink)
        case .notData(let reason): return .rejected(reason: "not a kpitop record: \(reason)")
        }
    }

    /// Gives the rows still waiting for the years of their dates to `sink` (end of file).
    mutating func finish<S: RecordSink>(progress: inout FileProgress, into sink: inout S) {
        guard !progress.yearless.isEmpty, let exportDay = facts.exportDay else { return }
        let (released, span) = progress.yearless.release(exportDay: exportDay.day, clock: facts.clock)
        for item in released {
            switch item {
            case .row(let row): deliver(row, progress: &progress, into: &sink)
            case .rejected(let line, let reason): sink.rejected(line: line, reason: reason)
            }
        }
        if let span {
            let days = span.lowerBound == span.upperBound ? "\(span.lowerBound)" : "\(span.lowerBound)..\(span.upperBound)"
            sink.note("dates without a year: \(days), from the file's export day (\(exportDay.day), \(exportDay.origin.rawValue))")
        }
    }

    /// A row right after the header that describes the columns: no time, and only text where
    /// numbers belong (old Facebook Insights exports).
    mutating func isDescriptionRow(_ fields: UnsafeBufferPointer<FieldText>) -> Bool {
        for source in timeSources {
            switch times.parse(Self.value(source, fields)) {
            case .time, .withoutYear: return false
            case .missing, .unparsable: continue
            }
        }
        var sawText = false
        for source in metricSources.map(\.source) + [followersSource].compactMap({ $0 }) {
            switch NumberText.parse(Self.value(source, fields)) {
            case .missing: continue
            case .notANumber: sawText = true
            case .number, .notFinite: return false
            }
        }
        return sawText
    }

    @inline(__always)
    private static func value(_ source: ColumnLayout.Source, _ fields: UnsafeBufferPointer<FieldText>) -> FieldText {
        switch source {
        case .column(let column): fields[column]
        case .constant(let text): text
        }
    }

    /// The value of `source`; empty when there is no such source.
    @inline(__always)
    private static func value(_ source: ColumnLayout.Source?, _ fields: UnsafeBufferPointer<FieldText>) -> FieldText {
        guard let source else { return .empty }
        return value(source, fields)
    }

    /// True for a `Total` row. This and the other helpers that ``build(_:line:progress:into:)``
    /// calls for every row are static: calling a method of the builder from a mutating one
    /// copied the whole builder (1.2 KB) per call.
    @inline(__always)
    private static func isSummary(_ fields: UnsafeBufferPointer<FieldText>, summarySources: [ColumnLayout.Source],
                                  trafficDimensions: [ColumnLayout.Source]?) -> Bool {
        if let first = fields.first, first.saysTotal { return true }
        for source in summarySources where value(source, fields).saysTotal { return true }
        if let trafficDimensions { return isTrafficTotal(fields, dimensions: trafficDimensions) }
        return false
    }

    /// A Google Analytics total row: no dimension value at all (an exploration's first row,
    /// `,,1091621,...,Grand total`), or one that says `Grand total` / `Gesamtsumme`.
    @inline(never)
    private static func isTrafficTotal(_ fields: UnsafeBufferPointer<FieldText>, dimensions: [ColumnLayout.Source]) -> Bool {
        var allMissing = true
        for source in dimensions {
            let text = value(source, fields).trimmed
            if text.equalsIgnoringCase("grand total") || text.equalsIgnoringCase("gesamtsumme") { return true }
            if !text.isEmpty { allMissing = false }
        }
        return allMissing
    }

    // MARK: Metrics

    private mutating func buildMetrics<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, line: Int,
                                                      progress: inout FileProgress, into sink: inout S) -> Outcome {
        let when: When
        switch metricsTime(fields, line: line, progress: &progress, into: &sink) {
        case .success(let found): when = found
        case .failure(let problem):
            if progress.summary.timeProblem == nil { progress.summary.timeProblem = problem.reason }
            return .rejected(reason: problem.reason)
        }
        row.values = .zero
        rowMayHoldOtherLanes = true
        var sign = MoneySign.none
        var headerCurrency: Currency?
        let readsDecimalPoints = progress.state.decimals.readsDecimalPoints
        for source in metricSources {
            let text = Self.value(source.source, fields)
            // Most values: digits as they are, read straight into units (the general path below
            // takes negatives, decorations, factors, parts, numbers out of range, and decimals
            // while the file's decimal convention is undecided).
            if source.isPlain, let units = NumberText.plainUnits(text, allowsPoint: readsDecimalPoints),
               units >= 0, units <= MetricValues.largestUnits {
                if source.isMoney { headerCurrency = headerCurrency ?? source.currency }
                row.values.set(source.field, units: units)
                continue
            }
            var number: NumberValue
            var moneySign = MoneySign.none
            if readsDecimalPoints, let plain = NumberText.plainNumber(text) {
                number = .number(plain)
            } else {
                (number, moneySign) = Self.readDecorated(text, source, progress: &progress)
            }
            if source.isMoney, case .number = number {
                headerCurrency = headerCurrency ?? source.currency
                if sign == .none { sign = moneySign }
            }
            switch number {
            case .number(var value):
                if source.factor != 1 { value *= source.factor }
                if abs(value) > MetricValues.largestMagnitude {
                    return .rejected(reason: "number too large in \(source.field.id): '\(text.excerpt())'")
                }
                if value < 0, !source.isMoney {
                    guard allowsNetCounts || source.mayBeNegative else {
                        return .rejected(reason: "negative \(source.field.id)")
                    }
                    if progress.state.firstTime(.netCounts) {
                        sink.note("negative values kept as net changes (\(source.field.id), first at line \(line))")
                    }
                }
                if source.isPart, let earlier = row.values[source.field] { value += earlier }
                row.values.set(source.field, to: value)
            case .missing:
                continue
            case .notANumber:
                return .rejected(reason: "not a number in \(source.field.id): '\(text.excerpt())'")
            case .notFinite:
                return .rejected(reason: "not a finite number in \(source.field.id): '\(text.excerpt())'")
            }
        }
        if !readsDecimalPoints { Self.noteNewDecimalComma(line: line, progress: &progress, into: &sink) }
        var followers: Double?
        if let source = followersSource {
            switch progress.state.decimals.read(Self.value(source, fields)) {
            case .number(let number) where number >= 0: followers = number
            case .number: return .rejected(reason: "negative followers")
            case .missing: break
            case .notANumber: return .rejected(reason: "not a number in followers: '\(Self.value(source, fields).excerpt())'")
            case .notFinite: return .rejected(reason: "not a finite number in followers: '\(Self.value(source, fields).excerpt())'")
            }
        }
        if averageViewDurationSource != nil { addWatchTimeFromAverage(fields) }
        if customerValueSource != nil {
            if let problem = addCustomerValue(fields, sign: &sign, progress: &progress) { return .rejected(reason: problem) }
        }
        let mayHaveCurrency = sign != .none || headerCurrency != nil || currencySource != nil || facts.currency != nil
        row.currency = mayHaveCurrency && row.values.present & Self.moneyBits != 0
            ? Self.currency(headerCurrency: headerCurrency, sign: sign, currencySource: currencySource,
                            configured: facts.currency, fields) : nil
        // Without those columns the row keeps the default platform and no id or title.
        if platformSource != nil { row.platform = platform(fields) }
        if !idSources.isEmpty {
            if let field = Self.id(fields, idSources: idSources, headers: headers, line: line, progress: &progress, into: &sink) {
                row.id = idText.string(field)
            } else {
                row.id = nil
            }
        }
        if !titleSources.isEmpty {
            if let field = Self.firstField(titleSources, fields) { row.title = titleText.string(field) } else { row.title = nil }
        }
        if hasPostFacts { row.facts = row.id == nil ? PostFacts() : postFacts(fields, when: when) }
        if traffic != nil { attributeTraffic(fields) }
        row.followers = followers
        row.line = line
        row.isLifetimeSnapshot = false
        if holdsTraffic {
            holdTraffic(when, progress: &progress, into: &sink)
            return .delivered
        }
        if case .period(let first, let last) = when {
            deliverPeriod(from: first, to: last, progress: &progress, into: &sink)
            return .delivered
        }
        Self.addDerivedFields(to: &row.values)
        if case .instant(let day, let instant) = when, progress.yearless.isEmpty {
            row.day = day
            row.time = instant
            progress.summary.count(from: day, to: day)
            sink.metrics(row)
            return .delivered
        }
        holdOrBook(when, progress: &progress, into: &sink)
        return .delivered
    }

    /// A traffic row's platform (by its source or channel group, else the "not social" total)
    /// and campaign (its id and title; GA4's `(not set)`, `(direct)`... are no campaign).
    @inline(never)
    private mutating func attributeTraffic(_ fields: UnsafeBufferPointer<FieldText>) {
        var social: String?
        if let source = trafficSourceSource {
            social = facts.trafficSources.platform(ofSource: Self.value(source, fields).string())
        } else if let source = channelGroupSource {
            social = facts.trafficSources.platform(ofChannel: Self.value(source, fields).string())
        } else {
            social = facts.defaultPlatform
        }
        row.platform = social ?? KPISnapshot.notSocialPlatform
        row.id = nil
        row.title = nil
        if social != nil, let source = campaignSource {
            let campaign = Self.value(source, fields).trimmed
            if !campaign.isMissing, !Self.isNoCampaign(campaign) {
                row.id = campaign.string()
                row.title = row.id
            }
        }
    }

    /// What the row says about its post: its publish time (a time of the publish column, or the
    /// row's own time in a post export), type and link.
    @inline(never)
    private mutating func postFacts(_ fields: UnsafeBufferPointer<FieldText>, when: When) -> PostFacts {
        var facts = PostFacts()
        switch publishTimeSource {
        case .source(let source)?:
            if case .time(_, let instant) = times.parse(Self.value(source, fields)) { facts.publishedAt = instant }
        case .rowTime?:
            if case .instant(_, let instant) = when { facts.publishedAt = instant }
        case nil:
            break
        }
        if let source = postTypeSource { facts.type = Self.firstField([source], fields)?.string() }
        if let source = permalinkSource { facts.permalink = Self.firstField([source], fields)?.string() }
        return facts
    }

    /// GA4's placeholders for sessions without a campaign.
    private static func isNoCampaign(_ text: FieldText) -> Bool {
        guard let first = text.bytes.first, first == UInt8(ascii: "(") else { return false }
        return noCampaign.contains(text.string().lowercased())
    }

    private static let noCampaign: Set<String> = ["(not set)", "(direct)", "(organic)", "(referral)", "(none)",
                                                  "(cross-network)", "(data not available)", "(other)"]

    /// Holds a traffic row (each day's share of a period total) until the file ends.
    @inline(never)
    private mutating func holdTraffic<S: RecordSink>(_ when: When, progress: inout FileProgress, into sink: inout S) {
        switch when {
        case .instant(let day, let instant):
            Self.addDerivedFields(to: &row.values)
            row.day = day
            row.time = instant
            progress.traffic.countRow(from: day, to: day)
            progress.traffic.add(row)
        case .period(let first, let last):
            let total = row.values
            let spread = PeriodSpread(days: first.distance(to: last) + 1)
            progress.traffic.countRow(from: first, to: last)
            for index in 0..<spread.days {
                row.values = spread.share(of: total, onDay: index)
                row.day = first.adding(days: index)
                row.time = facts.clock.startOfDay(row.day)
                progress.traffic.add(row)
            }
        case .snapshot(let day):
            row.day = day
            row.time = facts.clock.startOfDay(day)
            row.isLifetimeSnapshot = true
            progress.traffic.countRow(from: day, to: day)
            progress.traffic.add(row)
        case .withoutYear:
            holdOrBook(when, progress: &progress, into: &sink)
        }
    }

    /// The rarer ends of a metrics row: held for the year of its date (or behind such rows), or
    /// booked on the export day as a snapshot.
    @inline(never)
    private mutating func holdOrBook<S: RecordSink>(_ when: When, progress: inout FileProgress, into sink: inout S) {
        switch when {
        case .instant(let day, let instant):
            row.day = day
            row.time = instant
            progress.yearless.holdDated(row)
        case .withoutYear(let month, let day, let secondOfDay):
            progress.yearless.hold(row, month: month, day: day, secondOfDay: secondOfDay)
        case .snapshot(let day):
            row.day = day
            row.time = facts.clock.startOfDay(day)
            row.isLifetimeSnapshot = true
            deliver(row, progress: &progress, into: &sink)
        case .period:
            break
        }
    }

    /// A number that is not plain, or any number while the file's decimal convention is not
    /// decided: read under the decision, with the currency sign money carries.
    @inline(never)
    private static func readDecorated(_ text: FieldText, _ source: MetricColumn,
                               progress: inout FileProgress) -> (value: NumberValue, sign: MoneySign) {
        if source.isMoney { return progress.state.decimals.readMoney(text) }
        return (progress.state.decimals.read(text, isCount: source.factor == 1), .none)
    }

    private static let moneyBits = MetricField.revenue.bit | MetricField.spend.bit | MetricField.siteRevenue.bit
        | MetricField.customerValueSum.bit

    /// Counts a row in the file's summary and gives it to the sink.
    @inline(__always)
    private func deliver<S: RecordSink>(_ row: MetricsRow, progress: inout FileProgress, into sink: inout S) {
        progress.summary.count(from: row.day, to: row.day)
        sink.metrics(row)
    }

    /// Gives one row per day of `first...last` holding that day's share of the period total;
    /// the follower count (a level) goes to the last day only.
    @inline(never)
    private mutating func deliverPeriod<S: RecordSink>(from first: Day, to last: Day, progress: inout FileProgress,
                                                       into sink: inout S) {
        let total = row.values
        let followers = row.followers
        let spread = PeriodSpread(days: first.distance(to: last) + 1)
        progress.summary.count(from: first, to: last)
        for index in 0..<spread.days {
            let day = first.adding(days: index)
            row.values = spread.share(of: total, onDay: index)
            Self.addDerivedFields(to: &row.values)
            row.day = day
            row.time = facts.clock.startOfDay(day)
            row.followers = index == spread.days - 1 ? followers : nil
            sink.metrics(row)
        }
    }

    /// Watch time = average view duration × views, for files that give the average but no watch
    /// time column (our choice; YouTube rounds the average to whole seconds).
    @inline(never)
    private mutating func addWatchTimeFromAverage(_ fields: UnsafeBufferPointer<FieldText>) {
        guard let source = averageViewDurationSource, let views = row.values[.videoViews],
              let average = DurationText.seconds(Self.value(source, fields))
        else { return }
        row.values.set(.watchTimeSeconds, to: (average * views).rounded())
    }

    /// The row's customer lifetime value as its two lanes: the value times the row's new
    /// customers (1 without them), and that weight (our choice, docs/DATA.md). A problem with
    /// the value is returned as the row's rejection.
    @inline(never)
    private mutating func addCustomerValue(_ fields: UnsafeBufferPointer<FieldText>, sign: inout MoneySign,
                                           progress: inout FileProgress) -> String? {
        guard let source = customerValueSource else { return nil }
        let text = Self.value(source, fields)
        let (number, moneySign) = progress.state.decimals.readMoney(text)
        switch number {
        case .missing: return nil
        case .number(let cltv):
            guard cltv >= 0 else { return "negative cltv" }
            guard cltv <= MetricValues.largestMagnitude else { return "number too large in cltv: '\(text.excerpt())'" }
            let weight = row.values[.newCustomers] ?? 1
            row.values.set(.customerValueSum, to: cltv * weight)
            row.values.set(.customerValueWeight, to: weight)
            if sign == .none { sign = moneySign }
            return nil
        case .notANumber: return "not a number in cltv: '\(text.excerpt())'"
        case .notFinite: return "not a finite number in cltv: '\(text.excerpt())'"
        }
    }

    /// The row's currency: a code in a money column's header, a currency column, `€`/`£`/an
    /// ISO code in the values, the mapping's or config's currency, and last `$` as US dollars.
    @inline(never)
    private static func currency(headerCurrency: Currency?, sign: MoneySign, currencySource: ColumnLayout.Source?,
                                 configured: Currency?, _ fields: UnsafeBufferPointer<FieldText>) -> Currency? {
        if let headerCurrency { return headerCurrency }
        if let source = currencySource, let code = Currency(code: value(source, fields).trimmed.string()) { return code }
        if case .currency(let stated) = sign { return stated }
        if let configured { return configured }
        return sign == .dollar ? .usd : nil
    }

    /// interactions = likes + comments + shares + saves when the row has any of them, else
    /// its engagements; absent when it has none of the five. net_follower_growth, when the row
    /// has no net column, = followers_gained − followers_lost (either may be missing).
    private static func addDerivedFields(to values: inout MetricValues) {
        let parts: UInt32 = MetricField.likes.bit | MetricField.comments.bit | MetricField.shares.bit | MetricField.saves.bit
        if values.present & parts != 0 {
            values.set(.interactions, units: values.units(of: .likes) &+ values.units(of: .comments)
                       &+ values.units(of: .shares) &+ values.units(of: .saves))
        } else if let engagements = values[.engagements] {
            values[.interactions] = engagements
        }
        let gainedOrLost = MetricField.followersGained.bit | MetricField.followersLost.bit
        if values.present & MetricField.netFollowerGrowth.bit == 0, values.present & gainedOrLost != 0 {
            values.set(.netFollowerGrowth, units: values.units(of: .followersGained) &- values.units(of: .followersLost))
        }
    }

    /// When the row happened: the first time column that holds a time (or a date without a
    /// year); else its reporting range; else, in a file without dates, the export day.
    @inline(__always)
    private mutating func metricsTime<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, line: Int,
                                                     progress: inout FileProgress,
                                                     into sink: inout S) -> Result<When, RowProblem> {
        // The common case: a time column that holds a time, after any empty ones.
        for source in timeSources {
            switch times.parse(Self.value(source, fields)) {
            case .time(let day, let instant): return .success(.instant(day: day, epochMilliseconds: instant))
            case .missing: continue
            case .withoutYear, .unparsable: break
            }
            break
        }
        return otherTime(fields, line: line, progress: &progress, into: &sink)
    }

    /// ``metricsTime(_:line:progress:into:)`` for every other case.
    @inline(never)
    private mutating func otherTime<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, line: Int,
                                                   progress: inout FileProgress,
                                                   into sink: inout S) -> Result<When, RowProblem> {
        var problem: RowProblem?
        for source in timeSources {
            let text = Self.value(source, fields)
            switch times.parse(text) {
            case .time(let day, let instant): return .success(.instant(day: day, epochMilliseconds: instant))
            case .withoutYear(let month, let day, let secondOfDay):
                guard let exportDay = facts.exportDay else {
                    problem = problem ?? RowProblem(reason: "date without a year: '\(text.excerpt())' "
                        + "(no date in the file name and no modification day to take the year from)")
                    continue
                }
                progress.summary.exportDay = exportDay
                return .success(.withoutYear(month: month, day: day, secondOfDay: secondOfDay))
            case .missing: continue
            case .unparsable: problem = problem ?? RowProblem(reason: "unparsable time '\(text.excerpt())'")
            }
        }
        if let source = nthDaySource, let range = facts.reportRange {
            let text = Self.value(source, fields)
            guard case .number(let n) = NumberText.parse(text), n >= 0, n == n.rounded(), n < 3660 else {
                return .failure(RowProblem(reason: "not a day number in nth_day: '\(text.excerpt())'"))
            }
            let day = range.lowerBound.adding(days: Int(n))
            return .success(.instant(day: day, epochMilliseconds: facts.clock.startOfDay(day)))
        }
        if let start = rangeStartSource {
            return period(start, fields, line: line, progress: &progress, into: &sink)
        }
        if let range = facts.reportRange {
            return reportPeriod(range, line: line, progress: &progress, into: &sink)
        }
        if case .measuresWithoutTime = kind {
            guard let exportDay = facts.exportDay else {
                return .failure(RowProblem(reason: "no time column (expected \(FieldAliases.timeNamesForMessages)), "
                    + "and no export day to book the row on"))
            }
            progress.summary.exportDay = exportDay
            if progress.state.firstTime(.snapshot) {
                sink.note("no date column: rows are lifetime totals, booked on the export day \(exportDay.day) "
                    + "(\(exportDay.origin.rawValue)); a later export of the same posts replaces them")
            }
            return .success(.snapshot(exportDay.day))
        }
        return .failure(problem ?? RowProblem(reason: "no time"))
    }

    /// A reporting range: one day, or a period total spread over the days the campaign ran in it.
    @inline(never)
    private mutating func period<S: RecordSink>(_ startSource: ColumnLayout.Source, _ fields: UnsafeBufferPointer<FieldText>,
                                                line: Int, progress: inout FileProgress,
                                                into sink: inout S) -> Result<When, RowProblem> {
        let startText = Self.value(startSource, fields)
        guard case .time(let first, let instant) = times.parse(startText) else {
            return .failure(RowProblem(reason: startText.isMissing ? "no time" : "unparsable time '\(startText.excerpt())'"))
        }
        guard let endSource = rangeEndSource, case .time(let last, _) = times.parse(Self.value(endSource, fields)),
              last > first
        else { return .success(.instant(day: first, epochMilliseconds: instant)) }
        var from = first
        var to = last
        if let source = campaignStartSource, case .time(let starts, _) = times.parse(Self.value(source, fields)) {
            from = max(from, starts)
        }
        if let source = campaignEndSource, case .time(let ends, _) = times.parse(Self.value(source, fields)) {
            to = min(to, ends)
        }
        if from > to {
            from = first
            to = last
        }
        guard from.distance(to: to) < 3660 else {
            return .failure(RowProblem(reason: "reporting range longer than ten years: \(from)..\(to)"))
        }
        if from < to, progress.state.firstTime(.periodTotals) {
            sink.note("period totals, not daily: spread evenly over each row's reporting range "
                + "(first at line \(line)); export with the Day breakdown for a daily series")
        }
        return .success(from == to ? .instant(day: from, epochMilliseconds: facts.clock.startOfDay(from))
            : .period(first: from, last: to))
    }

    /// A row without a date in a file whose comment lines give its reporting range (Google
    /// Analytics `# Start date` / `# End date`): a period total over that range, booked as the
    /// Ads Manager's are (``PeriodSpread``).
    @inline(never)
    private func reportPeriod<S: RecordSink>(_ range: ClosedRange<Day>, line: Int, progress: inout FileProgress,
                                             into sink: inout S) -> Result<When, RowProblem> {
        let (first, last) = (range.lowerBound, range.upperBound)
        guard first.distance(to: last) < 3660 else {
            return .failure(RowProblem(reason: "reporting range longer than ten years: \(first)..\(last)"))
        }
        if first < last, progress.state.firstTime(.periodTotals) {
            sink.note("period totals, not daily: spread evenly over the report's range \(first)..\(last) "
                + "(# Start date / # End date, first at line \(line)); add the Date dimension for a daily series")
        }
        return .success(first == last ? .instant(day: first, epochMilliseconds: facts.clock.startOfDay(first))
            : .period(first: first, last: last))
    }

    private mutating func platform(_ fields: UnsafeBufferPointer<FieldText>) -> String {
        if let source = platformSource {
            let text = Self.value(source, fields)
            if !text.isMissing { return platforms.name(for: text) }
        }
        return facts.defaultPlatform
    }

    /// The first id, skipping columns whose ids a spreadsheet turned into numbers like
    /// `6.54E+17` (many posts would share one): such a column gives no ids from then on.
    @inline(never)
    private static func id<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, idSources: [ColumnLayout.Source],
                                          headers: [String], line: Int, progress: inout FileProgress,
                                          into sink: inout S) -> FieldText? {
        for source in idSources {
            if case .column(let column) = source, progress.state.mangledIdColumns.contains(column) { continue }
            let text = Self.value(source, fields)
            guard !text.isMissing else { continue }
            if Self.isScientificNotation(text.trimmed), case .column(let column) = source {
                progress.state.mangledIdColumns.insert(column)
                sink.note("column '\(headers[column])' holds ids in scientific notation ('\(text.excerpt())', "
                    + "from a spreadsheet): its rows are read without ids from line \(line) on and add up")
                continue
            }
            return text.trimmed
        }
        return nil
    }

    /// `6.54E+17`, `1,2E+18`: a mantissa with a fraction, then an exponent.
    static func isScientificNotation(_ text: FieldText) -> Bool {
        var index = 0
        var digits = 0
        while index < text.count, text[index] &- 0x30 < 10 { index += 1; digits += 1 }
        guard digits > 0, index < text.count else { return false }
        if text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ",") {
            index += 1
            while index < text.count, text[index] &- 0x30 < 10 { index += 1 }
        }
        guard index < text.count, text[index] | 0x20 == UInt8(ascii: "e") else { return false }
        index += 1
        if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
        let exponentStart = index
        while index < text.count, text[index] &- 0x30 < 10 { index += 1 }
        return index == text.count && index > exponentStart
    }

    /// The first of `sources` with a value, trimmed.
    private static func firstField(_ sources: [ColumnLayout.Source], _ fields: UnsafeBufferPointer<FieldText>) -> FieldText? {
        for source in sources {
            let text = Self.value(source, fields)
            if !text.isMissing { return text.trimmed }
        }
        return nil
    }

    // MARK: Service

    /// Lets ``buildTicketRecords(_:from:firstLine:progress:into:)`` frame records separated by
    /// `delimiter` in one pass when the header is a ticket table whose service fields and id
    /// are columns, without a platform column (the file's platform is every record's).
    private mutating func readTicketRecords(delimitedBy delimiter: UInt8) {
        guard platformSource == nil, traffic == nil, !holdsTraffic, idSources.count <= 1 else { return }
        var roles: [(column: Int, role: TicketRecordReader.Role)] = []
        let sources: [(ColumnLayout.Source?, TicketRecordReader.Role)] = [
            (idSources.first, .id), (openedAtSource, .openedAt), (firstResponseAtSource, .firstResponseAt),
            (firstReplyMinutesSource, .firstReplyMinutes), (resolvedAtSource, .resolvedAt), (csatSource, .csat),
            (sentimentSource, .sentiment),
        ]
        for (source, role) in sources {
            guard let source else { continue }
            guard case .column(let column) = source else { return }
            roles.append((column, role))
        }
        var summaryColumns: [Int] = []
        for source in summarySources {
            guard case .column(let column) = source else { return }
            summaryColumns.append(column)
        }
        ticketRecords = TicketRecordReader(columnCount: headers.count, delimiter: delimiter, roles: roles,
                                           summaryColumns: summaryColumns)
        ticketBatch.platform = facts.defaultPlatform
    }

    /// Reads the records of a ticket table from `start` in `text` (the file's bytes, at least
    /// eight of them) in one pass, one service record each to `sink`, as long as
    /// ``TicketRecordReader`` frames them and they need none of the general path's decisions:
    /// a record the rules refuse, or one whose id is missing, goes the general way with
    /// nothing decided. `firstLine` is the line of the first. Returns where the records read
    /// end (`start` when none was) and how many there were; the record there is for the
    /// general path, which frames and reads it.
    private mutating func buildTicketRecords<S: RecordSink>(_ text: UnsafeRawBufferPointer, from start: Int,
                                                            firstLine: Int, progress: inout FileProgress,
                                                            into sink: inout S) -> (end: Int, records: Int) {
        guard let reader = ticketRecords else { return (start, 0) }
        let readsID = !idSources.isEmpty
        var position = start
        var line = firstLine
        var record = TicketRecordReader.Record()
        var readAll = true
        while readAll, position < text.count {
            // Written in place (an `append` asked whether the array was shared, a call per record).
            ticketBatch.records = [ServiceRecordBatch.Record](unsafeUninitializedCapacity: Self.ticketBatchSize) { records, count in
                while count < Self.ticketBatchSize, position < text.count {
                    guard reader.read(text, from: position, into: &record), !readsID || !record.id.isMissing,
                          let values = try? serviceValues(record.texts)
                    else {
                        readAll = false
                        return
                    }
                    let day = times.day(ofInstant: values.openedAt)
                    progress.summary.count(from: day, to: day)
                    records.initializeElement(at: count, to: .init(id: readsID ? record.id.trimmed.bytes : nil,
                                                                    values: values, line: line))
                    count += 1
                    position = record.next
                    line &+= 1
                }
            }
            // Before the general path reads on, and while the ids' bytes are there.
            if !ticketBatch.records.isEmpty { giveTicketBatch(to: &sink) }
        }
        return (position, line &- firstLine)
    }

    /// Gives the ticket records read in one pass to `sink`, and empties the batch.
    private mutating func giveTicketBatch<S: RecordSink>(to sink: inout S) {
        sink.services(ticketBatch)
        ticketBatch.records = []
    }

    private mutating func buildService<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, line: Int,
                                                      progress: inout FileProgress, into sink: inout S) -> Outcome {
        do throws(RowProblem) {
            let values = try serviceValues(ServiceTexts(
                openedAt: Self.value(openedAtSource, fields), firstResponseAt: Self.value(firstResponseAtSource, fields),
                firstReplyMinutes: Self.value(firstReplyMinutesSource, fields),
                resolvedAt: Self.value(resolvedAtSource, fields), csat: Self.value(csatSource, fields),
                sentiment: Self.value(sentimentSource, fields)))
            let row = ServiceRow(platform: platform(fields), id: Self.firstField(idSources, fields)?.string(),
                                 values: values, line: line)
            let day = times.day(ofInstant: values.openedAt)
            progress.summary.count(from: day, to: day)
            sink.service(row)
            return .delivered
        } catch {
            if progress.summary.timeProblem == nil, error.isAboutTime { progress.summary.timeProblem = error.reason }
            return .rejected(reason: error.reason)
        }
    }

    /// What a service record's texts say, or why the record is refused. The one reading of
    /// them, for records split by ``CSVFields`` and for those ``TicketRecordReader`` frames.
    private mutating func serviceValues(_ texts: ServiceTexts) throws(RowProblem) -> ServiceValues {
        guard let openedAt = try instant(texts.openedAt, .openedAt) else { throw RowProblem(reason: "no opened_at") }
        var firstResponseAt = try instant(texts.firstResponseAt, .firstResponseAt)
        if firstResponseAt == nil,
           let minutes = try Self.number(texts.firstReplyMinutes, named: "first_reply_minutes", negativeAllowed: false).get() {
            // Beyond 10^15 ms (31,000 years) it is no reply time, and no instant: it would
            // trap on conversion (found by the CSV fuzz target).
            let milliseconds = (minutes * 60_000).rounded()
            guard milliseconds < 1e15 else { throw RowProblem(reason: "first_reply_minutes out of range") }
            firstResponseAt = openedAt + Int64(milliseconds)
        }
        let resolvedAt = try instant(texts.resolvedAt, .resolvedAt)
        if let firstResponseAt, firstResponseAt < openedAt { throw RowProblem(reason: "first_response_at before opened_at") }
        if let resolvedAt, resolvedAt < openedAt { throw RowProblem(reason: "resolved_at before opened_at") }
        return ServiceValues(openedAt: openedAt, firstResponseAt: firstResponseAt, resolvedAt: resolvedAt,
                             csat: try Self.csat(texts.csat), sentiment: try Self.sentiment(texts.sentiment))
    }

    /// The instant `text` holds, nil when there is none; `field` names it in a rejection.
    private mutating func instant(_ text: FieldText, _ field: CanonicalField) throws(RowProblem) -> Int64? {
        let value = times.parse(text)
        if case .time(_, let instant) = value { return instant }
        if case .missing = value { return nil }
        throw Self.timeProblem(value, text, field)
    }

    /// Why a time that is neither an instant nor missing is refused.
    @inline(never)
    private static func timeProblem(_ value: TimeValue, _ text: FieldText, _ field: CanonicalField) -> RowProblem {
        if case .withoutYear = value {
            return RowProblem(reason: "date without a year in \(field.name): '\(text.excerpt())'", isAboutTime: true)
        }
        return RowProblem(reason: "unparsable time '\(text.excerpt())' in \(field.name)", isAboutTime: true)
    }

    /// A number, nil when missing, or the rejection its text earns.
    private static func number(_ text: FieldText, named name: String, negativeAllowed: Bool) -> Result<Double?, RowProblem> {
        switch NumberText.parse(text, nanIsMissing: true) {
        case .missing: return .success(nil)
        case .number(let number):
            if number < 0, !negativeAllowed { return .failure(RowProblem(reason: "negative \(name)")) }
            return .success(number)
        case .notANumber: return .failure(RowProblem(reason: "not a number in \(name): '\(text.excerpt())'"))
        case .notFinite: return .failure(RowProblem(reason: "not a finite number in \(name): '\(text.excerpt())'"))
        }
    }

    /// 1 to 5; Zendesk's `Good` = 5 and `Bad` = 1; `Offered` / `Not Offered` = unrated.
    private static func csat(_ text: FieldText) throws(RowProblem) -> Double? {
        // The common values: none, or one digit of 1 to 5 (read as the rest would read them).
        if text.isEmpty { return nil }
        if text.count == 1, text[0] &- UInt8(ascii: "1") < 5 { return Double(text[0] &- UInt8(ascii: "0")) }
        let word = text.trimmed
        if startsWithLetter(word) {
            if word.equalsIgnoringCase("good") { return 5 }
            if word.equalsIgnoringCase("bad") { return 1 }
            if word.equalsIgnoringCase("offered") || word.equalsIgnoringCase("not offered")
                || word.equalsIgnoringCase("unoffered") {
                return nil
            }
        }
        guard let score = try number(text, named: "csat", negativeAllowed: true).get() else { return nil }
        guard (1...5).contains(score) else { throw RowProblem(reason: "csat outside 1..5: \(text.excerpt())") }
        return score
    }

    /// `positive` / `neutral` / `negative`, or the sign of a number in [-1, 1].
    private static func sentiment(_ text: FieldText) throws(RowProblem) -> Sentiment? {
        if text.isEmpty { return nil }
        let word = text.trimmed
        // Compared with each word as one 64-bit word, with its length.
        if let letters = word.lowercasedWord {
            switch (word.count, letters) {
            case (8, Self.positiveWord): return .positive
            case (7, Self.neutralWord): return .neutral
            case (8, Self.negativeWord): return .negative
            default: break
            }
        }
        switch NumberText.parse(text, nanIsMissing: true) {
        case .missing: return nil
        case .number(let score):
            guard (-1...1).contains(score) else { throw RowProblem(reason: "sentiment outside -1..1: \(text.excerpt())") }
            return score > 0 ? .positive : score < 0 ? .negative : .neutral
        case .notANumber, .notFinite:
            throw RowProblem(reason: "not a sentiment: '\(text.excerpt())'")
        }
    }

    /// `positive`, `neutral` and `negative` as little-endian bytes
    /// (``FieldText/lowercasedWord``).
    private static let positiveWord: UInt64 = 0x6576_6974_6973_6F70
    private static let neutralWord: UInt64 = 0x006C_6172_7475_656E
    private static let negativeWord: UInt64 = 0x6576_6974_6167_656E

    /// True when `text` starts with an ASCII letter: only then can it be one of the words csat
    /// and sentiment take (numbers, the common case, are not compared with each word).
    @inline(__always)
    private static func startsWithLetter(_ text: FieldText) -> Bool {
        guard let first = text.bytes.first else { return false }
        return first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")
    }
}

/// Why a row is refused, while a record is being read.
private struct RowProblem: Error {
    let reason: String
    /// True when the row's time is what is wrong (for `check`'s sentence about undated files).
    var isAboutTime = false
}
