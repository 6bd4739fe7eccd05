/// Decodes UTF-16 (after its byte-order mark) to UTF-8, chunk by chunk: a byte or a high
/// surrogate split between chunks waits for the next one.
struct UTF16Decoder {
    let isBigEndian: Bool
    private var pendingByte: UInt8?
    private var pendingHighSurrogate: UInt16?

    init(isBigEndian: Bool) { self.isBigEndian = isBigEndian }

    /// Appends the UTF-8 of every complete code unit of `bytes` to `output`.
    mutating func decode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count * 3 / 2)
        var index = 0
        if let first = pendingByte, !bytes.isEmpty {
            pendingByte = nil
            append(unit(first, bytes[0]), to: &output)
            index = 1
        }
        while index + 1 < bytes.count {
            append(unit(bytes[index], bytes[index + 1]), to: &output)
            index += 2
        }
        if index < bytes.count { pendingByte = bytes[index] }
    }

    private func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
        isBigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }

    private mutating func append(_ unit: UInt16, to output: inout [UInt8]) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00..<0xE000).contains(unit) {
                let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                appendScalar(Unicode.Scalar(value)!, to: &output)
                return
            }
            appendScalar("\u{FFFD}", to: &output)
        }
        if (0xD800..<0xDC00).contains(unit) {
            pendingHighSurrogate = unit
        } else if let scalar = Unicode.Scalar(unit) {
            appendScalar(scalar, to: &output)
        } else {
            appendScalar("\u{FFFD}", to: &output)
        }
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.value < 0x80 {
            output.append(UInt8(scalar.value))
        } else {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
    }
}
