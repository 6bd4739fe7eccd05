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
    /// The file stays open and is read again from its start each time, into a stack buffer:
    /// the loader asks once per file, 20,000 times over a folder of small files.
    static func residentBytes() -> Int64? {
        guard statm >= 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer -> Int64? in
            let n = pread(statm, buffer.baseAddress, buffer.count, 0)
            guard n > 0 else { return nil }
            // The second field: resident pages.
            var index = 0
            while index < n, buffer[index] != UInt8(ascii: " ") { index += 1 }
            index += 1
            var pages: Int64 = 0
            var digits = 0
            while index < n, buffer[index] >= UInt8(ascii: "0"), buffer[index] <= UInt8(ascii: "9") {
                pages = pages * 10 + Int64(buffer[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            return digits > 0 ? pages * pageSize : nil
        }
    }

    /// `/proc/self/statm`, opened once (-1 where there is none).
    private static let statm = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
    private static let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))
}
