/// Reads one JSON object from a line: its keys, and the text of each value (strings decoded,
/// numbers and `true`/`false` as written, `null` and nested objects or arrays empty).
struct JSONObjectScanner {
    /// The object's keys, in order.
    private(set) var keys: [String] = []
    /// Decoded value bytes; `ranges[i]` is the value of `keys[i]`.
    private(set) var values: [UInt8] = []
    private(set) var ranges: [Range<Int>] = []

    private var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    private var index = 0
    private var keyBytes: [UInt8] = []

    /// Nesting deeper than this is refused rather than followed.
    private static let maximumDepth = 256

    /// Scans `line`; nil on success, else what is wrong with it.
    mutating func scan(_ line: UnsafeRawBufferPointer) -> String? {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        bytes = line
        index = 0
        skipSpaces()
        guard take(UInt8(ascii: "{")) else { return "not a JSON object" }
        skipSpaces()
        if !take(UInt8(ascii: "}")) {
            while true {
                skipSpaces()
                keyBytes.removeAll(keepingCapacity: true)
                guard take(UInt8(ascii: "\"")), decodeString(to: .key) else { return "invalid JSON: bad key" }
                skipSpaces()
                guard take(UInt8(ascii: ":")) else { return "invalid JSON: expected ':'" }
                skipSpaces()
                let start = values.count
                guard scanValue() else { return "invalid JSON: bad value" }
                keys.append(String(decoding: keyBytes, as: UTF8.self))
                ranges.append(start..<values.count)
                skipSpaces()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return "invalid JSON: expected ',' or '}'" }
                break
            }
        }
        skipSpaces()
        return index == bytes.count ? nil : "invalid JSON: text after the object"
    }

    private mutating func scanValue() -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            return decodeString(to: .value)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return skipNested()
        case UInt8(ascii: "n"):
            return takeWord("null", copy: false)
        case UInt8(ascii: "t"):
            return takeWord("true", copy: true)
        case UInt8(ascii: "f"):
            return takeWord("false", copy: true)
        default:
            let start = index
            while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
            guard index > start else { return false }
            values.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            return true
        }
    }

    /// Skips an object or array, checking that brackets balance (strings included).
    private mutating func skipNested() -> Bool {
        var closers: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard closers.count < Self.maximumDepth else { return false }
                closers.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard closers.popLast() == byte else { return false }
                if closers.isEmpty { return true }
            case UInt8(ascii: "\""):
                guard decodeString(to: .nowhere) else { return false }
            default:
                continue
            }
        }
        return false
    }

    /// Where a decoded string goes.
    private enum Destination {
        case key, value, nowhere
    }

    private mutating func emit(_ decoded: some Sequence<UInt8>, to destination: Destination) {
        switch destination {
        case .key: keyBytes.append(contentsOf: decoded)
        case .value: values.append(contentsOf: decoded)
        case .nowhere: break
        }
    }

    /// Decodes a string whose opening quote was taken, up to and including its closing quote.
    private mutating func decodeString(to destination: Destination) -> Bool {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return true
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return false }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): emit(CollectionOfOne(0x0A), to: destination)
                case UInt8(ascii: "t"): emit(CollectionOfOne(0x09), to: destination)
                case UInt8(ascii: "r"): emit(CollectionOfOne(0x0D), to: destination)
                case UInt8(ascii: "b"): emit(CollectionOfOne(0x08), to: destination)
                case UInt8(ascii: "f"): emit(CollectionOfOne(0x0C), to: destination)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return false }
                    emit(String(Character(scalar)).utf8, to: destination)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): emit(CollectionOfOne(escaped), to: destination)
                default: return false
                }
            default:
                emit(CollectionOfOne(byte), to: destination)
            }
        }
        return false
    }

    /// `XXXX` after `\u`, joining a surrogate pair; lone surrogates become U+FFFD.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let first = hexQuad() else { return nil }
        if (0xD800..<0xDC00).contains(first), index + 1 < bytes.count,
           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let saved = index
            index += 2
            if let second = hexQuad(), (0xDC00..<0xE000).contains(second) {
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            }
            index = saved
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func hexQuad() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexValue(bytes[index]) else { return nil }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func takeWord(_ word: StaticString, copy: Bool) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let text = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)])
        guard text.elementsEqual(UnsafeRawBufferPointer(start: word.utf8Start, count: count)) else { return false }
        if copy { values.append(contentsOf: text) }
        index += count
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpaces() {
        while index < bytes.count, FieldText.isSpace(bytes[index]) { index += 1 }
    }
}
