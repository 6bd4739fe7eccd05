import Glibc
import KPIEngine

/// Appends text to files with a single `write(2)` each, so a reader never sees part of a batch
/// of lines (regular-file writes of this size are not split).
enum AppendWriter {
    /// Appends `text` to the file at `path`, creating it when needed.
    static func append(_ text: String, to path: String) throws(DemoWriteError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DemoWriteError(path: path, code: errno) }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw DemoWriteError(path: path, code: errno) }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Creates `path` and its missing parents.
    static func makeDirectory(_ path: String) throws(DemoWriteError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw DemoWriteError(path: prefix, code: errno) }
        }
    }
}
