import Testing
@testable import KPIEngine

@Suite struct WatchChoiceTests {
    @Test func pollFlagWins() {
        #expect(WatchChoice.preferred(forcePolling: true, fileSystem: .local) == WatchChoice(mode: .polling, note: "--poll"))
    }

    @Test func localFileSystemUsesInotify() {
        #expect(WatchChoice.preferred(forcePolling: false, fileSystem: .local) == WatchChoice(mode: .inotify))
        #expect(WatchChoice.preferred(forcePolling: false, fileSystem: nil) == WatchChoice(mode: .inotify))
    }

    @Test func networkFileSystemPolls() {
        let choice = WatchChoice.preferred(forcePolling: false, fileSystem: .network("nfs4"))
        #expect(choice == WatchChoice(mode: .polling, note: "network file system (nfs4)"))
    }

    @Test(arguments: ["nfs", "nfs4", "cifs", "smb3", "9p", "fuse.sshfs", "virtiofs", "ceph"])
    func networkTypeNames(name: String) {
        #expect(FileSystemKind(typeName: name) == .network(name))
    }

    @Test(arguments: ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "fuseblk"])
    func localTypeNames(name: String) {
        #expect(FileSystemKind(typeName: name) == .local)
    }

    @Test func longestMountPointDecides() {
        let table = """
            22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            40 22 0:40 / /mnt/team\\040share rw,relatime shared:20 - nfs4 server:/export rw
            41 22 0:41 / /mnt/team rw,relatime shared:21 - tmpfs tmpfs rw
            """
        #expect(FileSystemKind.of(path: "/mnt/team share/data", mountTable: table) == .network("nfs4"))
        #expect(FileSystemKind.of(path: "/mnt/team/data", mountTable: table) == .local)
        #expect(FileSystemKind.of(path: "/home/me/data", mountTable: table) == .local)
    }

    @Test func temporaryDirectoryHasAKnownKind() {
        #expect(FileSystemKind.of(path: "/tmp") != nil)
    }
}
