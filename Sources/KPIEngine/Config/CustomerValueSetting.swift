import TOMLKit

/// The config file's `cltv`: a customer lifetime value for platforms whose data has no `cltv`
/// column, as one number for every platform or a table by platform:
///
/// ```toml
/// cltv = 180                 # every platform
///
/// [cltv]                     # or per platform (`"*"` for the others)
/// instagram = 240
/// facebook = 150
/// ```
enum CustomerValueSetting {
    /// Platform (normalised) -> value, `*` for every platform; nil after a problem.
    static func parse(_ value: any TOMLValueConvertible, document: TOMLDocument, line: Int,
                      problems: inout [ConfigProblem]) -> [String: Double]? {
        func number(_ value: any TOMLValueConvertible) -> Double? {
            let n = value.double ?? value.int.map(Double.init) ?? value.string.flatMap(GoalTarget.parse)
            return n.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        }
        if let single = number(value) { return ["*": single] }
        guard let table = value.table else {
            problems.append(ConfigProblem(file: document.file, line: line,
                                          reason: "cltv must be an amount (such as 180) or a [cltv] table of platform = amount"))
            return nil
        }
        var values: [String: Double] = [:]
        for (platform, entry) in table {
            guard let amount = number(entry) else {
                problems.append(ConfigProblem(file: document.file, line: document.line(ofKey: platform, from: line),
                                              reason: "cltv for '\(Sanitized.line(platform))' must be an amount, 0 or more"))
                return nil
            }
            values[platform == "*" ? "*" : PlatformName.normalize(platform)] = amount
        }
        return values
    }
}
