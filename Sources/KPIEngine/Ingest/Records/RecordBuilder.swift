/// Turns the field values of one record into a ``MetricsRow``, a ``ServiceRow`` or a
/// rejection, following the layout of its header (docs/DATA.md sections 2 and 3).
struct RecordBuilder {
    /// What the header says the records are.
    let kind: ColumnLayout.Kind
    private let defaultPlatform: String
    private var times: TimeText
    private var platforms = PlatformInterner()
    /// The metrics row being read, reused for every record so that delivering one copies nothing.
    private var row: MetricsRow

    private let metricSources: [(source: ColumnLayout.Source, field: MetricField)]
    private let followersSource: ColumnLayout.Source?
    private let timeSources: [ColumnLayout.Source]
    private let idSources: [ColumnLayout.Source]
    private let titleSources: [ColumnLayout.Source]
    /// Where a `Total` row says so besides its first field: id, title and time values.
    private let summarySources: [ColumnLayout.Source]
    private let platformSource: ColumnLayout.Source?
    private let openedAtSource: ColumnLayout.Source?
    private let firstResponseAtSource: ColumnLayout.Source?
    private let firstReplyMinutesSource: ColumnLayout.Source?
    private let resolvedAtSource: ColumnLayout.Source?
    private let csatSource: ColumnLayout.Source?
    private let sentimentSource: ColumnLayout.Source?

    /// How a record ended up.
    enum Outcome {
        /// A metrics or service row went to the sink.
        case delivered
        case rejected(reason: String)
        /// A `Total` / `Totals` row: skipped, not rejected (it would double count).
        case summary
    }

    init(layout: ColumnLayout, clock: DayClock, defaultPlatform: String) {
        kind = layout.kind
        self.defaultPlatform = defaultPlatform
        row = MetricsRow(platform: defaultPlatform, day: Day(number: 0), time: 0, values: .zero, line: 0)
        times = TimeText(clock: clock)
        metricSources = layout.sources.compactMap { field, sources in
            guard case .metric(let metric) = field else { return nil }
            return (sources[0], metric)
        }.sorted { $0.field.rawValue < $1.field.rawValue }
        followersSource = layout.source(.followers)
        timeSources = layout.sources[.time] ?? []
        idSources = layout.sources[.id] ?? []
        titleSources = layout.sources[.title] ?? []
        summarySources = idSources + titleSources + timeSources
        platformSource = layout.source(.platform)
        openedAtSource = layout.source(.openedAt)
        firstResponseAtSource = layout.source(.firstResponseAt)
        firstReplyMinutesSource = layout.source(.firstReplyMinutes)
        resolvedAtSource = layout.source(.resolvedAt)
        csatSource = layout.source(.csat)
        sentimentSource = layout.source(.sentiment)
    }

