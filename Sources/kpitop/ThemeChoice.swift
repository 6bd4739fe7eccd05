import Foundation
import KPIView

/// The themes the dashboard cycles through with `t`, starting with the one asked for.
enum ThemeChoice {
    /// `--theme NAME|PATH` (or the config file's) first: a bad file is reported on stderr with
    /// file, line and problem, and the default theme is used. Else the theme kept from the
    /// last run, by name, when it still exists. Then every other theme found.
    static func themes(startingWith requested: String?, savedName: String? = nil) -> [Theme] {
        var themes = ThemeLoader.availableThemes()
        if let requested {
            do {
                let chosen = try ThemeLoader.load(requested)
                themes.removeAll { $0.name == chosen.name }
                return [chosen] + themes
            } catch {
                FileHandle.standardError.write(Data("kpitop: \(error); using the default theme\n".utf8))
                Thread.sleep(forTimeInterval: 1.5)
                return themes
            }
        }
        if let savedName, let index = themes.firstIndex(where: { $0.name == savedName }) {
            themes.insert(themes.remove(at: index), at: 0)
        }
        return themes
    }
}
