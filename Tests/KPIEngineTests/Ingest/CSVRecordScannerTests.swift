import Testing
@testable import KPIDemo
@testable import KPIEngine

/// The record scanner jumps between quotes with `memchr`; on any text, cut into any chunks, it
/// must end records where a plain byte-by-byte reading of RFC 4180 ends them.
@Suite struct CSVRecordScannerTests {
    @Test func recordsEndWhereAByteByByteReadingEndsThem() {
        var random = SplitMix64(seed: 4180)
        let alphabet: [UInt8] = Array("a,\"\n;x".utf8)
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 60)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let delimiter = random.next() % 2 == 0 ? UInt8(ascii: ",") : UInt8(ascii: ";")
            let expected = Self.recordsByBytes(text, delimiter: delimiter)
            var cuts = Set((0..<Int(random.next() % 4)).map { _ in Int(random.next() % UInt64(text.count + 1)) })
            cuts.insert(text.count)
            #expect(Self.records(text, delimiter: delimiter, cuts: cuts.sorted()) == expected,
                    "\(String(decoding: text, as: UTF8.self).debugDescription) cut at \(cuts.sorted())")
        }
    }

    @Test func aQuotedFieldKeepsItsLineFeedsAndQuotes() {
        let text = Array("1,\"a\nb \"\"c\"\"\",2\n3,x\"y,4\n".utf8)
        #expect(Self.records(text, delimiter: UInt8(ascii: ","), cuts: [5, 9, text.count])
                    == [Record(end: 15, embeddedLineFeeds: 1), Record(end: 23, embeddedLineFeeds: 0)])
    }

    struct Record: Equatable {
        var end: Int
        var embeddedLineFeeds: Int
    }

    /// Record ends (absolute indices) found by the scanner fed the text in chunks ending at `cuts`.
    static func records(_ text: [UInt8], delimiter: UInt8, cuts: [Int]) -> [Record] {
        var scanner = CSVRecordScanner()
        scanner.delimiter = delimiter
        var found: [Record] = []
        var chunkStart = 0
        for cut in cuts where cut > chunkStart {
            text[chunkStart..<cut].withUnsafeBytes { chunk in
                var start = 0
                var nextQuote = -1
                while let end = scanner.recordEnd(in: chunk, from: start, nextQuote: &nextQuote) {
                    found.append(Record(end: chunkStart + end, embeddedLineFeeds: scanner.embeddedLineFeeds))
                    scanner.reset()
                    start = end + 1
                }
            }
            chunkStart = cut
        }
        return found
    }

    /// The same, one byte at a time, with the RFC 4180 states written out.
    static func recordsByBytes(_ text: [UInt8], delimiter: UInt8) -> [Record] {
        enum State { case unquoted(atFieldStart: Bool), quoted, quoteInQuoted }
        var state = State.unquoted(atFieldStart: true)
        var lineFeeds = 0
        var found: [Record] = []
        for (index, byte) in text.enumerated() {
            var ends = false
            switch state {
            case .unquoted(let atFieldStart):
                if byte == 0x0A { ends = true }
                else if byte == UInt8(ascii: "\""), atFieldStart { state = .quoted }
                else { state = .unquoted(atFieldStart: byte == delimiter) }
            case .quoted:
                if byte == UInt8(ascii: "\"") { state = .quoteInQuoted } else if byte == 0x0A { lineFeeds += 1 }
            case .quoteInQuoted:
                if byte == UInt8(ascii: "\"") { state = .quoted }
                else if byte == 0x0A { ends = true }
                else { state = .unquoted(atFieldStart: byte == delimiter) }
            }
            if ends {
                found.append(Record(end: index, embeddedLineFeeds: lineFeeds))
                state = .unquoted(atFieldStart: true)
                lineFeeds = 0
            }
        }
        return found
    }
}
