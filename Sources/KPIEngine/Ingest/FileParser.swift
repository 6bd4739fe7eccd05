/// Parses one data file incrementally: feed it the bytes as they are appended.
///
/// CSV or JSON Lines by extension (`.jsonl`, `.ndjson`: JSON Lines; else CSV). A UTF-8 BOM is
/// skipped, UTF-16 with a BOM is decoded, a record over 1 MiB is rejected and skipped without
/// being buffered whole, a UTF-8 record that is not valid UTF-8 is read as Windows-1252. Records go to the sink in line order, except rows whose dates have no year:
/// they wait for the end of the file (see ``hasPendingLine`` and ``finish(into:)``).
///
/// The first NUL byte, wherever it is, ends the file: the complete records before it count,
/// the record holding it is rejected at its line, and nothing after it is read (a NUL before
/// the header is read means the file is not text: one rejection at line 0). The same bytes
/// give the same result whether they arrive at once or in pieces.
///
/// The file's export day (for those dates and for lifetime snapshots) comes from its name or,
/// failing that, from its modification time: give it with ``noteModificationTime(_:)`` before
/// the first bytes.
public struct FileParser: Sendable {
    private enum Encoding {
        /// Fewer than three bytes seen: the byte-order mark is not known yet.
        case undecided
        case utf8
        case utf16(UTF16Decoder)
    }

    /// The longest record read; longer ones are rejected.
    static let maximumRecordLength = 1 << 20
    /// Why the record holding a file's first NUL byte is rejected.
    static let nulByteReason = "not text (NUL byte); the rest of the file is ignored"

    private let isCSV: Bool
    private var encoding = Encoding.undecided
    private var undecidedBytes: [UInt8] = []
    /// The start of a record whose end has not arrived yet.
    private var carry: [UInt8] = []
    private var scanner = CSVRecordScanner()
    private var csv: CSVReader?
    private var jsonLines: JSONLinesReader?
    /// The physical line the next record starts on.
    private var nextLine = 1
    private var isSkippingLongRecord = false
    /// True once a non-empty record was read.
    private var hasReadRecord = false
    private var isStopped = false
    /// True once a record was read as Windows-1252 (the file gets one note).
    private var hasNotedWindows1252 = false
    /// A record's text read as Windows-1252, reused.
    private var repairedRecord: [UInt8] = []
    /// For a continuation: the state it started from, which the parser it continues must have
    /// reached for the continuation to stand for the rest of the file.
    private var stateAtStart: ReadingState?

    /// Bytes consumed so far (the file offset reading should continue from); this includes
    /// the bytes of a held incomplete line, which the parser keeps.
    public private(set) var consumedBytes = 0

    /// True when an incomplete last line is being held, or rows that wait for the end of the
    /// file (dates without a year): ``finish(into:)`` gives them.
    public var hasPendingLine: Bool { !carry.isEmpty || !undecidedBytes.isEmpty || csv?.isHoldingRows == true }

    /// What the file turned out to be so far, for `kpitop check`.
    public var summary: FileSummary { csv?.progress.summary ?? jsonLines?.progress.summary ?? FileSummary() }

    /// `relativePath` is the path under the data root ("instagram/2026-11.csv"), used for
    /// platform inference, the export day and the CSV/JSONL decision by extension.
    /// `modificationTime` (ns since the epoch) may be given here or later with
    /// ``noteModificationTime(_:)``.
    public init(relativePath: String, context: IngestContext, modificationTime: Int64? = nil) {
        let rules = context.mapping.rules(forPath: relativePath)
        let lowercasedPath = relativePath.lowercased()
        isCSV = !(lowercasedPath.hasSuffix(".jsonl") || lowercasedPath.hasSuffix(".ndjson"))
        scanner.honoursQuotes = isCSV
        if isCSV {
            csv = CSVReader(relativePath: relativePath, rules: rules, clock: context.clock, currency: context.currency)
            csv!.modificationTime = modificationTime
        } else {
            jsonLines = JSONLinesReader(relativePath: relativePath, rules: rules, clock: context.clock,
                                        currency: context.currency)
        }
    }

    /// The file's modification time (ns since the epoch), for its export day when its name
    /// holds no date. The first one given is kept: appends that move the modification time
    /// later do not move the export day.
    public mutating func noteModificationTime(_ nanoseconds: Int64) {
        if csv != nil, csv!.modificationTime == nil { csv!.modificationTime = nanoseconds }
    }

