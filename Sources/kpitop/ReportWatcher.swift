import ArgumentParser
import Foundation
import KPIEngine
import KPIReport

/// `report --watch --format jsonl`: follows the directory and prints one complete report
/// object per line, first after the initial load and then each time the data changes;
/// stops cleanly on SIGINT and SIGTERM.
struct ReportWatcher {
    let options: ResolvedOptions
    let poll: Bool

    func run(directory: String) throws {
        let goalFile = options.loadGoals(directory: directory)
        let session = try options.makeSession(directory: directory, goals: goalFile.goals,
                                              watcher: .init(forcePolling: poll))
        let signals = SignalGuard.install()
        defer { signals.uninstall() }
        session.start()
        defer { session.stop() }

        var wake = pollfd(fd: session.wakeFileDescriptor, events: Int16(POLLIN), revents: 0)
        var scratch = [UInt8](repeating: 0, count: 256)
        var printed: String?
        while signals.takePendingSignal() == nil {
            let latest = session.latest()
            if let snapshot = latest.snapshot, latest.status.loading == nil {
                let line = JSONReport.renderLine(snapshot, goalProblems: goalFile.problems)
                if line != printed {
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                    printed = line
                }
            }
            if Glibc.poll(&wake, 1, 1000) > 0 { _ = read(wake.fd, &scratch, scratch.count) }
        }
    }
}
