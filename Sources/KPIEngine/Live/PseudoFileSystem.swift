#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CStatfs

/// The kernel's pseudo file systems (/proc, /sys, /dev and their kin), which show processes,
/// devices and kernel state as files and link back to `/`: a walk of the data directory never
/// enters one through a link or a mount point.
enum PseudoFileSystem {
    /// True when `path` lies on a pseudo file system: its type (statfs) is one of them, or it
    /// resolves to `/proc`, `/sys` or `/dev` (devtmpfs reports the type of an ordinary tmpfs).
    static func contains(_ path: String) -> Bool {
        #if os(Linux)
        var info = statfs()
        if statfs(path, &info) == 0, linuxTypes.contains(Int64(info.f_type)) { return true }
        #endif
        guard let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        let text = String(cString: resolved)
        return ["/proc", "/sys", "/dev"].contains { text == $0 || text.hasPrefix($0 + "/") }
    }

    /// `f_type` magic numbers (linux/magic.h): proc, sysfs, devpts, debugfs, tracefs,
    /// securityfs, cgroup, cgroup2, pstore, bpf, configfs, efivarfs, selinuxfs, smackfs,
    /// fusectl, mqueue, binfmt_misc, nsfs.
    private static let linuxTypes: Set<Int64> = [
        0x9FA0, 0x6265_6572, 0x1CD1, 0x6462_6720, 0x7472_6163, 0x7363_6673, 0x0027_E0EB, 0x6367_7270,
        0x6165_676C, 0xCAFE_4A11, 0x6265_6570, 0xDE5E_81E4, 0xF97C_FF8C, 0x4341_5D53, 0x6573_5543,
        0x1980_0202, 0x4249_4E4D, 0x6E73_6673,
    ]
}
