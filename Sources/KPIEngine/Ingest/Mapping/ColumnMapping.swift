import Foundation
import TOMLKit

/// The user's mapping file (`mapping.toml` in the data directory root), parsed.
///
/// It names columns the built-in aliases do not know, and gives files what they lack:
///
/// ```toml
/// currency = "EUR"                # optional: currency of money without a sign or code
/// decimal_comma = true            # optional: numbers are written 1.234,50
///
/// [columns]                       # for every file: header as written = canonical field
/// "Lifetime Post Total Reach" = "reach"
///
/// [[file]]                        # for files whose relative path matches a glob (* and ?);
/// match = "dataset_Facebook.csv"  # a pattern without "/" also matches the file name alone
/// platform = "facebook"           # platform for rows without a platform field
/// currency = "USD"                # these files' currency (wins over the global one)
/// decimal_comma = false           # these files' decimal convention
/// [file.columns]                  # columns of these files only (win over [columns])
/// "Page total likes" = "followers"
/// [file.values]                   # constant values for fields the file lacks
/// date = "2014-06-01"
///
/// [sources]                       # website traffic: a session source -> its platform
/// "meta" = "facebook"             # (besides the built-in list, see ``TrafficSource``)
/// "partner.example" = "not social"
/// ```
///
/// Canonical fields are those of the data contract: `date` (or `timestamp`, `time`),
/// `platform`, `id`, `title`, the metric fields (`impressions` ... `spend`), `followers`,
/// `engagements`, and for service records `opened_at`, `first_response_at`, `resolved_at`,
/// `csat`, `sentiment`, `first_reply_minutes`. Headers are matched after the contract's
/// normalisation; a `[columns]` entry may also name the title line of a Meta Business Suite
/// insights table (`"Alcance" = "reach"`). When several `[[file]]` entries match a file, the
/// first one wins.
public struct ColumnMapping: Sendable {
    /// What the mapping says about one file.
    struct FileRules: Sendable {
        /// Normalised header -> field.
        var columns: [String: CanonicalField] = [:]
        var platform: String?
        /// Constant values for fields the file has no column for.
        var values: [(field: CanonicalField, text: String)] = []
        /// The currency of money the file writes without a sign or code.
        var currency: Currency?
        /// True / false when the mapping fixes whether the file writes decimal commas.
        var decimalComma: Bool?
        /// Traffic sources (lower-cased) -> platform, nil for "not social" (`[sources]`).
        var sources: [String: String?] = [:]

        /// True when the mapping says nothing of the file (its columns are read by the built-in
        /// aliases alone).
        var isEmpty: Bool {
            columns.isEmpty && platform == nil && values.isEmpty && currency == nil && decimalComma == nil
                && sources.isEmpty
        }
    }

    private struct FileEntry: Sendable {
        var pattern: String
        var rules: FileRules
    }

    private var columns: [String: CanonicalField]
    private var files: [FileEntry]
    /// The file-independent settings (`currency`, `decimal_comma`).
    private var defaults = FileRules()

    /// No mapping: only the built-in aliases apply.
    public static let empty = ColumnMapping(columns: [:], files: [])

    /// The name of the mapping file in the data directory root.
    public static let fileName = "mapping.toml"

    private init(columns: [String: CanonicalField], files: [FileEntry]) {
        self.columns = columns
        self.files = files
    }

    /// Loads `mapping.toml` from the data directory root when present; errors carry file, line, reason.
    public static func load(dataDirectory: String) throws(ConfigProblem) -> ColumnMapping {
        let path = (dataDirectory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return .empty }
        return try parse(TOMLDocument(path: path))
    }

