import Glibc
import TOMLKit

/// The benchmarks of a `benchmarks.toml` (in the data directory, or the file the config or
/// `--benchmarks` names): a table per platform (`all` for every platform together), a KPI id
/// per line, its reference value in the goals' target syntax, and optionally where it comes
/// from:
///
/// ```toml
/// [instagram]
/// engagement_rate = "0.6%"
/// ctr = { value = "1.1%", source = "our 2025 average" }
///
/// [all]
/// cpc = "$0.90"
/// ```
///
/// A line naming an unknown KPI or holding a bad value is reported (file, line, reason) and
/// left out; the others still count.
public struct BenchmarkFile: Sendable {
    public var benchmarks: [Benchmark] = []
    public var problems: [ConfigProblem] = []

    public init(benchmarks: [Benchmark] = [], problems: [ConfigProblem] = []) {
        self.benchmarks = benchmarks
        self.problems = problems
    }

    /// The conventional name in the data directory.
    public static let fileName = "benchmarks.toml"

    /// Loads `path`; a missing file that is not `required` is no benchmarks, not an error.
    public static func load(path: String, required: Bool) -> BenchmarkFile {
        guard required || access(path, F_OK) == 0 else { return BenchmarkFile() }
        do {
            return parse(try TOMLDocument(path: path))
        } catch {
            return BenchmarkFile(problems: [error])
        }
    }

    /// Every benchmark of a document, in file order.
    public static func parse(_ document: TOMLDocument) -> BenchmarkFile {
        var out = BenchmarkFile()
        for (name, value) in document.table {
            let header = document.line(ofTable: name)
            guard let table = value.table else {
                out.problems.append(ConfigProblem(file: document.file, line: document.line(ofKey: name, from: 0),
                                                  reason: "'\(Sanitized.line(name))' must be a [platform] table of kpi = value lines"))
                continue
            }
            let platform = PlatformName.normalize(name)
            for (key, entry) in table {
                let line = document.line(ofKey: key, from: header)
                func problem(_ reason: String) {
                    out.problems.append(ConfigProblem(file: document.file, line: line, reason: reason))
                }
                guard let kpi = KPI(rawValue: key) else {
                    problem("unknown KPI '\(Sanitized.line(key))' (see docs/DATA.md section 4)")
                    continue
                }
                var written: (any TOMLValueConvertible)? = entry
                var source: String?
                if let detail = entry.table {
                    written = detail["value"]
                    source = detail["source"]?.string
                    for extra in detail.keys where extra != "value" && extra != "source" {
                        problem(Spelling.unknownKey(extra, allowed: ["value", "source"], in: "the benchmark of \(key)"))
                    }
                }
                guard let written, let number = Self.number(written) else {
                    problem("bad benchmark for \(key) (a number, \"0.6%\", \"$1.20\", \"2h\"; or { value = ..., source = \"...\" })")
                    continue
                }
                out.benchmarks.append(Benchmark(platform: platform, kpi: kpi, value: number, source: source, line: line))
            }
        }
        out.benchmarks.sort { $0.line < $1.line }
        out.problems.sort { $0.line < $1.line }
        return out
    }

    private static func number(_ value: any TOMLValueConvertible) -> Double? {
        let n = value.double ?? value.int.map(Double.init) ?? value.string.flatMap(GoalTarget.parse)
        return n.flatMap { $0.isFinite ? $0 : nil }
    }
}
