#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The config's `max_memory`: once the process's resident memory has reached it, no further
/// file is read, on the first load or live (a file that appears or grows then), and each file
/// left out says so (a rejection at line 0), rather than kpitop being killed by the kernel. A
/// left-out file stays out until kpitop starts again.
public struct MemoryCeiling: Sendable, Equatable {
    public let limit: MemorySize

    public init(_ limit: MemorySize) { self.limit = limit }

    /// True when the resident memory is at the limit or beyond (false when it cannot be told).
    func isReached() -> Bool {
        guard let resident = Self.residentBytes() else { return false }
        return resident >= limit.bytes
    }

    /// Why a file was not read.
    var leftOutReason: String {
        "left out: kpitop's memory reached max_memory (\(limit)) before this file was read; "
            + "raise max_memory in the config file to read it"
    }

    /// The process's resident memory, from `/proc/self/statm`; nil where there is none.
    static func residentBytes() -> Int64? {
        let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0 else { return nil }
        let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int64(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int64(sysconf(Int32(_SC_PAGESIZE)))
    }
}
