import Foundation
import Glibc
import Testing
@testable import KPIEngine

/// A fresh directory under the system temp directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        var template = Array("\(NSTemporaryDirectory())/kpitop-live-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw WatchError.system(call: "mkdtemp", errno: errno) }
        path = String(cString: created)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func absolute(_ relative: String) -> String { path + "/" + relative }

    /// Appends `text` with one `write(2)`, creating the file when needed.
    func append(_ relative: String, _ text: String) {
        let descriptor = open(absolute(relative), O_WRONLY | O_APPEND | O_CREAT, 0o644)
        precondition(descriptor >= 0, "cannot open \(relative)")
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        precondition(write(descriptor, bytes, bytes.count) == bytes.count)
    }

    func truncate(_ relative: String) { precondition(Glibc.truncate(absolute(relative), 0) == 0) }
    func rename(_ from: String, to: String) { precondition(Glibc.rename(absolute(from), absolute(to)) == 0) }
    func delete(_ relative: String) { try? FileManager.default.removeItem(atPath: absolute(relative)) }
    func makeDirectory(_ relative: String) { precondition(mkdir(absolute(relative), 0o755) == 0) }
}

/// The data-file rule of contract section 1, for tests (the engine passes `DataFiles.isDataFile`).
@Sendable func isTestDataFile(_ path: String) -> Bool {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard !name.hasPrefix(".") else { return false }
    return name.hasSuffix(".csv") || name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson")
}

/// Collects the batches a watcher delivers and waits for them with a deadline.
final class BatchRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [ChangeBatch] = []

    func record(_ batch: ChangeBatch) { lock.withLock { received.append(batch) } }

    var batches: [ChangeBatch] { lock.withLock { received } }

    /// Waits until a batch delivered after the first `after` batches mentions `path` (or a
    /// directory above it, or asks for a rescan). False when `timeout` passes first.
    func waitForChange(of path: String, after: Int, timeout: Duration = .seconds(5)) async -> Bool {
        await waitUntil(timeout: timeout) { batches in
            batches.dropFirst(after).contains { $0.rescanAll || $0.covers(path) }
        }
    }

    /// Waits until `condition` holds for the batches so far; false when `timeout` passes first.
    func waitUntil(timeout: Duration = .seconds(5), _ condition: ([ChangeBatch]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(batches) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(batches)
    }
}

extension ChangeBatch {
    /// True when the batch names `path` or a directory above it.
    func covers(_ path: String) -> Bool {
        var candidate = Substring(path)
        while true {
            if paths.contains(String(candidate)) { return true }
            guard let slash = candidate.lastIndex(of: "/") else { return false }
            candidate = candidate[..<slash]
        }
    }
}

/// The two ways of watching, as test arguments.
enum TestedWatchMode: String, CaseIterable, CustomTestStringConvertible {
    case inotify, polling

    var testDescription: String { rawValue }

    var options: DirectoryWatcher.Options {
        switch self {
        case .inotify: DirectoryWatcher.Options()
        case .polling: DirectoryWatcher.Options(forcePolling: true, pollInterval: .milliseconds(50))
        }
    }
}
