import TOMLKit

/// The `[[alert]]` tables of a config file, as ``AlertRule``s:
///
/// ```toml
/// [[alert]]
/// name = "Slow first replies"   # optional
/// kpi = "first_response_p90_s"  # a KPI id of docs/DATA.md section 4
/// platform = "instagram"        # optional; default all
/// above = "4h"                  # or below = "2%"; the goals' target syntax
/// ```
enum AlertTable {
    static let keys = ["name", "kpi", "platform", "above", "below"]

    /// The rules of the `alert` value, in file order; every mistake is added to `problems`.
    /// `tableName` is the tables' name in the file (`alert`, or `brands.acme.alert`).
    static func rules(_ value: any TOMLValueConvertible, document: TOMLDocument, tableName: String = "alert",
                      problems: inout [ConfigProblem]) -> [AlertRule] {
        guard let entries = value.array else {
            problems.append(ConfigProblem(file: document.file, line: document.line(ofKey: "alert", from: 0),
                                          reason: "alerts are [[\(tableName)]] tables (see docs/CONFIG.md)"))
            return []
        }
        var rules: [AlertRule] = []
        for (index, entry) in entries.enumerated() {
            let header = document.line(ofArrayTable: tableName, index: index)
            var entryProblems: [ConfigProblem] = []
            func problem(_ key: String, _ reason: String) {
                entryProblems.append(ConfigProblem(file: document.file, line: document.line(ofKey: key, from: header),
                                                   reason: reason))
            }
            guard let table = entry.table else {
                problems.append(ConfigProblem(file: document.file, line: header, reason: "an alert must be a table"))
                continue
            }
            for key in table.keys where !keys.contains(key) {
                problem(key, Spelling.unknownKey(key, allowed: keys, in: "[[alert]]"))
            }
            let kpi = table["kpi"]?.string.flatMap { KPI(rawValue: $0) }
            if table["kpi"] == nil {
                problem("kpi", "alert without a kpi")
            } else if kpi == nil {
                let written = table["kpi"]?.string ?? table["kpi"]?.debugDescription ?? ""
                problem("kpi", "unknown KPI '\(Sanitized.line(written))' (see docs/DATA.md section 4)")
            }
            let bounds = AlertRule.Bound.allCases.filter { table[$0.rawValue] != nil }
            var limit: (value: Double, text: String?)?
            if bounds.count != 1 {
                entryProblems.append(ConfigProblem(file: document.file, line: header,
                                                   reason: "an alert needs exactly one of above = ... or below = ..."))
            } else if let parsed = self.limit(table[bounds[0].rawValue]!) {
                limit = parsed
            } else {
                problem(bounds[0].rawValue, "bad limit (a number, \"5%\", \"$1,200\", \"4h\", \"30m\" or \"45s\")")
            }
            var platform = KPISnapshot.allPlatforms
            if let value = table["platform"] {
                if let text = value.string {
                    platform = PlatformName.normalize(text)
                } else {
                    problem("platform", "platform must be a name in quotes")
                }
            }
            var name: String?
            if let value = table["name"] {
                if let text = value.string {
                    name = text
                } else {
                    problem("name", "name must be text in quotes")
                }
            }
            problems += entryProblems
            guard entryProblems.isEmpty, let kpi, let limit, let bound = bounds.first else { continue }
            rules.append(AlertRule(name: name, kpi: kpi, platform: platform, bound: bound, limit: limit.value,
                                   limitText: limit.text, line: header))
        }
        return rules
    }

    /// A number (shown in the KPI's unit), or a goal-style target text (`4h`, `2%`, `$20`),
    /// shown as written.
    private static func limit(_ value: any TOMLValueConvertible) -> (value: Double, text: String?)? {
        if let number = value.double ?? value.int.map(Double.init), number.isFinite { return (number, nil) }
        if let text = value.string, let number = GoalTarget.parse(text) {
            return (number, String(text.trimmingSpaces))
        }
        return nil
    }
}
