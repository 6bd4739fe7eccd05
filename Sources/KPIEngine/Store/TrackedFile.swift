import Glibc

/// One data file followed as it grows: where reading stopped, which file (device and inode)
/// that was, and the parser. Its rows live in the store (see ``MetricsStore``); appended bytes
/// continue the same parser into the same contribution, and a truncated, replaced or
/// rewritten file is taken out of the store and read again from its first byte.
///
/// A file has no parser until its bytes are first read (``wake(_:context:)``), and a small file
/// read to its end lets its parser go (``ParserSlot/dormant``): a directory of many small
/// exports then costs little memory a file, even while it loads, and the parser is made again
/// from the file's bytes, in a millisecond, when the file grows.
public struct TrackedFile: Sendable {
    /// Bytes compared before the offset to notice a file rewritten to a larger size.
    static let tailCheckLength = TailBytes.capacity
    /// Files read to their end up to this size keep no parser.
    static let dormantLimit = 64 << 10

    // Stored properties in this order leave little padding between them (the loader keeps an
    // array of files, one per data file).
    public let path: String
    /// Which file (device and inode) was read, and its modification time; nil before a read.
    /// The file as it was when last read (nil before).
    public private(set) var identity: FileIdentity?
    /// True for a file left out at the ``MemoryCeiling`` (by the first load, or live when it
    /// appeared or grew): it is not read until kpitop starts again; deleting it still takes its
    /// rejection away.
    public private(set) var isLeftOut = false
    /// The modification time the parser was first told (the export day of a file whose name
    /// has no date), to tell a parser made again.
    private var firstModificationTime: Int64?
    private var slot: ParserSlot
    /// The bytes just before `offset`, to tell an append from a rewrite.
    private var tail = TailBytes()

    /// A file not read yet: it has no parser (see ``wake(_:context:)``).
    public init(path: String) {
        self.path = path
        slot = .dormant(0)
    }

    /// Where reading a file stopped, as the restart cache keeps it: which file it was, how far
    /// it was read, and the bytes just before that.
    struct ReadPosition: Sendable {
        var identity: FileIdentity
        var offset: Int64
        var firstModificationTime: Int64?
        var tail: [UInt8]
    }

    /// Where reading stopped; nil for a file left out, not read, or holding back a last line
    /// without a newline.
    var readPosition: ReadPosition? {
        guard !isLeftOut, !hasPendingLine, let identity else { return nil }
        return ReadPosition(identity: identity, offset: offset, firstModificationTime: firstModificationTime, tail: tail.bytes)
    }

    /// The file read up to `position` (from the restart cache), with no parser: it is made
    /// again from the file's bytes if the file grows, as for a small file (``wake(_:context:)``).
    init(path: String, restoring position: ReadPosition) {
        self.path = path
        identity = position.identity
        firstModificationTime = position.firstModificationTime
        tail = TailBytes(position.tail)
        slot = .dormant(position.offset)
    }

    /// Bytes read so far (an incomplete last line included: the parser holds it).
    public var offset: Int64 {
        switch slot {
        case .awake(let parser): Int64(parser.consumedBytes)
        case .dormant(let consumed): consumed
        }
    }

    /// True when the last line has no newline yet (held back until it is complete).
    public var hasPendingLine: Bool {
        if case .awake(let parser) = slot { return parser.hasPendingLine }
        return false
    }

    /// True while the file keeps no parser.
    var isDormant: Bool {
        if case .dormant = slot { return true }
        return false
    }

    private var parser: FileParser {
        guard case .awake(let parser) = slot else { preconditionFailure("the parser of \(path) is dormant") }
        return parser
    }

    /// Runs `body` on the parser, which must be awake, changing it in place.
    private mutating func modifyParser<T>(_ body: (inout FileParser) -> T) -> T {
        var parser = self.parser
        slot = .dormant(0)   // drops the boxed copy, so that `parser` is the only one
        defer { slot = .awake(parser) }
        return body(&parser)
    }

    /// Makes the parser (again, from the bytes already read) when the file has none; reading
    /// needs it.
    mutating func wake(_ fd: Int32, context: IngestContext) {
        guard case .dormant(let consumed) = slot else { return }
        var parser = FileParser(relativePath: path, context: context)
        if let firstModificationTime { parser.noteModificationTime(firstModificationTime) }
        var ignored = DiscardingSink()
        _ = ChunkedRead.read(fd, from: 0, until: consumed, chunkSize: 64 << 10) { chunk in
            parser.consume(chunk, into: &ignored)
            return true
        }
        slot = .awake(parser)
    }

    /// Lets the parser go when the file is small and read to its end.
    mutating func sleepIfSmall() {
        guard case .awake(let parser) = slot, parser.consumedBytes <= Self.dormantLimit, !parser.hasPendingLine else { return }
        slot = .dormant(Int64(parser.consumedBytes))
    }

    /// Modification time, ns since the epoch (0 before a read).
    public var modificationTime: Int64 { identity?.modifiedNanoseconds ?? 0 }