    /// Parses every complete line in `bytes` (appended after what was consumed before);
    /// an incomplete last line is kept until more bytes come or `finish` is called.
    public mutating func consume<S: RecordSink>(_ bytes: UnsafeRawBufferPointer, into sink: inout S) {
        consumedBytes += bytes.count
        guard !isStopped else { return }
        guard case .undecided = encoding else { return consumeDecoded(bytes, into: &sink) }
        undecidedBytes.append(contentsOf: bytes)
        if undecidedBytes.count >= 3 { decideEncoding(into: &sink) }
    }

    /// A parser for the same CSV file that starts at `offset`, the byte after a line feed
    /// further on, as if that line feed ended a record: same header, delimiter and reader state,
    /// nothing held, line numbers counted from 1 there (see ``handedOver(to:)``). Nil
    /// unless this is a UTF-8 CSV file whose header and a first row are read, and `offset` is
    /// past the file's start.
    func continuation(at offset: Int) -> FileParser? {
        guard isCSV, case .utf8 = encoding, !isStopped, offset > 0,
              let reader = csv?.continuation()
        else { return nil }
        var copy = self
        copy.csv = reader
        copy.stateAtStart = reader.progress.state
        copy.carry = []
        copy.scanner.reset()
        copy.isSkippingLongRecord = false
        copy.nextLine = 1
        copy.consumedBytes = offset
        return copy
    }

    /// True when the bytes consumed so far end exactly at the end of a record (nothing held,
    /// nothing being skipped), so that reading may go on with a ``continuation(at:)``.
    var isAtRecordBoundary: Bool {
        guard case .utf8 = encoding else { return false }
        return carry.isEmpty && !isSkippingLongRecord && !isStopped && csv?.isHoldingRows != true
    }

    /// True when `next`, a ``continuation(at:)`` of this file that has read on from where this
    /// parser stopped, stands for reading on here: this parser ends at a record boundary and
    /// reached the same decisions (decimal convention, mangled id columns, notes) that `next`
    /// started from.
    func canHandOver(to next: FileParser) -> Bool {
        isAtRecordBoundary && next.stateAtStart != nil && next.stateAtStart == csv?.progress.state
    }

    /// `next` (see ``canHandOver(to:)``) as the parser of the whole file: its line numbers
    /// shifted by the lines read here, its summary following this one's.
    func handedOver(to next: FileParser) -> FileParser {
        var parser = next
        parser.nextLine += linesConsumed
        if let csv, let nextReader = next.csv { parser.csv = csv.handedOver(to: nextReader) }
        parser.stateAtStart = nil
        return parser
    }

    /// Lines consumed so far (complete records; a held last line is not counted).
    var linesConsumed: Int { nextLine - 1 }

    /// Treats the kept incomplete last line (if any) as complete (end of file on a one-shot read).
    public mutating func finish<S: RecordSink>(into sink: inout S) {
        if case .undecided = encoding, !undecidedBytes.isEmpty { decideEncoding(into: &sink) }
        defer {
            isSkippingLongRecord = false
            scanner.reset()
            csv?.finish(into: &sink)
        }
        guard !carry.isEmpty, !isStopped else { return }
        let record = carry
        carry = []
        record.withUnsafeBytes { dispatch($0, into: &sink) }
        nextLine += 1 + scanner.embeddedLineFeeds
    }

