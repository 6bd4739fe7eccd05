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
        /// Metric columns but no time column: every row is rejected with one reason.
        case measuresWithoutTime
        /// Neither time nor metric columns.
        case notData(reason: String)
    }

    let kind: Kind
    /// Sources of each field, best first; fields with one value keep only the best source.
    let sources: [CanonicalField: [Source]]
    /// Things worth one note (a duplicated header name).
    let notes: [String]

    /// Lays out `headers` (as written), with the mapping's rules for this file.
    /// `constants` must stay alive (and unmoved) as long as the layout is used.
    init(headers: [String], rules: ColumnMapping.FileRules, constants: ConstantStorage) {
        let names = headers.map(HeaderName.normalize)
        var seen: Set<String> = []
        var notes: [String] = []
        var fields: [(field: CanonicalField, rank: Int)?] = []
        for (column, name) in names.enumerated() {
            guard seen.insert(name).inserted else {
                notes.append("column '\(headers[column])' appears twice; the first one is used")
                fields.append(nil)
                continue
            }
            if let mapped = rules.columns[name] {
                fields.append((mapped, -1))
            } else {
                fields.append(FieldAliases.byName[name])
            }
        }
        // `views` feeds impressions unless another column already does (then it is video views).
        if let viewsColumn = names.firstIndex(of: FieldAliases.views), rules.columns[FieldAliases.views] == nil {
            let otherImpressions = fields.enumerated().contains { column, entry in
                column != viewsColumn && entry?.field == .metric(.impressions)
            }
            if otherImpressions { fields[viewsColumn] = (.metric(.videoViews), Int.max) }
        }

        var ranked: [CanonicalField: [(rank: Int, column: Int)]] = [:]
        for (column, entry) in fields.enumerated() {
            guard let entry else { continue }
            ranked[entry.field, default: []].append((entry.rank, column))
        }
        var sources: [CanonicalField: [Source]] = [:]
        for (field, candidates) in ranked {
            let ordered = candidates.sorted { ($0.rank, $0.column) < ($1.rank, $1.column) }.map { Source.column($0.column) }
            sources[field] = Self.keepsAllSources(field) ? ordered : [ordered[0]]
        }
        for (field, text) in rules.values where sources[field] == nil {
            sources[field] = [.constant(constants.store(text))]
        }
        self.sources = sources
        self.notes = notes

        let hasTime = sources[.time] != nil
        let hasMeasure = sources.keys.contains { $0.isMeasure }
        if sources[.openedAt] != nil {
            kind = .service
        } else if hasMeasure {
            kind = hasTime ? .metrics : .measuresWithoutTime
        } else {
            kind = .notData(reason: hasTime ? "no metric column" : "no time or metric column")
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
