#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds where a CSV record ends: the first line feed outside quotes (RFC 4180), resumable
/// across chunks, so a quoted field may hold line feeds and may be split between appends.
struct CSVRecordScanner {
    private enum State {
        case unquoted(atFieldStart: Bool)
        case quoted
        /// A quote inside a quoted field: either the closing one or the first of `""`.
        case quoteInQuoted
    }

    /// The field delimiter; quotes open a field only right after it or at a record start.
    var delimiter: UInt8 = UInt8(ascii: ",")
    /// False for JSON Lines, whose records end at every line feed.
    var honoursQuotes = true
    private var state = State.unquoted(atFieldStart: true)
    /// Line feeds inside quotes since the record started.
    private(set) var embeddedLineFeeds = 0

    /// Prepares for a new record.
    mutating func reset() {
        state = .unquoted(atFieldStart: true)
        embeddedLineFeeds = 0
    }

    /// The index of the line feed ending the record, searching `bytes` from `start` and
    /// continuing the state left by earlier calls; nil if the record goes on past the end.
    /// `nextQuote` is where the next quote of `bytes` is, as far as known: pass -1 for new
    /// bytes and the value left by the last call for the same bytes (so that lines without
    /// quotes cost one search for a quote per chunk, not one per line).
    mutating func recordEnd(in bytes: UnsafeRawBufferPointer, from start: Int, nextQuote: inout Int) -> Int? {
        guard start < bytes.count else { return nil }
        guard honoursQuotes else { return Self.find(0x0A, in: bytes, from: start) }
        if case .unquoted = state {
            let lineFeed = Self.find(0x0A, in: bytes, from: start) ?? bytes.count
            if nextQuote < start { nextQuote = Self.find(UInt8(ascii: "\""), in: bytes, from: start) ?? bytes.count }
            if nextQuote >= lineFeed {
                if lineFeed < bytes.count { return lineFeed }
                state = .unquoted(atFieldStart: bytes[bytes.count - 1] == delimiter)
                return nil
            }
        }
        return scanQuotedLine(bytes, from: start)
    }

    /// The state machine for lines that hold quotes: it jumps from quote to quote (and to the
    /// line feed) with `memchr` and looks at single bytes only right after a quote.
    private mutating func scanQuotedLine(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let quoteByte = UInt8(ascii: "\"")
        var index = start
        while index < bytes.count {
            switch state {
            case .unquoted(let atFieldStart):
                let lineFeed = Self.find(0x0A, in: bytes, from: index) ?? bytes.count
                let quote = Self.find(quoteByte, in: bytes, from: index, before: lineFeed) ?? lineFeed
                if quote == lineFeed {
                    if lineFeed < bytes.count { return lineFeed }
                    state = .unquoted(atFieldStart: bytes[bytes.count - 1] == delimiter)
                    return nil
                }
                // A quote opens a field only at its start; elsewhere it is a plain byte.
                let opens = quote == index ? atFieldStart : bytes[quote - 1] == delimiter
                state = opens ? .quoted : .unquoted(atFieldStart: false)
                index = quote + 1
            case .quoted:
                let quote = Self.find(quoteByte, in: bytes, from: index) ?? bytes.count
                var lineFeed = index
                while let found = Self.find(0x0A, in: bytes, from: lineFeed, before: quote) {
                    embeddedLineFeeds += 1
                    lineFeed = found + 1
                }
                guard quote < bytes.count else { return nil }
                state = .quoteInQuoted
                index = quote + 1
            case .quoteInQuoted:
                let byte = bytes[index]
                if byte == quoteByte {
                    state = .quoted
                } else if byte == 0x0A {
                    return index
                } else {
                    state = .unquoted(atFieldStart: byte == delimiter)
                }
                index += 1
            }
        }
        return nil
    }

    /// The index of the first `byte` in `bytes[start..<end]` (`end` defaults to the end).
    static func find(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}
