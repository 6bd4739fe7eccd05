#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first read of one data file (a ``TrackedFile``) into its ``FileContribution``. A large
/// file is cut at line feeds into parts: the file reads its first part itself, the others are
/// read at the same time as ``FileSegment``s and then absorbed in order, so that the result is
/// exactly that of reading the file in one go. The file and its contribution are changed in
/// place (the loader keeps an array of each); this holds only what is left to read.
struct FirstRead: Sendable {
    /// How large files are cut.
    struct Cutting: Sendable {
        /// Files at least this large are cut.
        var minimumFileSize: Int64
        /// Parts per cut file (at most).
        var parts: Int
        /// Bytes the file reads before it is cut, so that its header and first row are known.
        var headLength: Int64
    }

    /// The open file (nil when it could not be opened, or is opened when read); closed once the
    /// file is read.
    let descriptor: Int32?
    /// True for a file read whole: it is opened when its part is read, not before, so that a
    /// directory of thousands of small files never has them all open at once (at the usual
    /// limit of 1,024 open files, 18,984 of 20,000 small files could not be opened).
    let opensWhenRead: Bool
    /// Where the file's own part ends: the first segment's start, or the end of the file.
    let firstPartEnd: Int64
    /// The other parts, in file order, not read yet.
    let segments: [FileSegment]

    /// Opens `file` (not read yet) and, when it is large, reads its head into `contribution`
    /// and cuts the rest. The head is the file's first chunk: `contribution` makes room for
    /// the rows of the whole file at its rate, and `ids` for the ids it will number.
    init(opening file: inout TrackedFile, into contribution: inout FileContribution, root: String, context: IngestContext,
         cutting: Cutting, chunkSize: Int, ids: IDReservation? = nil) {
        var info = stat()
        if stat(root + "/" + file.path, &info) == 0, Int64(info.st_size) < cutting.minimumFileSize || cutting.parts < 2 {
            opensWhenRead = true
            descriptor = nil
            firstPartEnd = Int64(info.st_size)
            segments = []
            return
        }
        opensWhenRead = false
        guard let (fd, size) = file.beginFirstRead(root: root, into: &contribution) else {
            descriptor = nil
            firstPartEnd = 0
            segments = []
            return
        }
        descriptor = fd
        // Grown to the size of a cut file since `stat`, or not yet: read whole all the same.
        guard size >= cutting.minimumFileSize else {
            firstPartEnd = size
            segments = []
            return
        }
        file.wake(fd, context: context)
        file.read(fd, until: min(cutting.headLength, size), into: &contribution, chunkSize: chunkSize, rowsEnd: size,
                  ids: ids)
        let head = file.offset
        let rest = size - head
        var cuts: [Int64] = []
        for part in 1..<cutting.parts {
            let nominal = head + rest * Int64(part) / Int64(cutting.parts)
            if let cut = Self.lineStart(atOrAfter: nominal, in: fd, before: size), cut > (cuts.last ?? head) {
                cuts.append(cut)
            }
        }
        var segments: [FileSegment] = []
        for (index, start) in cuts.enumerated() {
            let end = index + 1 < cuts.count ? cuts[index + 1] : size
            guard let segment = file.segment(from: start, to: end, context: context) else { break }
            segments.append(segment)
        }
        self.segments = segments
        firstPartEnd = segments.first?.start ?? size
    }

    /// Reads the file's own part into `contribution`; `didRead` is told the size of each chunk
    /// read. A file read whole is finished at once: closed and settled (see
    /// ``settle(_:_:)``), so that a small one keeps no parser; a cut one is finished by
    /// ``finish(_:into:segments:chunkSize:)``. A file read whole adds the ids it expects to
    /// number to `ids` after its first chunk (a cut file's head did).
    func readFirstPart(of file: inout TrackedFile, into contribution: inout FileContribution, root: String,
                       context: IngestContext, chunkSize: Int, ids: IDReservation? = nil, didRead: ((Int) -> Void)? = nil) {
        var end = firstPartEnd
        var opened = descriptor
        if opensWhenRead, let (fd, size) = file.beginFirstRead(root: root, into: &contribution) {
            opened = fd
            end = size
        }
        guard let descriptor = opened else { return }
        file.wake(descriptor, context: context)
        // A cut file's part takes in the others' rows once they are read: room for them all.
        file.read(descriptor, until: end, into: &contribution, chunkSize: chunkSize,
                  rowsEnd: segments.last?.end, ids: ids, didRead: didRead)
        if segments.isEmpty {
            close(descriptor)
            settle(&file, &contribution)
        }
    }

    /// Segment `index`, read; `didRead` is told the size of each chunk read.
    func readSegment(_ index: Int, chunkSize: Int, didRead: ((Int) -> Void)? = nil) -> FileSegment {
        var segment = segments[index]
        if let descriptor { segment.read(descriptor, chunkSize: chunkSize, didRead: didRead) }
        return segment
    }

    /// Absorbs the read segments in order into the cut file (with its own part read); closes it.
    func finish(_ file: inout TrackedFile, into contribution: inout FileContribution, segments: [FileSegment],
                chunkSize: Int) {
        guard let descriptor else { return }
        for segment in segments {
            file.absorb(segment, fd: descriptor, into: &contribution, chunkSize: chunkSize)
        }
        close(descriptor)
        settle(&file, &contribution)
    }

    /// Leaves the file out of the load (see ``MemoryCeiling``): it contributes one rejection and
    /// is not followed; closes it.
    func leaveOut(_ file: inout TrackedFile, contribution: inout FileContribution, reason: String, context: IngestContext) {
        if let descriptor { close(descriptor) }
        contribution = file.leaveOut(reason: reason, context: context)
    }

    /// Once the file is read: gives back the room the contribution's tables hold beyond their
    /// rows, and lets a small file's parser go.
    private func settle(_ file: inout TrackedFile, _ contribution: inout FileContribution) {
        contribution.shrinkToFit()
        file.sleepIfSmall()
    }

    /// The offset just after the first line feed at or after `offset` (searched up to 64 KiB
    /// on), if that is before `end`.
    private static func lineStart(atOrAfter offset: Int64, in fd: Int32, before end: Int64) -> Int64? {
        var window = [UInt8](repeating: 0, count: 64 << 10)
        let n = window.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
        guard n > 0, let index = window[0..<n].firstIndex(of: 0x0A) else { return nil }
        let start = offset + Int64(index) + 1
        return start < end ? start : nil
    }
}
