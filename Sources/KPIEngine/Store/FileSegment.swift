/// A byte range of a large file read on its own, in parallel with the rest of the file, by a
/// parser continuing from the file's header (see ``TrackedFile/segment(from:to:context:)``).
/// Its line numbers count from its start; the file shifts them when it absorbs the segment.
struct FileSegment: Sendable {
    let start: Int64
    let end: Int64
    private(set) var parser: FileParser
    private(set) var contribution: FileContribution
    /// True once every byte of the range was read.
    private(set) var isComplete = false

    init(start: Int64, end: Int64, parser: FileParser, contribution: FileContribution) {
        self.start = start
        self.end = end
        self.parser = parser
        self.contribution = contribution
    }

    /// Reads the range; `didRead` is told the size of each chunk read. After the first chunk,
    /// the contribution makes room for the rows of the rest (the file's head made room for
    /// the ids of every part).
    mutating func read(_ fd: Int32, chunkSize: Int, didRead: ((Int) -> Void)? = nil) {
        let sizeBefore = contribution.rowsSize
        var isFirstChunk = true
        let outcome = ChunkedRead.read(fd, from: start, until: end, chunkSize: chunkSize) { chunk in
            parser.consume(chunk, into: &contribution)
            if isFirstChunk {
                isFirstChunk = false
                contribution.reserveRoom(since: sizeBefore, bytesRead: chunk.count,
                                         bytesLeft: end - start - Int64(chunk.count))
            }
            didRead?(chunk.count)
            return true
        }
        isComplete = outcome == .complete
    }
}
