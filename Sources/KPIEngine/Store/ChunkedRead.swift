#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a byte range of an open file in chunks, with `pread`, into one reused buffer.
enum ChunkedRead {
    /// How a read ended.
    enum Outcome: Equatable {
        /// Every byte of the range was read.
        case complete
        /// The file ended first (it was truncated meanwhile).
        case endOfFile
        /// The body asked to stop.
        case stopped
        /// `pread` failed; the text says why.
        case failed(String)
    }

    /// Reads `start..<end` of `descriptor`, giving each chunk to `body` in order; `body`
    /// returns false to stop.
    static func read(_ descriptor: Int32, from start: Int64, until end: Int64, chunkSize: Int,
                     _ body: (UnsafeRawBufferPointer) -> Bool) -> Outcome {
        // No larger than the range: a small file needs no chunk-sized buffer.
        let size = Int(max(1, min(Int64(chunkSize), end - start)))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var offset = start
        while offset < end {
            let n = pread(descriptor, buffer.baseAddress, min(size, Int(end - offset)), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failed(String(cString: strerror(errno))) }
            if n == 0 { return .endOfFile }
            offset += Int64(n)
            guard body(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) else { return .stopped }
        }
        return .complete
    }
}
