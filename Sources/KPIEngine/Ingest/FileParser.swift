/// Parses one data file incrementally: feed it the bytes as they are appended.
///
/// CSV or JSON Lines by extension (`.jsonl`, `.ndjson`: JSON Lines; else CSV). A UTF-8 BOM is
/// skipped, UTF-16 with a BOM is decoded, a record over 1 MiB is rejected and skipped without
/// being buffered whole. Records go to the sink in line order.
///
/// The first NUL byte, wherever it is, ends the file: the complete records before it count,
/// the record holding it is rejected at its line, and nothing after it is read (a NUL before
/// the header is read means the file is not text: one rejection at line 0). The same bytes
/// give the same result whether they arrive at once or in pieces.
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

    /// Bytes consumed so far (the file offset reading should continue from); this includes
    /// the bytes of a held incomplete line, which the parser keeps.
    public private(set) var consumedBytes = 0

    /// True when an incomplete last line is being held.
    public var hasPendingLine: Bool { !carry.isEmpty || !undecidedBytes.isEmpty }

    /// `relativePath` is the path under the data root ("instagram/2026-11.csv"), used for
    /// platform inference and for the CSV/JSONL decision by extension.
    public init(relativePath: String, context: IngestContext) {
        let rules = context.mapping.rules(forPath: relativePath)
        let platform = rules.platform ?? DataFiles.platform(forPath: relativePath) ?? "unknown"
        let lowercasedPath = relativePath.lowercased()
        isCSV = !(lowercasedPath.hasSuffix(".jsonl") || lowercasedPath.hasSuffix(".ndjson"))
        scanner.honoursQuotes = isCSV
        if isCSV {
            csv = CSVReader(rules: rules, clock: context.clock, defaultPlatform: platform)
        } else {
            jsonLines = JSONLinesReader(rules: rules, clock: context.clock, defaultPlatform: platform)
        }
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
    /// nothing held, line numbers counted from 1 there (see ``offsetLineNumbers(by:)``). Nil
    /// unless this is a UTF-8 CSV file whose header and a first row are read, and `offset` is
    /// past the file's start.
    func continuation(at offset: Int) -> FileParser? {
        guard isCSV, case .utf8 = encoding, !isStopped, offset > 0,
              let reader = csv?.continuation()
        else { return nil }
        var copy = self
        copy.csv = reader
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
        return carry.isEmpty && !isSkippingLongRecord && !isStopped
    }

    /// Shifts line numbers by `lines`: for a continuation, the lines before its offset.
    mutating func offsetLineNumbers(by lines: Int) {
        nextLine += lines
    }

    /// Lines consumed so far (complete records; a held last line is not counted).
    var linesConsumed: Int { nextLine - 1 }

    /// Treats the kept incomplete last line (if any) as complete (end of file on a one-shot read).
    public mutating func finish<S: RecordSink>(into sink: inout S) {
        if case .undecided = encoding, !undecidedBytes.isEmpty { decideEncoding(into: &sink) }
        defer {
            isSkippingLongRecord = false
            scanner.reset()
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

    /// Reads one record (without its line feed); empty lines are skipped.
    private mutating func dispatch<S: RecordSink>(_ record: UnsafeRawBufferPointer, into sink: inout S) {
        var length = record.count
        if length > 0, record[length - 1] == 0x0D { length -= 1 }
        guard length > 0 else { return }
        let body = UnsafeRawBufferPointer(rebasing: record[0..<length])
        hasReadRecord = true
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
