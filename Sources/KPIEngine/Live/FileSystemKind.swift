#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a directory lives on a local file system, where inotify sees every change, or on a
/// network or shared one, where changes made by other machines never raise an inotify event.
public enum FileSystemKind: Sendable, Equatable {
    case local
    /// A network, cluster, FUSE or host-shared file system, with its type name ("nfs4").
    case network(String)

    /// The kind for a file-system type name as `/proc/self/mountinfo` writes it.
    public init(typeName: String) {
        let networkTypes: Set<String> = [
            "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph", "coda", "ncpfs",
            "lustre", "gfs2", "ocfs2", "glusterfs", "virtiofs", "vboxsf", "vmhgfs", "fuse",
        ]
        self = networkTypes.contains(typeName) || typeName.hasPrefix("fuse.") ? .network(typeName) : .local
    }

    /// The kind of the file system holding `path`, from the mount table of Linux
    /// (`/proc/self/mountinfo`); nil when it cannot be determined.
    ///
    /// The mount table is read because Swift's Glibc module does not export `statfs(2)`.
    public static func of(path: String) -> FileSystemKind? {
        guard let resolved = realPath(path), let table = readText("/proc/self/mountinfo") else { return nil }
        return of(path: resolved, mountTable: table)
    }

    /// The kind of the longest mount point in `mountTable` (mountinfo lines) containing the
    /// absolute, resolved `path`.
    static func of(path: String, mountTable: String) -> FileSystemKind? {
        var best: (mountPoint: String, typeName: String)?
        for line in mountTable.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 4, let separator = fields.firstIndex(of: "-"), separator + 1 < fields.count
            else { continue }
            let mountPoint = unescapeMountField(fields[4])
            let contains = mountPoint == "/" || path == mountPoint || path.hasPrefix(mountPoint + "/")
            if contains && mountPoint.count >= (best?.mountPoint.count ?? 0) {
                best = (mountPoint, String(fields[separator + 1]))
            }
        }
        return best.map { FileSystemKind(typeName: $0.typeName) }
    }

    /// mountinfo writes space, tab, newline and backslash as `\ooo` octal escapes.
    private static func unescapeMountField(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(field.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func readText(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