    /// Reads one record whose fields are `fields` (by column); `line` is its first line.
    /// Rows go straight to `sink`; a rejection or a summary row is returned for the caller.
    mutating func build<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, line: Int, into sink: inout S) -> Outcome {
        if isSummary(fields) { return .summary }
        switch kind {
        case .metrics: return buildMetrics(fields, line: line, into: &sink)
        case .service: return buildService(fields, line: line, into: &sink)
        case .measuresWithoutTime: return .rejected(reason: "no time column (expected \(FieldAliases.timeNamesForMessages))")
        case .notData(let reason): return .rejected(reason: "not a kpitop record: \(reason)")
        }
    }

    /// A row right after the header that describes the columns: no time, and only text where
    /// numbers belong (old Facebook Insights exports).
    mutating func isDescriptionRow(_ fields: UnsafeBufferPointer<FieldText>) -> Bool {
        for source in timeSources {
            if case .time = times.parse(value(source, fields)) { return false }
        }
        var sawText = false
        for source in measureSources {
            switch NumberText.parse(value(source, fields)) {
            case .missing: continue
            case .notANumber: sawText = true
            case .number, .notFinite: return false
            }
        }
        return sawText
    }

    private var measureSources: [ColumnLayout.Source] {
        metricSources.map(\.source) + [followersSource].compactMap { $0 }
    }

    private func value(_ source: ColumnLayout.Source, _ fields: UnsafeBufferPointer<FieldText>) -> FieldText {
        switch source {
        case .column(let column): fields[column]
        case .constant(let text): text
        }
    }

    @inline(__always)
    private func isSummary(_ fields: UnsafeBufferPointer<FieldText>) -> Bool {
        if let first = fields.first, Self.isTotal(first) { return true }
        for source in summarySources where Self.isTotal(value(source, fields)) { return true }
        return false
    }

    @inline(__always)
    private static func isTotal(_ text: FieldText) -> Bool {
        guard text.count >= 5, text.count <= 8 else { return false }
        let word = text.trimmed
        return word.equalsIgnoringCase("total") || word.equalsIgnoringCase("totals")
    }

    // MARK: Metrics

    private mutating func buildMetrics<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, line: Int, into sink: inout S) -> Outcome {
        guard let time = firstTime(fields) else { return .rejected(reason: timeRejection(fields)) }
        row.values = .zero
        for (source, field) in metricSources {
            let text = value(source, fields)
            switch NumberText.parse(text) {
            case .number(let number) where abs(number) > MetricValues.largestMagnitude:
                return .rejected(reason: "number too large in \(field.id): '\(text.excerpt())'")
            case .number(let number) where number >= 0 || field.mayBeNegative:
                row.values.set(field, to: number)
            case .missing: continue
            default:
                if case .failure(let rejection) = Self.number(text, named: field.id, negativeAllowed: false) {
                    return .rejected(reason: rejection.reason)
                }
            }
        }
        var followers: Double?
        if let source = followersSource {
            switch Self.number(value(source, fields), named: "followers", negativeAllowed: false) {
            case .success(let number): followers = number
            case .failure(let rejection): return .rejected(reason: rejection.reason)
            }
        }
        Self.addDerivedFields(to: &row.values)
        // Without those columns the row keeps the default platform and no id or title.
        if platformSource != nil { row.platform = platform(fields) }
        if !idSources.isEmpty { row.id = firstText(idSources, fields) }
        if !titleSources.isEmpty { row.title = firstText(titleSources, fields) }
        row.day = time.day
        row.time = time.epochMilliseconds
        row.followers = followers
        row.line = line
        sink.metrics(row)
        return .delivered
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

    /// The value of the first time column that holds a time.
    private mutating func firstTime(_ fields: UnsafeBufferPointer<FieldText>) -> (day: Day, epochMilliseconds: Int64)? {
        for source in timeSources {
            if case .time(let day, let instant) = times.parse(value(source, fields)) { return (day, instant) }
        }
        return nil
    }

    /// Why a row has no time (see ``firstTime(_:)``): the first time value that is wrong.
    private mutating func timeRejection(_ fields: UnsafeBufferPointer<FieldText>) -> String {
        for source in timeSources {
            let text = value(source, fields)
            switch times.parse(text) {
            case .time, .missing: continue
            case .withoutYear: return "date without a year: '\(text.excerpt())'"
            case .unparsable: return "unparsable time '\(text.excerpt())'"
            }
        }
        return "no time"
    }

    /// A number, nil when missing, or the rejection its text earns.
    private static func number(_ text: FieldText, named name: String, negativeAllowed: Bool) -> Result<Double?, RowProblem> {
        switch NumberText.parse(text) {
        case .missing: return .success(nil)
        case .number(let number):
            if number < 0, !negativeAllowed { return .failure(rejection("negative \(name)")) }
            return .success(number)
        case .notANumber: return .failure(rejection("not a number in \(name): '\(text.excerpt())'"))
        case .notFinite: return .failure(rejection("not a finite number in \(name): '\(text.excerpt())'"))
        }
    }

    private static func rejection(_ reason: String) -> RowProblem { RowProblem(reason: reason) }

    private mutating func platform(_ fields: UnsafeBufferPointer<FieldText>) -> String {
        if let source = platformSource {
            let text = value(source, fields)
            if !text.isMissing { return platforms.name(for: text) }
        }
        return defaultPlatform
    }

    private func firstText(_ sources: [ColumnLayout.Source], _ fields: UnsafeBufferPointer<FieldText>) -> String? {
        for source in sources {
            let text = value(source, fields)
            if !text.isMissing { return text.trimmed.string() }
        }
        return nil
    }

    // MARK: Service

    private mutating func buildService<S: RecordSink>(_ fields: UnsafeBufferPointer<FieldText>, line: Int, into sink: inout S) -> Outcome {
        do throws(RowProblem) {
            guard let openedAt = try instant(openedAtSource, .openedAt, fields) else { return .rejected(reason: "no opened_at") }
            var firstResponseAt = try instant(firstResponseAtSource, .firstResponseAt, fields)
            if firstResponseAt == nil, let source = firstReplyMinutesSource,
               let minutes = try Self.number(value(source, fields), named: "first_reply_minutes", negativeAllowed: false).get() {
                firstResponseAt = openedAt + Int64((minutes * 60_000).rounded())
            }
            let resolvedAt = try instant(resolvedAtSource, .resolvedAt, fields)
            if let firstResponseAt, firstResponseAt < openedAt { return .rejected(reason: "first_response_at before opened_at") }
            if let resolvedAt, resolvedAt < openedAt { return .rejected(reason: "resolved_at before opened_at") }
            var csat: Double?
            if let source = csatSource { csat = try Self.csat(value(source, fields)) }
            var sentiment: Sentiment?
            if let source = sentimentSource { sentiment = try Self.sentiment(value(source, fields)) }
            sink.service(ServiceRow(
                platform: platform(fields), id: firstText(idSources, fields), openedAt: openedAt,
                firstResponseAt: firstResponseAt, resolvedAt: resolvedAt, csat: csat, sentiment: sentiment, line: line))
            return .delivered
        } catch {
            return .rejected(reason: error.reason)
        }
    }

    /// The instant `source` holds, nil when there is none; `field` names it in a rejection.
    private mutating func instant(_ source: ColumnLayout.Source?, _ field: CanonicalField,
                                  _ fields: UnsafeBufferPointer<FieldText>) throws(RowProblem) -> Int64? {
        guard let source else { return nil }
        let text = value(source, fields)
        switch times.parse(text) {
        case .time(_, let instant): return instant
        case .missing: return nil
        case .withoutYear: throw Self.rejection("date without a year in \(field.name): '\(text.excerpt())'")
        case .unparsable: throw Self.rejection("unparsable time '\(text.excerpt())' in \(field.name)")
        }
    }

    /// 1 to 5; Zendesk's `Good` = 5 and `Bad` = 1; `Offered` / `Not Offered` = unrated.
    private static func csat(_ text: FieldText) throws(RowProblem) -> Double? {
        let word = text.trimmed
        if word.equalsIgnoringCase("good") { return 5 }
        if word.equalsIgnoringCase("bad") { return 1 }
        if word.equalsIgnoringCase("offered") || word.equalsIgnoringCase("not offered")
            || word.equalsIgnoringCase("unoffered") {
            return nil
        }
        guard let score = try number(text, named: "csat", negativeAllowed: true).get() else { return nil }
        guard (1...5).contains(score) else { throw rejection("csat outside 1..5: \(text.excerpt())") }
        return score
    }

    /// `positive` / `neutral` / `negative`, or the sign of a number in [-1, 1].
    private static func sentiment(_ text: FieldText) throws(RowProblem) -> Sentiment? {
        let word = text.trimmed
        if word.equalsIgnoringCase("positive") { return .positive }
        if word.equalsIgnoringCase("neutral") { return .neutral }
        if word.equalsIgnoringCase("negative") { return .negative }
        switch NumberText.parse(text) {
        case .missing: return nil
        case .number(let score):
            guard (-1...1).contains(score) else { throw rejection("sentiment outside -1..1: \(text.excerpt())") }
            return score > 0 ? .positive : score < 0 ? .negative : .neutral
        case .notANumber, .notFinite:
            throw rejection("not a sentiment: '\(text.excerpt())'")
        }
    }
}

/// Why a row is refused, while a record is being read.
private struct RowProblem: Error {
    let reason: String
}