    /// Marks the file left out (its parser is dropped) and returns what it contributes from
    /// now on: one rejection at line 0 saying `reason`. The first load and a live read both
    /// leave a file out this way.
    mutating func leaveOut(reason: String, context: IngestContext) -> FileContribution {
        isLeftOut = true
        slot = .dormant(0)
        var contribution = emptyContribution(context: context)
        contribution.rejected(line: 0, reason: reason)
        return contribution
    }

    /// Leaves the file out, as the first load would, when it has bytes to read while the
    /// process's memory is at the ``MemoryCeiling``: its numbers are taken out and a rejection
    /// at line 0 says why. False (nothing done) under the ceiling or without one.
    private mutating func leaveOutAtCeiling(context: IngestContext, store: inout MetricsStore) -> Bool {
        guard let ceiling = context.memoryCeiling, ceiling.isReached() else { return false }
        store.set(leaveOut(reason: ceiling.leftOutReason, context: context))
        return true
    }

    /// A contribution for this file, in the store's numbering, ready to read into.
    func emptyContribution(context: IngestContext) -> FileContribution {
        FileContribution(path: path, modificationTime: modificationTime, interning: context.interning,
                         hourlyRule: context.hourlyRule)
    }

    /// What the held-back last line alone contributes when taken as complete (see
    /// ``MetricsStore/setPendingLine(_:for:)``); nil when no line is held.
    public func pendingLineContribution(context: IngestContext) -> FileContribution? {
        guard hasPendingLine else { return nil }
        var p = parser
        var pending = emptyContribution(context: context)
        p.finish(into: &pending)
        pending.summary = p.summary
        return pending
    }

    /// Reads the held-back last line (if any) as complete into `contribution`: the end of
    /// the file, for a one-shot read.
    public mutating func finish(into contribution: inout FileContribution) {
        guard !isDormant else { return }
        modifyParser { parser in
            parser.finish(into: &contribution)
            contribution.summary = parser.summary
        }
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

    /// Reads what is new in the file under `root` into `store`: appended bytes continue the
    /// file's contribution, a truncated, replaced or rewritten file is taken out and read
    /// again, a deleted one is taken out.
    @discardableResult
    public mutating func refresh(root: String, context: IngestContext, store: inout MetricsStore,
                                 chunkSize: Int = 1 << 20) -> Change {
        let fd = open(root + "/" + path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let error = errno
            store.remove(path: path)
            if error == ENOENT || error == ENOTDIR { return .deleted }
            restart(context: context)
            var failed = emptyContribution(context: context)
            failed.rejected(line: 0, reason: "cannot read file: \(String(cString: strerror(error)))")
            store.set(failed)
            return .replaced
        }
        defer { close(fd) }
        guard !isLeftOut else { return .unchanged }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            store.remove(path: path)
            return .deleted
        }
        let new = FileIdentity(status: info)
        let sameFile = identity.map(new.isSameFile) ?? false
        if !sameFile || new.size < offset || !tailMatches(fd) || !store.contains(path: path) {
            if leaveOutAtCeiling(context: context, store: &store) { return .replaced }
            restart(context: context)
            identify(new)
            var contribution = emptyContribution(context: context)
            read(fd, until: new.size, into: &contribution, chunkSize: chunkSize,
                 ids: IDReservation(ids: context.interning.ids))
            store.set(contribution)
            sleepIfSmall()
            return .replaced
        }
        let change: Change
        if new.size > offset {
            if leaveOutAtCeiling(context: context, store: &store) { return .replaced }
            change = .appended
        } else if new.modifiedNanoseconds != modificationTime {
            change = .touched
        } else {
            return .unchanged
        }
        wake(fd, context: context)
        identify(new)
        store.update(path: path) { contribution in
            contribution.modificationTime = new.modifiedNanoseconds
            read(fd, until: new.size, into: &contribution, chunkSize: chunkSize)
        }
        sleepIfSmall()
        return change
    }

    /// Records which file was read; the parser takes the first modification time it is told
    /// as the file's export day when the file's name has no date.
    private mutating func identify(_ identity: FileIdentity) {
        self.identity = identity
        if firstModificationTime == nil { firstModificationTime = identity.modifiedNanoseconds }
        // A dormant parser is told the first modification time when it wakes.
        guard !isDormant else { return }
        modifyParser { $0.noteModificationTime(identity.modifiedNanoseconds) }
    }

    private mutating func restart(context: IngestContext) {
        slot = .awake(FileParser(relativePath: path, context: context))
        firstModificationTime = nil
        tail = TailBytes()
        identity = nil
    }

    private func tailMatches(_ fd: Int32) -> Bool {
        guard !tail.isEmpty else { return true }
        var bytes = [UInt8](repeating: 0, count: tail.count)
        let n = pread(fd, &bytes, bytes.count, off_t(offset) - off_t(tail.count))
        return n == tail.count && bytes == tail.bytes
    }

