import TOMLKit

/// The `[brands]` table of a config file, as ``Brand``s in file order:
///
/// ```toml
/// [brands]
/// acme = "~/exports/acme"            # a data directory (its goals.toml and benchmarks.toml)
///
/// [brands.globex]                    # or a table
/// data = "~/exports/globex"
/// goals = "~/plans/globex-goals.toml"        # optional
/// benchmarks = "~/plans/globex-bench.toml"   # optional
///
/// [[brands.globex.alert]]            # the brand's own alerts, as [[alert]]
/// kpi = "engagement_rate"
/// below = "1%"
/// ```
enum BrandTable {
    static let keys = ["data", "goals", "benchmarks", "alert"]

    static func brands(_ value: any TOMLValueConvertible, document: TOMLDocument, paths: ConfigPath,
                       problems: inout [ConfigProblem]) -> [Brand] {
        let tableLine = document.line(ofTable: "brands")
        guard let table = value.table else {
            problems.append(ConfigProblem(file: document.file, line: document.line(ofKey: "brands", from: 0),
                                          reason: "brands must be a table: [brands] with name = \"directory\" lines"))
            return []
        }
        var brands: [Brand] = []
        for (name, entry) in table {
            let line = document.line(ofKey: name, from: tableLine) == tableLine
                ? document.line(ofTable: "brands.\(name)") : document.line(ofKey: name, from: tableLine)
            func problem(_ reason: String, at line: Int) {
                problems.append(ConfigProblem(file: document.file, line: line, reason: reason))
            }
            guard Self.isValidName(name) else {
                problem("brand name '\(Sanitized.line(name))' must be letters, digits, '-', '_' or '.'", at: line)
                continue
            }
            if let directory = entry.string {
                brands.append(Brand(name: name, data: paths.resolve(directory), line: line))
                continue
            }
            guard let fields = entry.table else {
                problem("brand '\(name)' must be a data directory in quotes or a [brands.\(name)] table", at: line)
                continue
            }
            let header = document.line(ofTable: "brands.\(name)")
            for key in fields.keys where !keys.contains(key) {
                problem(Spelling.unknownKey(key, allowed: keys, in: "[brands.\(name)]"), at: document.line(ofKey: key, from: header))
            }
            func path(_ key: String) -> String? {
                guard let written = fields[key] else { return nil }
                guard let text = written.string, !text.trimmingSpaces.isEmpty else {
                    problem("\(key) of brand '\(name)' must be a path in quotes", at: document.line(ofKey: key, from: header))
                    return nil
                }
                return paths.resolve(text)
            }
            guard let data = path("data") else {
                if fields["data"] == nil { problem("brand '\(name)' needs data = \"directory\"", at: header) }
                continue
            }
            var alerts: [AlertRule] = []
            if let rules = fields["alert"] {
                alerts = AlertTable.rules(rules, document: document, tableName: "brands.\(name).alert", problems: &problems)
            }
            brands.append(Brand(name: name, data: data, goals: path("goals"), benchmarks: path("benchmarks"),
                                alerts: alerts, line: header))
        }
        return brands.sorted { $0.line < $1.line }
    }

    /// Letters, digits, `-`, `_`, `.`: a name that is easy to type after `--brand`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0)
            || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
