#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first read of one data file. A large file is cut at line feeds into parts: the file
/// reads its first part itself, the others are read at the same time as ``FileSegment``s and
/// then absorbed in order, so that the result is exactly that of reading the file in one go.
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

    /// The file with its head read (when it is cut).
    let file: TrackedFile
    /// The data directory, for a file opened only when its part is read.
    let root: String
    /// True for a file read whole: it is opened when its part is read, not before, so that a
    /// directory of thousands of small files never has them all open at once (at the usual
    /// limit of 1,024 open files, 18,984 of 20,000 small files could not be opened).
    let opensWhenRead: Bool
    /// What the head read contributed.
    let contribution: FileContribution
    /// The open file (nil when it could not be opened); ``finish(_:segments:chunkSize:)`` closes it.
    let descriptor: Int32?
    /// Where the file's own part ends: the first segment's start, or the end of the file.
    let firstPartEnd: Int64
    /// The other parts, in file order, not read yet.
    let segments: [FileSegment]

    /// Opens the file and, when it is large, reads its head and cuts the rest.
    init(path: String, root: String, context: IngestContext, cutting: Cutting, chunkSize: Int) {
        var file = TrackedFile(path: path)
        var contribution = file.emptyContribution(context: context)
        self.root = root
        var info = stat()
        if stat(root + "/" + path, &info) == 0, Int64(info.st_size) < cutting.minimumFileSize || cutting.parts < 2 {
            self.file = file
            self.contribution = contribution
            opensWhenRead = true
            descriptor = nil
            firstPartEnd = Int64(info.st_size)
            segments = []
            return
        }
        opensWhenRead = false
        guard let (fd, size) = file.beginFirstRead(root: root, into: &contribution) else {
            self.file = file
            self.contribution = contribution
            descriptor = nil
            firstPartEnd = 0
            segments = []
            return
        }
        descriptor = fd
        // Grown to the size of a cut file since `stat`, or not yet: read whole all the same.
        guard size >= cutting.minimumFileSize else {
            self.file = file
            self.contribution = contribution
            firstPartEnd = size
            segments = []
            return
        }
        file.wake(fd, context: context)
        file.read(fd, until: min(cutting.headLength, size), into: &contribution, chunkSize: chunkSize)
        let rest = size - file.offset
        var cuts: [Int64] = []
        for part in 1..<cutting.parts {
            let nominal = file.offset + rest * Int64(part) / Int64(cutting.parts)
            if let cut = Self.lineStart(atOrAfter: nominal, in: fd, before: size), cut > (cuts.last ?? file.offset) {
                cuts.append(cut)
            }
        }
        var segments: [FileSegment] = []
        for (index, start) in cuts.enumerated() {
            let end = index + 1 < cuts.count ? cuts[index + 1] : size
            guard let segment = file.segment(from: start, to: end, context: context) else { break }
            segments.append(segment)
        }
        self.file = file
        self.contribution = contribution
        self.segments = segments
        firstPartEnd = segments.first?.start ?? size
    }

    /// Bytes of the file's own part still to read.
    var firstPartLength: Int64 { firstPartEnd - file.offset }

    /// The file with its own part read; `didRead` is told the size of each chunk read. A file
    /// read whole is finished at once: closed and settled (see ``LoadedFile/settle()``), so that
    /// a small one keeps no parser; a cut one is finished by ``finish(_:segments:chunkSize:)``.
    func readFirstPart(context: IngestContext, chunkSize: Int, didRead: ((Int) -> Void)? = nil) -> LoadedFile {
        var loaded = LoadedFile(file: file, contribution: contribution)
        var end = firstPartEnd
        var opened = descriptor
        if opensWhenRead, let (fd, size) = loaded.file.beginFirstRead(root: root, into: &loaded.contribution) {
            opened = fd
            end = size
        }
        guard let descriptor = opened else { return loaded }
        loaded.file.wake(descriptor, context: context)
        loaded.file.read(descriptor, until: end, into: &loaded.contribution, chunkSize: chunkSize, didRead: didRead)
        if segments.isEmpty {
            close(descriptor)
            loaded.settle()
        }
        return loaded
    }

    /// Segment `index`, read; `didRead` is told the size of each chunk read.
    func readSegment(_ index: Int, chunkSize: Int, didRead: ((Int) -> Void)? = nil) -> FileSegment {
        var segment = segments[index]
        if let descriptor { segment.read(descriptor, chunkSize: chunkSize, didRead: didRead) }
        return segment
    }

    /// The cut file (with its own part read) after absorbing the read segments in order;
    /// closes it.
    func finish(_ loaded: LoadedFile, segments: [FileSegment], chunkSize: Int) -> LoadedFile {
        guard let descriptor else { return loaded }
        var loaded = loaded
        for segment in segments {
            loaded.file.absorb(segment, fd: descriptor, into: &loaded.contribution, chunkSize: chunkSize)
        }
        close(descriptor)
        loaded.settle()
        return loaded
    }

    /// The file left out of the load (see ``MemoryCeiling``): it contributes one rejection and is
    /// not followed; closes it.
    func leftOut(reason: String, context: IngestContext) -> LoadedFile {
        if let descriptor { close(descriptor) }
        var file = self.file
        let contribution = file.leaveOut(reason: reason, context: context)
        return LoadedFile(file: file, contribution: contribution)
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

/// A data file read once: the file, ready to follow, and what it contributes.
public struct LoadedFile: Sendable {
    public var file: TrackedFile
    public var contribution: FileContribution

    /// Once the file is read: gives back the room the contribution's tables hold beyond their
    /// rows, and lets a small file's parser go.
    mutating func settle() {
        contribution.shrinkToFit()
        file.sleepIfSmall()
    }
}
