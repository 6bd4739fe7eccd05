import Foundation

/// Everything a ``RestartCache`` file holds, and its bytes (see ``CacheWriter``): a header
/// with the format version, what the cache is valid for, the files as they were read, the
/// numbers shown (as JSON), and the files kept with their contributions (after their length in
/// bytes: a start reads them only once the numbers are shown, see ``init(head:)``).
struct CacheContents {
    /// Bumped whenever what the cache holds or how it is written changes.
    static let formatVersion: UInt64 = 4
    private static let magic = Array("kpitop restart cache\n".utf8)

    var dataDirectory: String
    /// How the files were read (``RestartCache/readingKey(root:context:)``).
    var reading: String
    /// The request and day the numbers were computed for (``RestartCache/key(_:today:)``).
    var request: String
    /// Every file read, as it was.
    var files: [RestartCache.FileStamp]
    /// The numbers shown, when every file was kept.
    var snapshot: KPISnapshot?
    /// The files without ids, with where reading stopped and what they contributed (empty
    /// when read with ``init(head:)``: see ``keptFiles()``).
    var cachedFiles: [RestartCache.CachedFile]
    /// Where the kept files start, when they are still to be read.
    private var keptFilesInput: CacheReader?

    init(dataDirectory: String, reading: String, request: String, files: [RestartCache.FileStamp],
         snapshot: KPISnapshot?, cachedFiles: [RestartCache.CachedFile]) {
        self.dataDirectory = dataDirectory
        self.reading = reading
        self.request = request
        self.files = files
        self.snapshot = snapshot
        self.cachedFiles = cachedFiles
    }

    /// The bytes of the cache file; nil when the numbers cannot be written.
    func bytes() -> [UInt8]? {
        var out = CacheWriter()
        out.byteString(Self.magic)
        out.unsigned(Self.formatVersion)
        out.text(dataDirectory)
        out.text(reading)
        out.text(request)
        if let snapshot {
            guard let json = try? JSONEncoder().encode(snapshot) else { return nil }
            out.optional([UInt8](json)) { $0.byteString($1) }
        } else {
            out.bool(false)
        }
        out.count(files.count)
        for file in files {
            out.text(file.path)
            Self.write(file.identity, to: &out)
        }
        var kept = CacheWriter()
        kept.count(cachedFiles.count)
        for file in cachedFiles {
            kept.text(file.path)
            Self.write(file.position.identity, to: &kept)
            kept.signed(file.position.offset)
            kept.optional(file.position.firstModificationTime) { $0.signed($1) }
            kept.byteString(file.position.tail)
            file.contribution.write(to: &kept)
        }
        out.unsigned(UInt64(kept.bytes.count))
        return out.bytes + kept.bytes
    }

    /// Reads the bytes of a cache file; throws for anything else, a damaged file or another
    /// format version.
    init(bytes: [UInt8]) throws(CacheReader.Damaged) {
        try self.init(head: bytes)
        cachedFiles = try keptFiles()
        keptFilesInput = nil
    }

    /// Reads the bytes of a cache file up to its kept files, which ``keptFiles()`` reads
    /// later: a start shows the last numbers first (20,000 kept files take some 50 ms to
    /// read). Throws for anything else, another format version, or a file cut short.
    init(head bytes: [UInt8]) throws(CacheReader.Damaged) {
        var input = CacheReader(bytes)
        guard try input.byteString() == Self.magic, try input.unsigned() == Self.formatVersion else { throw CacheReader.Damaged() }
        dataDirectory = try input.text()
        reading = try input.text()
        request = try input.text()
        let json = try input.optional { input throws(CacheReader.Damaged) in try input.byteString() }
        if let json {
            guard let snapshot = try? JSONDecoder().decode(KPISnapshot.self, from: Data(json)) else { throw CacheReader.Damaged() }
            self.snapshot = snapshot
        } else {
            snapshot = nil
        }
        files = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in
            RestartCache.FileStamp(path: try input.text(), identity: try Self.identity(from: &input))
        }
        guard try input.unsigned() == UInt64(input.remaining) else { throw CacheReader.Damaged() }
        cachedFiles = []
        keptFilesInput = input
    }

    /// The kept files: those read with the contents, or read now from the bytes after the head.
    /// Throws when they are damaged.
    func keptFiles() throws(CacheReader.Damaged) -> [RestartCache.CachedFile] {
        guard var input = keptFilesInput else { return cachedFiles }
        let files = try (0..<input.count()).map { _ throws(CacheReader.Damaged) in
            let path = try input.text()
            let position = TrackedFile.ReadPosition(identity: try Self.identity(from: &input), offset: try input.signed(),
                                        firstModificationTime: try input.optional { input throws(CacheReader.Damaged) in
                                            try input.signed()
                                        },
                                        tail: try input.byteString())
            return RestartCache.CachedFile(path: path, position: position,
                                         contribution: try CachedContribution(from: &input, path: path))
        }
        guard input.isAtEnd else { throw CacheReader.Damaged() }
        return files
    }

    private static func write(_ identity: FileIdentity, to out: inout CacheWriter) {
        out.unsigned(identity.device)
        out.unsigned(identity.inode)
        out.signed(identity.size)
        out.signed(identity.modifiedNanoseconds)
    }

    private static func identity(from input: inout CacheReader) throws(CacheReader.Damaged) -> FileIdentity {
        FileIdentity(device: try input.unsigned(), inode: try input.unsigned(), size: try input.signed(),
                     modifiedNanoseconds: try input.signed())
    }
}
