import ArgumentParser
import Foundation
import KPIEngine

/// Output formats of `kpitop report`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, csv, markdown
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the KPIs the dashboard shows, as text, JSON, CSV or Markdown.",
        discussion: """
            Examples:
              kpitop report --data ~/exports
              kpitop report --data ~/exports --as-of 2026-11-23 --window 7d --tz Europe/Berlin --format json
              kpitop report --data ~/exports --watch --format jsonl    one JSON object per line per change
            The exit code is 0 even when rows were rejected (their count is in the report).
            """
    )

    @OptionGroup var shared: SharedOptions

    @Option(name: .long, help: "Output format: text, json, csv, markdown, or jsonl with --watch.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Keep running: print the report again (one JSON line) whenever the data changes.")
    var watch = false

    @Flag(name: .long, help: "With --watch: poll the directory instead of using inotify.")
    var poll = false

    func validate() throws {
        if watch && format != .jsonl && format != .json {
            throw ValidationError("--watch prints JSON Lines: use --format jsonl")
        }
        if format == .jsonl && !watch { throw ValidationError("--format jsonl goes with --watch") }
        if poll && !watch { throw ValidationError("--poll goes with --watch") }
    }

    func run() throws {
        guard let directory = shared.dataDirectory else {
            throw ValidationError("no data directory: pass --data DIR (or create ./data)")
        }
        if watch { return try ReportWatcher(shared: shared, poll: poll).run(directory: directory) }
        var store = try shared.loadStore(directory: directory)
        let goalFile = shared.loadGoals(directory: directory)
        for problem in goalFile.problems {
            FileHandle.standardError.write(Data("kpitop: \(Sanitized.line(problem.description))\n".utf8))
        }
        let snapshot = store.snapshot(shared.request(goals: goalFile.goals))
        let output: String
        switch format {
        case .json, .jsonl: output = JSONReport.render(snapshot, goalProblems: goalFile.problems)
        case .csv: output = CSVReport.render(snapshot)
        case .text: output = TextReport.render(snapshot, dataDirectory: directory)
        case .markdown: output = MarkdownReport.render(snapshot, dataDirectory: directory)
        }
        print(output, terminator: output.hasSuffix("\n") ? "" : "\n")
    }
}
