import Glibc

/// Zeroed memory for the buckets of every shard of an ``IDTable``, in one mapping the kernel is
/// asked to back with 2 MiB pages (`MADV_HUGEPAGE`; transparent huge pages are often on for
/// such requests only): in a table of millions of ids nearly every bucket read misses the
/// cache, and with 4 KiB pages most of them miss the TLB as well. Shards whose buckets are
/// here keep it alive; it is unmapped when the last one has moved out. Sendable: it is not
/// changed after it is made, and each shard reads and writes its own part under its lock.
final class BucketRegion: @unchecked Sendable {
    /// The start of the shards' buckets: shard n's are `bucketsEach` from n × `bucketsEach`.
    let buckets: UnsafeMutablePointer<UInt32>
    let bucketsEach: Int
    private let mapping: UnsafeMutableRawPointer
    private let mappedLength: Int

    /// The size of a huge page, which the buckets start at a multiple of.
    private static let hugePage = 2 << 20

    /// Nil when the buckets would take less than a huge page (then a shard's own are as good),
    /// or the memory cannot be mapped.
    init?(shards: Int, bucketsEach: Int) {
        let length = shards * bucketsEach * MemoryLayout<UInt32>.stride
        guard length >= Self.hugePage else { return nil }
        mappedLength = length + Self.hugePage
        guard let mapping = mmap(nil, mappedLength, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              Int(bitPattern: mapping) != -1
        else { return nil }
        self.mapping = mapping
        let start = mapping + (Self.hugePage - Int(bitPattern: mapping) % Self.hugePage) % Self.hugePage
        _ = madvise(start, length, MADV_HUGEPAGE)
        buckets = start.bindMemory(to: UInt32.self, capacity: shards * bucketsEach)
        self.bucketsEach = bucketsEach
    }

    deinit { munmap(mapping, mappedLength) }
}
