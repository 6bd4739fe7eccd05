import Foundation
import Synchronization

/// Reads a whole data directory once (for `report`, `check` and the first load of the
/// dashboard): every data file is parsed into its ``FileContribution``, on all cores: files in
/// parallel, and large files cut into parts read in parallel too (see ``FirstRead``).
public struct DataLoader: Sendable {
    /// Bytes read per `read(2)` call.
    public static let chunkSize = 1 << 20
    /// How long a first look takes unless told: with the listing and the process's own start,
    /// the first numbers over 20,000 files show after 0.21-0.23 s (0.26-0.29 s with 120 ms).
    public static let firstLookBudget: Duration = .milliseconds(80)

    public let root: String
    public let context: IngestContext
    /// How large files are cut into parts.
    var cutting = FirstRead.Cutting(
        minimumFileSize: 8 << 20, parts: min(ProcessInfo.processInfo.activeProcessorCount, 8), headLength: 64 << 10)

    /// Directories this large get a first look (see ``readAll(progress:firstLookBudget:firstLook:)``).
    var firstLookMinimumBytes = FirstLook.minimumBytes

    public init(root: String, context: IngestContext) {
        self.root = root
        self.context = context
    }

    /// Reads every data file under the root and returns them ready to follow (see
    /// ``TrackedFile``) with what they contribute. `progress` is called (from any thread) once
    /// the files are listed, then after each file and each further percent of the bytes. When
    /// the files hold at least 32 MiB or number 2,000, `firstLook` is first given a store of
    /// what could be read from their starts within `firstLookBudget` (partial numbers to show
    /// while the rest loads).
    /// `listed` is the directory's data files when the caller listed them already.
    public func readAll(listed: [String]? = nil, progress: (@Sendable (LoadProgress) -> Void)? = nil,
                        firstLookBudget: Duration = Self.firstLookBudget,
                        firstLook: ((MetricsStore) -> Void)? = nil) throws(DataDirectoryError) -> [LoadedFile] {
        let read = try readApart(listed: listed, progress: progress, firstLookBudget: firstLookBudget, firstLook: firstLook)
        return zip(read.files, read.contributions).map(LoadedFile.init)
    }

    /// What ``readAll(listed:progress:firstLookBudget:firstLook:)`` reads, as two arrays by the
    /// same index: the files, and what they contribute (an array a store can keep as it is).
    func readApart(listed: [String]? = nil, progress: (@Sendable (LoadProgress) -> Void)? = nil,
                   firstLookBudget: Duration = Self.firstLookBudget, firstLook: ((MetricsStore) -> Void)? = nil)
        throws(DataDirectoryError) -> (files: [TrackedFile], contributions: [FileContribution]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
              access(root, R_OK | X_OK) == 0
        else { throw DataDirectoryError(path: root) }

        let paths = listed ?? DataFiles.list(root: root, followLinks: context.followLinks)
        // Many files get a first look whatever their size: not stat-ed one more time for it
        // (the first progress then counts files only; the reads report the bytes).
        let manyFiles = paths.count >= FirstLook.minimumFiles
        let listedBytes = manyFiles ? 0 : paths.reduce(Int64(0)) { $0 + Self.fileSize(root + "/" + $1) }
        progress?(LoadProgress(filesDone: 0, filesTotal: paths.count, bytesDone: 0, bytesTotal: listedBytes))
        if let firstLook, manyFiles || listedBytes >= firstLookMinimumBytes {
            firstLook(FirstLook(root: root, context: context, budget: firstLookBudget).read(paths).store)
        }
        // The files and their contributions, each read into in place, beside what is left to
        // read of each (a few bytes): a file is a few hundred bytes, and there may be many
        // thousand.
        var files = paths.map(TrackedFile.init)
        var contributions = files.map { $0.emptyContribution(context: context) }
        // Every file's rows make room for the rest of the file after its first chunk (a cut
        // file's head, read now), the ids of all the files together.
        let ids = IDReservation(ids: context.interning.ids)
        let reads = Self.withSlots(&files, &contributions) { slots in
            Self.inParallel(paths.count) { index in
                FirstRead(opening: &slots.files![index], into: &slots.contributions![index], root: root, context: context,
                          cutting: cutting, chunkSize: Self.chunkSize, ids: ids)
            }
        }
        let segments = Self.readParts(of: reads, into: &files, &contributions, root: root, context: context,
                                      ids: ids, progress: progress)
        // Files read whole are finished already; the cut ones take in their segments.
        let cut = Array(segments.keys)
        Self.withSlots(&files, &contributions) { slots in
            DispatchQueue.concurrentPerform(iterations: cut.count) { n in
                let index = cut[n]
                reads[index].finish(&slots.files![index], into: &slots.contributions![index], segments: segments[index]!,
                                    chunkSize: Self.chunkSize)
            }
        }
        return (files, contributions)
    }

