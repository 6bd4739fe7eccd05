#if canImport(Glibc)
import Glibc
#endif

/// Makes the C allocator give large blocks back to the system as soon as they are freed.
///
/// glibc maps a block of 128 KiB or more on its own, but after the first such block is freed
/// it raises that threshold (up to 32 MiB) and serves later large blocks from its heaps, where
/// freed ones stay resident. Loading a directory grows and replaces many large arrays (file
/// parts merged, tables rehashed, arrays shrunk to fit), so the peak memory then depended on
/// timing: 1M tickets peaked at 193-285 MB. With a fixed threshold of 256 KiB every large array
/// is its own mapping and freeing it returns the memory: 165 MB, and 1M post rows 245 -> 212 MB
/// (`Scripts/bench_scale.py --case posts,tickets`; docs/PERFORMANCE.md).
public enum LargeBlockRelease {
    /// Call once, first thing in the process.
    public static func install() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out <malloc.h>: mallopt is looked up, and -3 is its
        // M_MMAP_THRESHOLD. A C library without mallopt is left as it is.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, 256 << 10)
        #endif
    }
}
