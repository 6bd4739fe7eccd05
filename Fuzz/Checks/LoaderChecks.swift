import KPIEngine
import KPIView

/// The checks of the TOML fuzz targets: a loader either returns its value or a problem with a
/// line of the file; it never crashes, and what it accepts keeps its promises.
enum LoaderChecks {
    static func config(_ text: String) -> String? {
        do {
            _ = try ConfigFile.parse(TOMLDocument(text: text, file: "config.toml"), home: "/home/user")
            return nil
        } catch {
            return lineProblem(error, text)
        }
    }

    /// Accepted goals have a finite target, not below zero unless the KPI can be negative.
    static func goals(_ text: String) -> String? {
        let file: GoalFile
        do { file = GoalFile.parse(try TOMLDocument(text: text, file: "goals.toml")) } catch { return lineProblem(error, text) }
        for problem in file.problems {
            if let failure = lineProblem(problem, text) { return failure }
        }
        for goal in file.goals where !goal.target.isFinite || (goal.target < 0 && !GoalFile.allowsNegativeTarget(goal.kpi)) {
            return "goal '\(goal.name)' was accepted with target \(goal.target)"
        }
        return nil
    }

    /// A mapping that loads is used to read a small export, whole and in pieces alike.
    static func mapping(_ text: String) -> String? {
        let mapping: ColumnMapping
        do { mapping = try ColumnMapping.parse(text, file: "mapping.toml") } catch { return lineProblem(error, text) }
        let sample = "Date,Post ID,Title,Impressions,Reach,Likes,Clicks,Spend\n"
            + "2026-11-20,p1,Hello,1000,800,30,4,1.50\n2026-11-21,p2,\"a, b\",2000,1500,45,7,2.25\n"
        return Array(sample.utf8).withUnsafeBytes {
            IngestDifferential.mismatch(in: $0, path: "instagram/posts.csv", mapping: mapping)
        }
    }

    static func theme(_ text: String) -> String? {
        do {
            _ = try ThemeParser.parse(text, file: "themes/fuzz.toml")
            return nil
        } catch {
            return lineProblem(error, text)
        }
    }

    /// A problem must name a line of the file (0 for the whole file).
    private static func lineProblem(_ problem: ConfigProblem, _ text: String) -> String? {
        let lines = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return (0...lines).contains(problem.line) ? nil : "problem at line \(problem.line) of a \(lines)-line file: \(problem.reason)"
    }
}
