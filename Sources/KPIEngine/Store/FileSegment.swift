/// A byte range of a large file read on its own, in parallel with the rest of the file, by a
/// parser continuing from the file's header (see ``TrackedFile/segment(from:to:)``).
struct FileSegment: Sendable {
    let start: Int64
    let end: Int64
    private(set) var parser: FileParser
    private(set) var sink: SegmentContribution
    /// True once every byte of the range was read with the sink still usable.
    private(set) var isComplete = false

    init(start: Int64, end: Int64, parser: FileParser, sink: SegmentContribution) {
        self.start = start
        self.end = end
        self.parser = parser
        self.sink = sink
    }

    /// Reads the range; stops early once the rows cannot be used. `didRead` is told the size
    /// of each chunk read.
    mutating func read(_ fd: Int32, chunkSize: Int, didRead: ((Int) -> Void)? = nil) {
        let outcome = ChunkedRead.read(fd, from: start, until: end, chunkSize: chunkSize) { chunk in
            parser.consume(chunk, into: &sink)
            didRead?(chunk.count)
            return sink.isUsable
        }
        isComplete = outcome == .complete && sink.isUsable
    }
}
