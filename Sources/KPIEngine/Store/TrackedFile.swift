import Glibc

/// One data file followed as it grows: where reading stopped, which file (device and inode)
/// that was, and the parser and contribution so far. Appended bytes continue the same parser;
/// a truncated, replaced or rewritten file is read again from its first byte.
public struct TrackedFile: Sendable {
    /// Bytes compared before the offset to notice a file rewritten to a larger size.
    static let tailCheckLength = 64

    public let path: String
    public private(set) var device: UInt64 = 0
    public private(set) var inode: UInt64 = 0
    /// Modification time, ns since the epoch.
    public private(set) var modificationTime: Int64 = 0
    /// The bytes just before `offset`, to tell an append from a rewrite.
    private var tail: [UInt8] = []
    private var parser: FileParser
    /// Rows of complete lines only.
    public private(set) var contribution: FileContribution

    public init(path: String, context: IngestContext) {
        self.path = path
        parser = FileParser(relativePath: path, context: context)
        contribution = FileContribution(path: path)
    }

    /// Bytes read so far (an incomplete last line included: the parser holds it).
    public var offset: Int64 { Int64(parser.consumedBytes) }

    /// True when the last line has no newline yet (held back until it is complete).
    public var hasPendingLine: Bool { parser.hasPendingLine }

    /// The contribution with a held-back last line counted as complete: what a one-shot read
    /// of the file as it is now gives.
    public func completedContribution() -> FileContribution {
        guard parser.hasPendingLine else { return contribution }
        var p = parser
        var c = contribution
        p.finish(into: &c)
        return c
    }

    /// What changed since the last read, judged from `stat` and the file's bytes.
    public enum Change: Equatable, Sendable {
        case unchanged
        /// Only the modification time moved (it orders upserts).
        case touched
        /// Bytes were appended after `offset`.
        case appended
        /// Truncated, replaced by another file, or rewritten: read again from the start.
        case replaced
        case deleted
    }

    /// Reads what is new in the file under `root`, updating the contribution; `didRead` is
    /// told the size of each chunk read. Returns what happened; after `.replaced` the file was
    /// read again from its first byte.
    @discardableResult
    public mutating func refresh(root: String, context: IngestContext, chunkSize: Int = 1 << 20,
                                 didRead: ((Int) -> Void)? = nil) -> Change {
        let fd = open(root + "/" + path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .deleted }
            restart(context: context)
            contribution.rejected(line: 0, reason: "cannot read file: \(String(cString: strerror(errno)))")
            return .replaced
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .deleted }
        let newSize = Int64(info.st_size)
        let newTime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let sameFile = UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
        let change: Change
        if !sameFile || newSize < offset || !tailMatches(fd) {
            restart(context: context)
            change = .replaced
        } else if newSize > offset {
            change = .appended
        } else if newTime != modificationTime {
            change = .touched
        } else {
            return .unchanged
        }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        modificationTime = newTime
        contribution.modificationTime = newTime
        readFromOffset(fd, until: newSize, chunkSize: chunkSize, didRead: didRead)
        return change
    }

    /// Records a problem with the whole file (line 0).
    public mutating func reject(reason: String) {
        contribution.rejected(line: 0, reason: reason)
    }

    private mutating func restart(context: IngestContext) {
        parser = FileParser(relativePath: path, context: context)
        contribution = FileContribution(path: path)
        tail = []
    }

    private func tailMatches(_ fd: Int32) -> Bool {
        guard !tail.isEmpty else { return true }
        var bytes = [UInt8](repeating: 0, count: tail.count)
        let n = pread(fd, &bytes, bytes.count, off_t(offset) - off_t(tail.count))
        return n == tail.count && bytes == tail
    }

    private mutating func readFromOffset(_ fd: Int32, until end: Int64, chunkSize: Int,
                                         didRead: ((Int) -> Void)?) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while offset < end {
            let n = pread(fd, buffer.baseAddress, min(chunkSize, Int(end - offset)), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                contribution.rejected(line: 0, reason: "read error: \(String(cString: strerror(errno)))")
                break
            }
            if n == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
            parser.consume(chunk, into: &contribution)
            didRead?(n)
            let keep = min(Self.tailCheckLength, n)
            tail = n >= Self.tailCheckLength ? Array(chunk[(n - keep)..<n])
                : Array((tail + chunk).suffix(Self.tailCheckLength))
        }
    }
}
