import ArgumentParser
import Foundation
import KPIEngine
import KPIReport

/// `report --watch --format jsonl`: follows the directory and prints one complete report
/// object per line, first after the initial load and then each time the data changes;
/// stops cleanly on SIGINT and SIGTERM, and as soon as its reader is gone (stdout closed:
/// `report --watch | head -1` returns even while the directory is idle).
struct ReportWatcher {
    let options: ResolvedOptions
    let poll: Bool

    func run(directory: String) throws {
        let goalFile = try options.loadGoals(directory: directory)
        let benchmarkFile = options.loadBenchmarks(directory: directory)
        let session = try options.makeSession(directory: directory, goals: goalFile.goals,
                                              benchmarks: benchmarkFile.benchmarks, watcher: .init(forcePolling: poll))
        let signals = SignalGuard.install()
        defer { signals.uninstall() }
        session.start()
        defer { session.stop() }

        // The engine's wake pipe, and stdout: with no events asked for, poll still reports
        // POLLERR or POLLHUP there once the reader of a pipe or a terminal is gone.
        var watched = [pollfd(fd: session.wakeFileDescriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)]
        var scratch = [UInt8](repeating: 0, count: 256)
        var printed: String?
        while signals.takePendingSignal() == nil {
            let latest = session.latest()
            if let snapshot = latest.snapshot, latest.status.loading == nil {
                let line = JSONReport.renderLine(snapshot, goalProblems: goalFile.problems)
                if line != printed {
                    guard Self.write(line + "\n") else { return }
                    printed = line
                }
            }
            guard Glibc.poll(&watched, 2, 1000) > 0 else { continue }
            if watched[1].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { return }
            if watched[0].revents & Int16(POLLIN) != 0 { _ = read(watched[0].fd, &scratch, scratch.count) }
        }
    }

    /// Writes `text` to stdout; false when it cannot be written (the reader is gone).
    private static func write(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