    /// Reads every part of every file into `files` and `contributions` (its own part, in place)
    /// and returns the segments of the cut files, by file; biggest parts first, so that the
    /// cores finish together. A file read whole is finished. Once the context's memory ceiling
    /// is reached, no further part is read: the files with a part not read are left out (and
    /// have no segments here).
    private static func readParts(of reads: [FirstRead], into files: inout [TrackedFile],
                                  _ contributions: inout [FileContribution], root: String, context: IngestContext,
                                  ids: IDReservation, progress: (@Sendable (LoadProgress) -> Void)?) -> [Int: [FileSegment]] {
        var ordered: [Part] = []
        ordered.reserveCapacity(reads.reduce(0) { $0 + 1 + $1.segments.count })
        for (index, read) in reads.enumerated() {
            ordered.append(Part(file: index, segment: nil, bytes: read.firstPartEnd - files[index].offset))
            for (number, segment) in read.segments.enumerated() {
                ordered.append(Part(file: index, segment: number, bytes: segment.end - segment.start))
            }
        }
        ordered.sort { $0.bytes > $1.bytes }
        let parts = ordered
        let headBytes = files.reduce(0) { $0 + $1.offset }
        let done = Mutex(LoadProgress(filesDone: 0, filesTotal: reads.count, bytesDone: headBytes,
                                      bytesTotal: headBytes + parts.reduce(0) { $0 + $1.bytes }))
        /// Counts read bytes or a finished file, and reports a finished file or a further
        /// percent of the bytes (under the lock, so that reports never go backwards).
        @Sendable func advance(bytes: Int, fileFinished: Bool) {
            done.withLock { p in
                let percentBefore = p.bytesDone * 100 / max(1, p.bytesTotal)
                p.bytesDone += Int64(bytes)
                if fileFinished { p.filesDone += 1 }
                if fileFinished || p.bytesDone * 100 / max(1, p.bytesTotal) > percentBefore { progress?(p) }
            }
        }
        let partsLeft = Mutex(reads.map { UInt16($0.segments.count + 1) })
        let segments = Mutex([Int: [FileSegment?]](uniqueKeysWithValues: reads.indices.lazy.filter { !reads[$0].segments.isEmpty }
            .map { ($0, [FileSegment?](repeating: nil, count: reads[$0].segments.count)) }))
        let leftOut = Mutex(Set<Int>())
        let ceiling = context.memoryCeiling
        withSlots(&files, &contributions) { slots in
            DispatchQueue.concurrentPerform(iterations: parts.count) { slot in
                let part = parts[slot]
                let didRead = { (bytes: Int) in advance(bytes: bytes, fileFinished: false) }
                if let ceiling, ceiling.isReached() || leftOut.withLock({ $0.contains(part.file) }) {
                    leftOut.withLock { _ = $0.insert(part.file) }
                    advance(bytes: Int(part.bytes), fileFinished: false)
                } else if let number = part.segment {
                    let segment = reads[part.file].readSegment(number, chunkSize: chunkSize, didRead: didRead)
                    segments.withLock { $0[part.file]![number] = segment }
                } else {
                    reads[part.file].readFirstPart(of: &slots.files![part.file], into: &slots.contributions![part.file],
                                                   root: root, context: context, chunkSize: chunkSize, ids: ids,
                                                   didRead: didRead)
                }
                let fileDone = partsLeft.withLock { left -> Bool in
                    left[part.file] -= 1
                    return left[part.file] == 0
                }
                if fileDone { advance(bytes: 0, fileFinished: true) }
            }
        }
        let out = leftOut.withLock { $0 }
        let reason = context.memoryCeiling?.leftOutReason ?? "left out"
        for index in out {
            reads[index].leaveOut(&files[index], contribution: &contributions[index], reason: reason, context: context)
        }
        return segments.withLock { read in read.filter { !out.contains($0.key) }.mapValues { $0.map { $0! } } }
    }

    /// One part of a file to read: its own part, or one of its segments. Small (16 bytes):
    /// there is one for each of maybe many thousand files.
    private struct Part {
        let bytes: Int64
        private let fileNumber: Int32
        /// The segment's number; -1 for the file's own part.
        private let segmentNumber: Int32

        init(file: Int, segment: Int?, bytes: Int64) {
            self.bytes = bytes
            fileNumber = Int32(file)
            segmentNumber = Int32(segment ?? -1)
        }

        var file: Int { Int(fileNumber) }
        /// nil for the file's own part.
        var segment: Int? { segmentNumber < 0 ? nil : Int(segmentNumber) }
    }

    /// `body(0..<count)`, run on all cores, each result written once into the array returned.
    private static func inParallel<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let results = ResultSlots(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (results.base! + index).initialize(to: body(index))
            }
            initialized = count
        }
    }

    /// The elements of one array that concurrent threads fill or change, each its own.
    private struct ResultSlots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>?
        init(_ base: UnsafeMutablePointer<T>?) { self.base = base }
    }

    /// The files and the contributions being read, by index, which concurrent threads change,
    /// each its own.
    private struct FileSlots: @unchecked Sendable {
        let files: UnsafeMutablePointer<TrackedFile>?
        let contributions: UnsafeMutablePointer<FileContribution>?
    }

    /// Runs `body` with the slots of `files` and `contributions` (of the same count).
    private static func withSlots<T>(_ files: inout [TrackedFile], _ contributions: inout [FileContribution],
                                     _ body: (FileSlots) -> T) -> T {
        precondition(files.count == contributions.count)
        return files.withUnsafeMutableBufferPointer { files in
            contributions.withUnsafeMutableBufferPointer { contributions in
                body(FileSlots(files: files.baseAddress, contributions: contributions.baseAddress))
            }
        }
    }

    private static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Reads every data file once, as `report` and `check` do: a last line without a newline
    /// counts.
    public func load(progress: (@Sendable (LoadProgress) -> Void)? = nil) throws(DataDirectoryError) -> MetricsStore {
        var (files, contributions) = try readApart(progress: progress)
        for index in files.indices { files[index].finish(into: &contributions[index]) }
        // Not followed: the files go before the store counts their contributions (kept as they are).
        files = []
        var store = MetricsStore(clock: context.clock, interning: context.interning)
        store.set(contributions)
        return store
    }
}

/// The data directory does not exist or cannot be read.
public struct DataDirectoryError: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "cannot read data directory '\(path)'" }
}
