/// Where each canonical field of a record comes from: a column (CSV header, JSON key) or a
/// constant of the mapping file. Decided once per header, so rows are read by position.
struct ColumnLayout {
    /// A value's origin.
    enum Source {
        case column(Int)
        /// A constant from the mapping file (`[file.values]`), for a field no column feeds.
        case constant(FieldText)
    }

    /// What the header says the records are.
    enum Kind: Equatable {
        case metrics
        case service
        /// Metric columns but no time column: a lifetime snapshot, booked on the export day.
        case measuresWithoutTime
        /// Neither time nor metric columns.
        case notData(reason: String)
    }

    /// One source of a metric field, with what its header says about its values.
    struct MetricSource {
        var source: Source
        var field: MetricField
        /// Multiplies the values (hours of watch time into seconds).
        var factor: Double = 1
        /// The currency its header names (`Amount Spent (USD)`).
        var currency: Currency?
        /// True when several columns add up into the field.
        var isPart = false
    }

    /// Where a post's publish time comes from.
    enum PublishTimeSource {
        case source(Source)
        /// The row's own time (a post export whose one time column is the publish time).
        case rowTime
    }

    let kind: Kind
    /// The header names as written.
    let headers: [String]
    /// The export the header was recognised as, if any.
    let shape: ExportShape?
    /// The traffic columns, when the header is a website-traffic table (Google Analytics 4).
    let traffic: TrafficColumns?
    /// Sources of each field but the metrics, best first; fields with one value keep only the
    /// best source.
    let sources: [CanonicalField: [Source]]
    /// The sources of the metric fields, in field order.
    let metrics: [MetricSource]
    /// Things worth one note (a duplicated header name).
    let notes: [String]
    /// Where the publish time of a row's post comes from, if the file says it.
    let publishTime: PublishTimeSource?

    /// Lays out `headers` (as written), with the mapping's rules for this file. `title` is the
    /// title line above the header, if the file had one. `constants` must stay alive (and
    /// unmoved) as long as the layout is used.
    init(headers: [String], rules: ColumnMapping.FileRules, constants: ConstantStorage, title: SectionTitle? = nil) {
        self.headers = headers
        let names = headers.map(HeaderName.normalize)
        let traffic = TrafficColumns(names, mapping: rules.columns)
        let shape = ExportShape.recognise(names)
            ?? traffic.map { ExportShape(name: "Google Analytics 4 traffic by \($0.breakdown.name)", platform: nil, signature: []) }
        self.shape = shape
        self.traffic = traffic
        var seen: Set<String> = []
        var notes: [String] = []
        var meanings: [ColumnMeaning?] = []
        var firstOccurrences: [String?] = []
        for (column, name) in names.enumerated() {
            guard seen.insert(name).inserted else {
                notes.append("column '\(headers[column])' appears twice; the first one is used")
                meanings.append(nil)
                firstOccurrences.append(nil)
                continue
            }
            meanings.append(Self.meaning(of: name, rules: rules, shape: shape, traffic: traffic, title: title))
            firstOccurrences.append(name)
        }
        Self.applyViewsRule(names: names, meanings: &meanings, rules: rules, shape: shape)
        Self.addSummedParts(names: firstOccurrences, meanings: &meanings)

        var ranked: [CanonicalField: [(meaning: ColumnMeaning, column: Int)]] = [:]
        for (column, meaning) in meanings.enumerated() {
            guard let meaning else { continue }
            ranked[meaning.field, default: []].append((meaning, column))
        }
        var sources: [CanonicalField: [Source]] = [:]
        var metrics: [MetricSource] = []
        for (field, candidates) in ranked {
            let ordered = candidates.sorted { ($0.meaning.rank, $0.column) < ($1.meaning.rank, $1.column) }
            if case .metric(let metric) = field {
                let parts = ordered.allSatisfy(\.meaning.isPart) ? ordered : [ordered[0]]
                metrics += parts.map {
                    MetricSource(source: .column($0.column), field: metric, factor: $0.meaning.factor,
                                 currency: $0.meaning.currency, isPart: $0.meaning.isPart)
                }
            } else {
                let columns = ordered.map { Source.column($0.column) }
                sources[field] = Self.keepsAllSources(field) ? columns : [columns[0]]
            }
        }
        for (field, text) in rules.values {
            if case .metric(let metric) = field {
                if !metrics.contains(where: { $0.field == metric }) {
                    metrics.append(MetricSource(source: .constant(constants.store(text)), field: metric))
                }
            } else if sources[field] == nil {
                sources[field] = [.constant(constants.store(text))]
            }
        }
        metrics.sort { $0.field.rawValue < $1.field.rawValue }
        if sources[.permalink] == nil, case .column(let column)? = sources[.id]?.first,
           FieldAliases.linkIDNames.contains(names[column]) {
            sources[.permalink] = [.column(column)]
        }
        publishTime = traffic == nil ? Self.publishTime(names: names, meanings: meanings, sources: sources, shape: shape) : nil
        self.sources = sources
        self.metrics = metrics
        self.notes = notes

        let hasTime = sources[.time] != nil || sources[.rangeStart] != nil
        let hasMeasure = !metrics.isEmpty || sources[.followers] != nil || sources[.customerValue] != nil
        if sources[.openedAt] != nil {
            kind = .service
        } else if hasMeasure {
            kind = hasTime ? .metrics : .measuresWithoutTime
        } else if shape?.takesFieldFromTitle == true {
            let named = title.map { "its title '\($0.text)'" } ?? "it has no title line"
            kind = .notData(reason: "a Meta Business Suite insights table, but \(named) names no metric kpitop knows "
                + "(name it in mapping.toml's [columns])")
        } else {
            kind = .notData(reason: hasTime ? "no metric column" : "no time or metric column")
        }
    }