    /// Parses the text of a mapping file; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigProblem) -> ColumnMapping {
        try parse(TOMLDocument(text: text, file: file))
    }

    private static func parse(_ document: TOMLDocument) throws(ConfigProblem) -> ColumnMapping {
        func fail(_ reason: String, near needle: String, after line: Int = 1) -> ConfigProblem {
            ConfigProblem(file: document.file, line: document.line(containing: needle, from: line), reason: reason)
        }

        var columns: [String: CanonicalField] = [:]
        var files: [FileEntry] = []
        var defaults = FileRules()
        for (key, value) in document.table {
            switch key {
            case "sources":
                guard let table = value.table else { throw fail("[sources] must be a table", near: "sources") }
                let start = document.line(containing: "[sources]", from: 1)
                for (source, platform) in table {
                    guard let name = platform.string else {
                        throw fail("the platform of source '\(source)' must be a name in quotes (or \"not social\")",
                                   near: source, after: start)
                    }
                    let normalized = PlatformName.normalize(name)
                    defaults.sources[source.trimmingWhitespace().lowercased()] =
                        normalized.isEmpty || normalized == "not social" ? String?.none : normalized
                }
            case "currency", "decimal_comma":
                try readSetting(key, value, into: &defaults) { fail($0, near: key) }
            case "columns":
                guard let table = value.table else { throw fail("[columns] must be a table", near: "columns") }
                columns = try columnTable(table, startLine: document.line(containing: "[columns]", from: 1), fail: fail)
            case "file":
                guard let array = value.array else { throw fail("[[file]] must be an array of tables", near: "file") }
                for (index, element) in array.enumerated() {
                    let line = document.line(ofArrayTable: "file", index: index)
                    guard let table = element.table else { throw fail("[[file]] must be a table", near: "file", after: line) }
                    files.append(try fileEntry(table, startLine: line, fail: fail))
                }
            default:
                throw fail("unknown section '\(key)' (expected [columns], [[file]], [sources], currency or decimal_comma)",
                           near: key)
            }
        }
        var mapping = ColumnMapping(columns: columns, files: files)
        mapping.defaults = defaults
        return mapping
    }

    /// Reads `currency = "EUR"` or `decimal_comma = true` into `rules`.
    private static func readSetting(_ key: String, _ value: TOMLValueConvertible, into rules: inout FileRules,
                                    fail: (String) -> ConfigProblem) throws(ConfigProblem) {
        if key == "currency" {
            guard let code = value.string, let currency = Currency(code: code) else {
                throw fail("currency must be an ISO code such as \"EUR\"")
            }
            rules.currency = currency
        } else {
            guard let flag = value.bool else { throw fail("decimal_comma must be true or false") }
            rules.decimalComma = flag
        }
    }

    private static func columnTable(
        _ table: TOMLTable, startLine: Int, fail: (String, String, Int) -> ConfigProblem
    ) throws(ConfigProblem) -> [String: CanonicalField] {
        var result: [String: CanonicalField] = [:]
        for (header, value) in table {
            guard let name = value.string else {
                throw fail("the field for column '\(header)' must be a string", header, startLine)
            }
            guard let field = CanonicalField(name: name) else {
                throw fail("unknown field '\(name)' for column '\(header)'", header, startLine)
            }
            result[HeaderName.normalize(header)] = field
        }
        return result
    }

    private static func fileEntry(
        _ table: TOMLTable, startLine: Int, fail: (String, String, Int) -> ConfigProblem
    ) throws(ConfigProblem) -> FileEntry {
        guard let pattern = table["match"]?.string, !pattern.isEmpty else {
            throw fail("[[file]] needs match = \"<glob>\"", "[[file]]", startLine)
        }
        var rules = FileRules()
        for (key, value) in table {
            switch key {
            case "match":
                continue
            case "platform":
                guard let platform = value.string else { throw fail("platform must be a string", key, startLine) }
                rules.platform = PlatformName.normalize(platform)
            case "currency", "decimal_comma":
                try readSetting(key, value, into: &rules) { fail($0, key, startLine) }
            case "columns":
                guard let columns = value.table else { throw fail("[file.columns] must be a table", key, startLine) }
                rules.columns = try columnTable(columns, startLine: startLine, fail: fail)
            case "values":
                guard let values = value.table else { throw fail("[file.values] must be a table", key, startLine) }
                for (name, constant) in values {
                    guard let field = CanonicalField(name: name) else {
                        throw fail("unknown field '\(name)' in [file.values]", name, startLine)
                    }
                    guard let text = constantText(constant), ConstantValue.isValid(text, for: field) else {
                        throw fail("bad value for '\(name)': \(constant.debugDescription)", name, startLine)
                    }
                    rules.values.append((field, text))
                }
            default:
                throw fail("unknown key '\(key)' in [[file]] (expected match, platform, currency, decimal_comma, "
                           + "columns, values)", key, startLine)
            }
        }
        return FileEntry(pattern: pattern, rules: rules)
    }

    /// A TOML value as the text a data file would hold.
    private static func constantText(_ value: TOMLValueConvertible) -> String? {
        if let string = value.string { return string }
        if let int = value.int { return String(int) }
        if let double = value.double { return String(double) }
        if let date = value.date { return Day(year: date.year, month: date.month, day: date.day)?.description }
        if value.dateTime != nil { return value.debugDescription }
        return nil
    }

    /// The rules for a file: its `[[file]]` columns over the global ones, platform and values.
    func rules(forPath relativePath: String) -> FileRules {
        var rules = FileRules(columns: columns, currency: defaults.currency, decimalComma: defaults.decimalComma,
                              sources: defaults.sources)
        if let entry = files.first(where: { PathGlob.matches($0.pattern, path: relativePath) }) {
            rules.columns.merge(entry.rules.columns) { _, fileSpecific in fileSpecific }
            rules.platform = entry.rules.platform
            rules.values = entry.rules.values
            rules.currency = entry.rules.currency ?? rules.currency
            rules.decimalComma = entry.rules.decimalComma ?? rules.decimalComma
        }
        return rules
    }
}
