#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a row's platform field into a normalised name, remembering the answers for the
/// last few distinct byte sequences (so rows of known platforms cost no allocation).
struct PlatformInterner {
    private var entries: [(bytes: [UInt8], name: String)] = []
    private var nextSlot = 0
    private static let capacity = 16

    mutating func name(for text: FieldText) -> String {
        let trimmed = text.trimmed
        for entry in entries where entry.bytes.count == trimmed.count {
            if entry.bytes.withUnsafeBytes({ memcmpEqual($0, trimmed.bytes) }) { return entry.name }
        }
        let name = PlatformName.normalize(trimmed.string())
        let entry = (Array(trimmed.bytes), name)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[nextSlot] = entry
            nextSlot = (nextSlot + 1) % Self.capacity
        }
        return name
    }

    private func memcmpEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard let left = a.baseAddress, let right = b.baseAddress else { return a.count == b.count }
        return memcmp(left, right, a.count) == 0
    }
}
