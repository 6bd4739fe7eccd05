import ArgumentParser
import Foundation
import KPIEngine

/// Output formats of `kpitop report`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the KPIs the dashboard shows, as text, JSON, CSV or Markdown.",
        discussion: """
            Examples:
              kpitop report --data ~/exports
              kpitop report --data ~/exports --as-of 2026-11-23 --window 7d --tz Europe/Berlin --format json
            The exit code is 0 even when rows were rejected (their count is in the report).
            """
    )

    @OptionGroup var shared: SharedOptions

    @Option(name: .long, help: "Output format: text, json, csv or markdown.")
    var format: ReportFormat = .text

    func run() throws {
        guard let directory = shared.dataDirectory else {
            throw ValidationError("no data directory: pass --data DIR (or create ./data)")
        }
        var store = try shared.loadStore(directory: directory)
        let snapshot = store.snapshot(shared.request())
        let output: String
        switch format {
        case .json: output = JSONReport.render(snapshot)
        case .csv: output = CSVReport.render(snapshot)
        case .text: output = TextReport.render(snapshot, dataDirectory: directory)
        case .markdown: output = MarkdownReport.render(snapshot, dataDirectory: directory)
        }
        print(output, terminator: output.hasSuffix("\n") ? "" : "\n")
    }
}
