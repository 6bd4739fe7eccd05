import Foundation
import KPIEngine
import KPIView
import TOMLKit

/// Where the dashboard keeps the window, theme and platform chosen with keys, so the next run
/// starts with them: `$XDG_STATE_HOME/kpitop/dashboard.toml`, else
/// `~/.local/state/kpitop/dashboard.toml`. A flag beats it; it beats the config file.
struct SavedChoicesFile {
    let path: String

    /// nil when neither XDG_STATE_HOME nor HOME is set (nothing is kept then).
    init?(environment: [String: String]) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            path = state + "/kpitop/dashboard.toml"
        } else if let home = environment["HOME"], !home.isEmpty {
            path = home + "/.local/state/kpitop/dashboard.toml"
        } else {
            return nil
        }
    }

    init(path: String) { self.path = path }

    /// What was kept last time: each of window, theme and platform when the file has it (an
    /// unreadable or damaged file is as good as none: it only holds preferences).
    func load() -> (window: WindowLength?, theme: String?, platform: String?) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let table = try? TOMLTable(string: text) else { return (nil, nil, nil) }
        return (table["window"]?.string.flatMap(WindowLength.init), table["theme"]?.string, table["platform"]?.string)
    }

    /// Writes the file whole (a new file renamed over the old one), folders included.
    func save(_ choices: SavedChoices) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let table = TOMLTable()
        table["window"] = choices.window.description
        table["theme"] = choices.theme
        table["platform"] = choices.platform
        let text = "# The dashboard's last window, theme and platform (kpitop writes this file).\n"
            + table.convert(to: .toml) + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