    /// The meaning of one column: the mapping's word first, then the export shape's (with the
    /// title line for a `Primary` column), then the general aliases.
    private static func meaning(of name: String, rules: ColumnMapping.FileRules, shape: ExportShape?,
                                traffic: TrafficColumns?, title: SectionTitle?) -> ColumnMeaning? {
        if let mapped = rules.columns[name] { return ColumnMeaning(field: mapped, rank: -2) }
        if let traffic {
            // Only the table's own columns and its time: GA4's `Views` are page views, not
            // impressions, and `Sessions` are not `website_visits` here.
            if let field = traffic.meanings[name] { return ColumnMeaning(field: field, rank: -1) }
            guard let general = FieldAliases.meaning(of: name), general.field == .time else { return nil }
            return general
        }
        if let shape {
            if let field = shape.columns[name] { return ColumnMeaning(field: field, rank: -1) }
            if shape.takesFieldFromTitle, name == "primary" {
                return title?.field.map { ColumnMeaning(field: $0, rank: -1) }
            }
        }
        return FieldAliases.meaning(of: name)
    }

    /// A column mapped to `publish_time`; else the first column named like a publish time that
    /// feeds nothing else than the time; else, in a post export whose time is the publish time,
    /// the row's time.
    private static func publishTime(names: [String], meanings: [ColumnMeaning?], sources: [CanonicalField: [Source]],
                                    shape: ExportShape?) -> PublishTimeSource? {
        if let mapped = sources[.publishTime]?.first { return .source(mapped) }
        for name in FieldAliases.publishTimeNames {
            guard let column = names.firstIndex(of: name) else { continue }
            if meanings[column] == nil || meanings[column]?.field == .time { return .source(.column(column)) }
        }
        return shape?.rowTimeIsPublishTime == true && sources[.time] != nil ? .rowTime : nil
    }

    /// `views` feeds impressions unless another column already does (then it is video views).
    private static func applyViewsRule(names: [String], meanings: inout [ColumnMeaning?],
                                       rules: ColumnMapping.FileRules, shape: ExportShape?) {
        guard let viewsColumn = names.firstIndex(of: FieldAliases.views), rules.columns[FieldAliases.views] == nil,
              shape?.columns[FieldAliases.views] == nil
        else { return }
        let otherImpressions = meanings.enumerated().contains { column, meaning in
            column != viewsColumn && meaning?.field == .metric(.impressions)
        }
        if otherImpressions { meanings[viewsColumn] = ColumnMeaning(field: .metric(.videoViews), rank: Int.max) }
    }

    /// Columns that add up into a field no column of its own feeds (`names`: nil for a
    /// duplicated name).
    private static func addSummedParts(names: [String?], meanings: inout [ColumnMeaning?]) {
        for (field, parts) in FieldAliases.summedParts where !meanings.contains(where: { $0?.field == .metric(field) }) {
            for (column, name) in names.enumerated() where meanings[column] == nil && name.map(parts.contains) == true {
                meanings[column] = ColumnMeaning(field: .metric(field), rank: 0, isPart: true)
            }
        }
    }

    /// Time, id and title take the first usable of several columns; other fields one column.
    private static func keepsAllSources(_ field: CanonicalField) -> Bool {
        field == .time || field == .id || field == .title
    }

    /// The best source of a single-valued field.
    func source(_ field: CanonicalField) -> Source? { sources[field]?.first }
}

/// Owns the bytes of a mapping file's constant values for the layouts that point at them.
final class ConstantStorage {
    private var buffers: [UnsafeMutableRawBufferPointer] = []

    /// Copies `text` into storage that lives as long as this object.
    func store(_ text: String) -> FieldText {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        buffer.copyBytes(from: bytes)
        buffers.append(buffer)
        return FieldText(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count]))
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }
}
