/// Text that is not valid UTF-8 (a file saved by an old spreadsheet) read as Windows-1252, the
/// encoding such files are in. Decided line by line, so it never depends on how the bytes
/// of a file arrive.
enum Windows1252 {
    /// True when `bytes` are valid UTF-8 (ASCII checked eight bytes at a time).
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index &+ 8 <= count {
            guard base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else {
                return validatesFrom(index, bytes)
            }
            index &+= 8
        }
        while index < count {
            guard base.load(fromByteOffset: index, as: UInt8.self) < 0x80 else { return validatesFrom(index, bytes) }
            index &+= 1
        }
        return true
    }

    /// Checks the UTF-8 sequences from `start` on (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF).
    private static func validatesFrom(_ start: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count, (low...high).contains(bytes[index + 1]) else { return false }
            for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) {
                return false
            }
            index += length
        }
        return true
    }

    /// Appends the UTF-8 of `bytes` read as Windows-1252 to `output` (the five bytes it leaves
    /// undefined become U+FFFD).
    static func transcode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                let scalar = byte < 0xA0 ? Unicode.Scalar(upperControls[Int(byte - 0x80)])! : Unicode.Scalar(byte)
                output.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    /// What Windows-1252 puts at 0x80...0x9F.
    private static let upperControls: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
