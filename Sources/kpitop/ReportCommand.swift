import ArgumentParser
import Foundation
import KPIEngine
import KPIReport

/// Output formats of `kpitop report`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, csv, markdown, openmetrics
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the KPIs the dashboard shows, as text, JSON, CSV, Markdown or OpenMetrics.",
        usage: "kpitop report [--data <dir>] [--format <format>] [<options>]",
        discussion: """
            Examples:
              kpitop report --data ~/exports
              kpitop report --data ~/exports --as-of 2026-11-23 --window 7d --format json
              kpitop report --watch --format jsonl        one JSON line per change
              kpitop report --format openmetrics > /var/lib/node_exporter/kpitop.prom
              kpitop report --format markdown --fail-on-alert   exit 2 on an alert

            The exit code is 0 even when rows were rejected (their count is in the \
            report); 2 with --fail-on-alert when an alert is breached.
            """
    )

    @OptionGroup var shared: SharedOptions

    @Option(name: .long, help: "Output format (jsonl goes with --watch).")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Keep running: print the report again (one JSON line) whenever the data changes.")
    var watch = false

    @Flag(name: .long, help: "With --watch: poll the directory instead of using inotify.")
    var poll = false

    @Flag(name: .customLong("fail-on-alert"), help: "Exit with status 2 after the report when an alert is breached.")
    var failOnAlert = false

    func validate() throws {
        if watch && format != .jsonl && format != .json {
            throw ValidationError("--watch prints JSON Lines: use --format jsonl")
        }
        if format == .jsonl && !watch { throw ValidationError("--format jsonl goes with --watch") }
        if poll && !watch { throw ValidationError("--poll goes with --watch") }
        if failOnAlert && watch { throw ValidationError("--fail-on-alert goes without --watch") }
    }

    func run() throws {
        let options = try shared.resolve()
        let directory = try options.requireDataDirectory()
        if watch {
            return try ReportWatcher(options: options, poll: poll || options.config.poll.value).run(directory: directory)
        }
        let goalFile = try options.loadGoals(directory: directory)
        let store = try options.loadStore(directory: directory)
        let benchmarkFile = options.loadBenchmarks(directory: directory)
        for problem in goalFile.problems + benchmarkFile.problems {
            FileHandle.standardError.write(Data("kpitop: \(Sanitized.line(problem.description))\n".utf8))
        }
        let snapshot = store.snapshot(options.request(goals: goalFile.goals, benchmarks: benchmarkFile.benchmarks))
        let output: String
        switch format {
        case .json, .jsonl: output = JSONReport.render(snapshot, goalProblems: goalFile.problems)
        case .csv: output = CSVReport.render(snapshot)
        case .text: output = TextReport.render(snapshot, dataDirectory: directory)
        case .markdown: output = MarkdownReport.render(snapshot)
        case .openmetrics: output = OpenMetricsReport.render(snapshot)
        }
        print(output, terminator: output.hasSuffix("\n") ? "" : "\n")
        if failOnAlert, !snapshot.breachedAlerts.isEmpty {
            FileHandle.standardError.write(Data("kpitop: \(AlertLine.count(snapshot.alerts))\n".utf8))
            throw ExitCode(2)
        }
    }
}