    /// Reads from `offset` up to `end` (or the end of the file, if that comes first) into
    /// `contribution`; `didRead` is told the size of each chunk read. The parser must be awake.
    /// After the first chunk, `contribution` makes room for the rows of the bytes up to
    /// `rowsEnd` (`end` when nil; the file's size for a cut file's head and first part, which
    /// take in the rows of the other parts), at that chunk's rate (see
    /// ``FileContribution/reserveRoom(since:bytesRead:bytesLeft:ids:)``); a read from the
    /// file's first byte also adds the ids it expects to number up to there to `ids`.
    mutating func read(_ fd: Int32, until end: Int64, into contribution: inout FileContribution, chunkSize: Int,
                       rowsEnd: Int64? = nil, ids: IDReservation? = nil, didRead: ((Int) -> Void)? = nil) {
        let start = offset
        let ids = start == 0 ? ids : nil
        var tail = self.tail
        let sizeBefore = contribution.rowsSize
        var isFirstChunk = true
        let outcome = modifyParser { parser in
            let outcome = ChunkedRead.read(fd, from: start, until: end, chunkSize: chunkSize) { chunk in
                parser.consume(chunk, into: &contribution)
                if isFirstChunk {
                    isFirstChunk = false
                    contribution.reserveRoom(since: sizeBefore, bytesRead: chunk.count,
                                             bytesLeft: (rowsEnd ?? end) - start - Int64(chunk.count), ids: ids)
                }
                didRead?(chunk.count)
                tail.append(chunk)
                return true
            }
            contribution.summary = parser.summary
            return outcome
        }
        self.tail = tail
        if case .failed(let reason) = outcome { contribution.rejected(line: 0, reason: "read error: \(reason)") }
    }

    // MARK: First read in parts

    /// Opens the file for a first read done in parts (see ``DataLoader``) and records which
    /// file it is. Returns the open descriptor, which the caller closes, and the size to read;
    /// nil when the file cannot be read (`contribution` then says why, unless it is gone).
    mutating func beginFirstRead(root: String, into contribution: inout FileContribution) -> (descriptor: Int32, size: Int64)? {
        let fd = open(root + "/" + path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno != ENOENT && errno != ENOTDIR {
                contribution.rejected(line: 0, reason: "cannot read file: \(String(cString: strerror(errno)))")
            }
            return nil
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            return nil
        }
        identify(FileIdentity(status: info))
        contribution.modificationTime = modificationTime
        return (fd, identity!.size)
    }

    /// A segment of this file from `start` (just after a line feed, beyond what was read so
    /// far) to `end`, to be read in parallel and then absorbed; nil when the file cannot be
    /// read that way (not a UTF-8 CSV file, or its header and first row are not read yet).
    func segment(from start: Int64, to end: Int64, context: IngestContext) -> FileSegment? {
        guard let continuation = parser.continuation(at: Int(start)) else { return nil }
        return FileSegment(start: start, end: end, parser: continuation, contribution: emptyContribution(context: context))
    }

    /// Takes in a segment that starts where reading stopped, exactly as reading its bytes here
    /// would; when its start turns out not to begin a record, its bytes are read here instead.
    /// Returns true when the segment's own reading was used.
    @discardableResult
    mutating func absorb(_ segment: FileSegment, fd: Int32, into contribution: inout FileContribution,
                         chunkSize: Int) -> Bool {
        // A note names the line it was made at, counted from the segment's start: such a
        // segment is read again here (notes are rare, a few per file).
        let hasNewNotes = segment.contribution.notes.contains { !contribution.notes.contains($0) }
        guard offset == segment.start, parser.canHandOver(to: segment.parser), segment.isComplete, !hasNewNotes else {
            read(fd, until: segment.end, into: &contribution, chunkSize: chunkSize)
            return false
        }
        contribution.append(segment.contribution, linesBefore: parser.linesConsumed)
        let handedOver = parser.handedOver(to: segment.parser)
        slot = .awake(handedOver)
        contribution.summary = handedOver.summary
        let keep = Int(min(Int64(Self.tailCheckLength), offset))
        var bytes = [UInt8](repeating: 0, count: keep)
        tail = pread(fd, &bytes, keep, off_t(offset) - off_t(keep)) == keep ? TailBytes(bytes) : TailBytes()
        return true
    }
}

/// A file's parser, or only how far it read while the file keeps none (see
/// ``TrackedFile/sleepIfSmall()``). Boxed, so that a dormant file holds a pointer, not a parser.
indirect enum ParserSlot: Sendable {
    case awake(FileParser)
    case dormant(Int64)
}

/// A sink that keeps nothing: what a parser made again reads over (rows already counted).
struct DiscardingSink: RecordSink {
    static var takesRunsOfRows: Bool { true }
    mutating func metrics(_ row: MetricsRow) {}
    mutating func metrics(_ row: MetricsRow, rows: Int) {}
    mutating func service(_ row: ServiceRow) {}
    mutating func rejected(line: Int, reason: String) {}
    mutating func note(_ text: String) {}
}