    private mutating func decideEncoding<S: RecordSink>(into sink: inout S) {
        let held = undecidedBytes
        undecidedBytes = []
        var markLength = 0
        if held.starts(with: [0xFF, 0xFE]) || held.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16(UTF16Decoder(isBigEndian: held[0] == 0xFE))
            markLength = 2
        } else {
            encoding = .utf8
            if held.starts(with: [0xEF, 0xBB, 0xBF]) { markLength = 3 }
        }
        held.withUnsafeBytes { consumeDecoded(UnsafeRawBufferPointer(rebasing: $0[markLength...]), into: &sink) }
    }

    private mutating func consumeDecoded<S: RecordSink>(_ bytes: UnsafeRawBufferPointer, into sink: inout S) {
        guard case .utf16(var decoder) = encoding else { return consumeText(bytes, into: &sink) }
        var text: [UInt8] = []
        decoder.decode(bytes, into: &text)
        encoding = .utf16(decoder)
        text.withUnsafeBytes { consumeText($0, into: &sink) }
    }

    /// Frames UTF-8 text into records and reads them, up to the first NUL byte, which stops
    /// the file.
    private mutating func consumeText<S: RecordSink>(_ text: UnsafeRawBufferPointer, into sink: inout S) {
        guard !isStopped, !text.isEmpty else { return }
        if let nul = CSVRecordScanner.find(0, in: text, from: 0) {
            consumeText(UnsafeRawBufferPointer(rebasing: text[0..<nul]), into: &sink)
            return stopAtNulByte(into: &sink)
        }

        var position = 0
        var nextQuote = -1
        if isSkippingLongRecord {
            guard let end = scanner.recordEnd(in: text, from: 0, nextQuote: &nextQuote) else { return }
            isSkippingLongRecord = false
            nextLine += 1 + scanner.embeddedLineFeeds
            position = end + 1
        } else if !carry.isEmpty {
            guard let end = scanner.recordEnd(in: text, from: 0, nextQuote: &nextQuote) else {
                return hold(text, from: 0, into: &sink)
            }
            if carry.count + end > Self.maximumRecordLength {
                sink.rejected(line: nextLine, reason: "line longer than 1 MiB")
                carry = []
            } else {
                carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[0..<end]))
                let record = carry
                carry = []
                record.withUnsafeBytes { dispatch($0, into: &sink) }
            }
            nextLine += 1 + scanner.embeddedLineFeeds
            position = end + 1
        }

        while position < text.count, !isStopped {
            if isCSV, text.count >= 8, csv!.readsPlainRecords {
                let read = csv!.readPlainRecords(text, from: position, firstLine: nextLine, into: &sink)
                if read.records > 0 { hasReadRecord = true }
                nextLine += read.records
                position = read.end
                guard position < text.count else { return }
            }
            scanner.reset()
            guard let end = scanner.recordEnd(in: text, from: position, nextQuote: &nextQuote) else {
                return hold(text, from: position, into: &sink)
            }
            if end - position > Self.maximumRecordLength {
                sink.rejected(line: nextLine, reason: "line longer than 1 MiB")
            } else {
                dispatch(UnsafeRawBufferPointer(rebasing: text[position..<end]), into: &sink)
            }
            nextLine += 1 + scanner.embeddedLineFeeds
            position = end + 1
        }
    }

    /// Rejects the record holding a NUL byte (the whole file when its header is not read
    /// yet) and ignores everything after it.
    private mutating func stopAtNulByte<S: RecordSink>(into sink: inout S) {
        guard !isStopped else { return }
        if isCSV ? csv!.hasReadHeader : hasReadRecord {
            sink.rejected(line: nextLine, reason: Self.nulByteReason)
        } else {
            sink.rejected(line: 0, reason: "not a text file")
        }
        isStopped = true
        carry = []
        isSkippingLongRecord = false
    }

    /// Keeps the unfinished record at the end of `text`, or gives up on it when it grows too
    /// long (the scanner then follows it to its end without keeping its bytes).
    private mutating func hold<S: RecordSink>(_ text: UnsafeRawBufferPointer, from start: Int, into sink: inout S) {
        guard carry.count + text.count - start <= Self.maximumRecordLength else {
            sink.rejected(line: nextLine, reason: "line longer than 1 MiB")
            carry = []
            isSkippingLongRecord = true
            return
        }
        carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[start...]))
    }

    /// Reads one record (without its line feed); empty lines are skipped; UTF-8 text that is
    /// not valid UTF-8 is read as Windows-1252.
    private mutating func dispatch<S: RecordSink>(_ record: UnsafeRawBufferPointer, into sink: inout S) {
        var length = record.count
        if length > 0, record[length - 1] == 0x0D { length -= 1 }
        guard length > 0 else { return }
        let body = UnsafeRawBufferPointer(rebasing: record[0..<length])
        hasReadRecord = true
        guard case .utf8 = encoding, !Windows1252.isValidUTF8(body) else { return read(body, into: &sink) }
        if !hasNotedWindows1252 {
            hasNotedWindows1252 = true
            sink.note("text that is not valid UTF-8 was read as Windows-1252 (first at line \(nextLine))")
        }
        repairedRecord.removeAll(keepingCapacity: true)
        Windows1252.transcode(body, into: &repairedRecord)
        let repaired = repairedRecord
        repaired.withUnsafeBytes { read($0, into: &sink) }
    }

    /// Reads one record of valid UTF-8.
    private mutating func read<S: RecordSink>(_ body: UnsafeRawBufferPointer, into sink: inout S) {
        if isCSV {
            csv!.read(body, line: nextLine, into: &sink)
            if csv!.isStopped { isStopped = true }
            scanner.delimiter = csv!.delimiter ?? UInt8(ascii: ",")
        } else {
            jsonLines!.read(body, line: nextLine, into: &sink)
        }
    }
}

// The readers hold raw pointers only into storage they own (mapping constants) or into the
// bytes of the call in progress, so a parser can move to another thread between calls.
extension CSVReader: @unchecked Sendable {}
extension JSONLinesReader: @unchecked Sendable {}
