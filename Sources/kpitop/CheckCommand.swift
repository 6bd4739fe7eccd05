import ArgumentParser
import KPIEngine
import KPIReport

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what each data file was read as, and list rejected rows; exit 1 when there are any.",
        usage: "kpitop check [--data <dir>] [<options>]",
        discussion: """
            Consecutive rows of a file rejected for the same reason are shown as one range.

            Example:
              kpitop check --data ~/exports
            Symbolic links to directories that were not read are listed too (see
            --follow-links).
            Each file gets one line: its platform and where that came from, its rows and the days
            they cover.
            """
    )

    @OptionGroup var shared: SharedOptions

    func run() throws {
        let options = try shared.resolve()
        let directory = try options.requireDataDirectory()
        let rollup = try options.loadStore(directory: directory)
        let counts = rollup.platforms.values.reduce(0) { $0 + $1.inquiryCount }
        print(Plural.count(rollup.fileCount, "file") + ", " + Plural.count(rollup.platformNames.count, "platform") + ", "
              + Plural.count(counts, "inquiry") + "; " + Plural.count(rollup.rejectedRows, "rejected row"))
        for (file, summary) in rollup.fileSummaries {
            print(Sanitized.line(summary.line(path: file)))
            if let explanation = summary.undatedExplanation { print("  " + Sanitized.line(explanation)) }
        }
        for link in DataFiles.scan(root: directory, followLinks: options.config.followLinks.value).skippedLinks {
            print("skipped link: \(Sanitized.line(link.description))")
        }
        for (file, note) in rollup.notes { print("note: \(Sanitized.line(file)): \(Sanitized.line(note))") }
        guard rollup.rejectedRows > 0 else { return }
        print("")
        for (file, count) in RejectionSummary.countsByFile(rollup.rejections) {
            print("\(Sanitized.line(file)): \(count) rejected")
        }
        print("")
        for group in RejectionSummary(rollup.rejections).groups {
            print("\(Sanitized.line(group.location)): \(Sanitized.line(group.reason))")
        }
        if rollup.rejections.count < rollup.rejectedRows {
            print("(\(rollup.rejectedRows - rollup.rejections.count) more not listed)")
        }
        throw ExitCode(1)
    }
}
