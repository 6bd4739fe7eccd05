import Glibc

/// One data file followed as it grows: where reading stopped, which file (device and inode)
/// that was, and the parser and contribution so far. Appended bytes continue the same parser;
/// a truncated, replaced or rewritten file is read again from its first byte.
public struct TrackedFile: Sendable {
    /// Bytes compared before the offset to notice a file rewritten to a larger size.
    static let tailCheckLength = 64

    public let path: String
    /// Which file (device and inode) was read, and its modification time; nil before a read.
    private var identity: FileIdentity?
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
        c.summary = p.summary
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
            let error = errno
            if error == ENOENT || error == ENOTDIR { return .deleted }
            restart(context: context)
            reject(reason: "cannot read file: \(String(cString: strerror(error)))")
            return .replaced
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .deleted }
        let new = FileIdentity(status: info)
        let sameFile = identity.map(new.isSameFile) ?? false
        let change: Change
        if !sameFile || new.size < offset || !tailMatches(fd) {
            restart(context: context)
            change = .replaced
        } else if new.size > offset {
            change = .appended
        } else if new.modifiedNanoseconds != modificationTime {
            change = .touched
        } else {
            return .unchanged
        }
        identify(new)
        read(fd, until: new.size, chunkSize: chunkSize, didRead: didRead)
        return change
    }

    /// Modification time, ns since the epoch (0 before a read).
    public var modificationTime: Int64 { identity?.modifiedNanoseconds ?? 0 }

    /// Records which file was read, and its modification time.
    private mutating func identify(_ identity: FileIdentity) {
        self.identity = identity
        contribution.modificationTime = identity.modifiedNanoseconds
        parser.noteModificationTime(identity.modifiedNanoseconds)
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

    /// Reads from `offset` up to `end` (or the end of the file, if that comes first);
    /// `didRead` is told the size of each chunk read.
    mutating func read(_ fd: Int32, until end: Int64, chunkSize: Int, didRead: ((Int) -> Void)? = nil) {
        let outcome = ChunkedRead.read(fd, from: offset, until: end, chunkSize: chunkSize) { chunk in
            parser.consume(chunk, into: &contribution)
            let n = chunk.count
            didRead?(n)
            tail = n >= Self.tailCheckLength ? Array(chunk[(n - Self.tailCheckLength)..<n])
                : Array((tail + chunk).suffix(Self.tailCheckLength))
            return true
        }
        if case .failed(let reason) = outcome { reject(reason: "read error: \(reason)") }
        contribution.summary = parser.summary
    }

    // MARK: First read in segments

    /// Opens the file for a first read done in parts (see ``DataLoader``) and records which
    /// file it is. Returns the open descriptor, which the caller closes, and the size to read;
    /// nil when the file cannot be read (a rejection says why, unless it is gone).
    mutating func beginFirstRead(root: String) -> (descriptor: Int32, size: Int64)? {
        let fd = open(root + "/" + path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno != ENOENT && errno != ENOTDIR {
                reject(reason: "cannot read file: \(String(cString: strerror(errno)))")
            }
            return nil
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            return nil
        }
        let identity = FileIdentity(status: info)
        identify(identity)
        return (fd, identity.size)
    }

    /// A segment of this file from `start` (just after a line feed, beyond what was read so
    /// far) to `end`, to be read in parallel and then absorbed; nil when the file cannot be
    /// read that way (not a UTF-8 CSV file, or its header and first row are not read yet).
    func segment(from start: Int64, to end: Int64) -> FileSegment? {
        guard let continuation = parser.continuation(at: Int(start)) else { return nil }
        return FileSegment(start: start, end: end, parser: continuation, sink: SegmentContribution(path: path))
    }

    /// Takes in a segment that starts where reading stopped, exactly as reading its bytes here
    /// would; when its start turns out not to begin a record, or its rows cannot be merged
    /// (see ``FileContribution/append(_:)``), its bytes are read here instead. Returns true
    /// when the segment's own reading was used.
    @discardableResult
    mutating func absorb(_ segment: FileSegment, fd: Int32, chunkSize: Int) -> Bool {
        guard offset == segment.start, parser.canHandOver(to: segment.parser), segment.isComplete,
              contribution.append(segment.sink)
        else {
            read(fd, until: segment.end, chunkSize: chunkSize)
            return false
        }
        parser = parser.handedOver(to: segment.parser)
        contribution.summary = parser.summary
        let keep = Int(min(Int64(Self.tailCheckLength), offset))
        tail = [UInt8](repeating: 0, count: keep)
        if pread(fd, &tail, keep, off_t(offset) - off_t(keep)) != keep { tail = [] }
        return true
    }
}
