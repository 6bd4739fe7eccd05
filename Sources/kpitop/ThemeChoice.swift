import Foundation
import KPIView

/// The themes the dashboard cycles through with `t`, starting with the one asked for.
enum ThemeChoice {
    /// `--theme NAME|PATH` first (a bad file is reported on stderr with file, line and
    /// problem, and the default theme is used), then every other theme found.
    static func themes(startingWith requested: String?) -> [Theme] {
        var themes = ThemeLoader.availableThemes()
        guard let requested else { return themes }
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
}
