#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// True when this string's UTF-8 bytes sort before `other`'s (byte order, as `ls` in the C
    /// locale sorts names): compared with `memcmp` on the contiguous bytes, several times faster
    /// than `utf8.lexicographicallyPrecedes` when sorting the 20,000 names of a large folder.
    func precedesInByteOrder(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
        return (fast ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}
