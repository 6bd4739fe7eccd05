import Foundation

/// The folders searched for theme files, in order: a file in an earlier folder hides a file
/// of the same name in a later one, and the themes compiled into kpitop come after them all.
public enum ThemeFolders {
    /// 1. `$XDG_CONFIG_HOME/kpitop/themes` (else `~/.config/kpitop/themes`);
    /// 2. `$XDG_DATA_HOME/kpitop/themes` (else `~/.local/share/kpitop/themes`);
    /// 3. when the executable runs from a build folder (`.build*`) of a source checkout, the
    ///    checkout's `Themes/`;
    /// 4. `../share/kpitop/themes` next to the executable (symbolic links resolved);
    /// 5. `kpitop/themes` in each of `$XDG_DATA_DIRS` (else `/usr/local/share:/usr/share`),
    ///    and `/usr/share/kpitop/themes` in any case.
    ///
    /// Relative XDG paths are ignored, as the XDG spec says; folders may not exist.
    public static func search(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = Bundle.main.executablePath) -> [String] {
        func absolute(_ name: String) -> String? {
            guard let value = environment[name], value.hasPrefix("/") else { return nil }
            return value
        }
        let home = absolute("HOME")
        var folders: [String] = []
        if let config = absolute("XDG_CONFIG_HOME") ?? home.map({ $0 + "/.config" }) {
            folders.append(config + "/kpitop/themes")
        }
        if let data = absolute("XDG_DATA_HOME") ?? home.map({ $0 + "/.local/share" }) {
            folders.append(data + "/kpitop/themes")
        }
        if let executable {
            let directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            if let checkout = checkoutFolder(containing: directory) {
                folders.append(checkout.appendingPathComponent("Themes").path)
            }
            folders.append(directory.appendingPathComponent("../share/kpitop/themes").standardized.path)
        }
        let systemData = (absolute("XDG_DATA_DIRS") ?? "/usr/local/share:/usr/share")
            .split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        folders += (systemData + ["/usr/share"]).map { trimmingTrailingSlashes($0) + "/kpitop/themes" }

        var seen = Set<String>()
        return folders.filter { seen.insert($0).inserted }
    }

    /// The folder holding the `.build*` folder `directory` is in, if it is in one.
    private static func checkoutFolder(containing directory: URL) -> URL? {
        var folder = directory
        while folder.path != "/" {
            if folder.lastPathComponent.hasPrefix(".build") { return folder.deletingLastPathComponent() }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
