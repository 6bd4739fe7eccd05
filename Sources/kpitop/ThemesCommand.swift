import ArgumentParser
import Foundation
import KPIEngine
import KPIView

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the colour themes, where each comes from, and the folders searched.",
        discussion: """
            A theme is a NAME.toml file (format: Themes/README.md in the source). The first \
            file of a name found in these folders wins; the shipped themes are also built \
            into kpitop, so they exist even where no folder does:
              $XDG_CONFIG_HOME/kpitop/themes (else ~/.config/kpitop/themes)
              $XDG_DATA_HOME/kpitop/themes (else ~/.local/share/kpitop/themes)
              ../share/kpitop/themes next to the kpitop executable
              kpitop/themes in each $XDG_DATA_DIRS folder
                (else /usr/local/share and /usr/share)
              /usr/share/kpitop/themes

            Example:
              kpitop themes
            """
    )

    func run() {
        let folders = ThemeFolders.search()
        let entries = ThemeLoader.catalog(searching: folders)
        let nameWidth = entries.map(\.name.count).max() ?? 0
        var lines: [(name: String, title: String, from: String)] = []
        for entry in entries {
            do {
                let theme = try ThemeLoader.load(entry)
                let hidden = entry.hidden.map { source in
                    if case .file(let path) = source { path } else { "the built-in copy" }
                }
                let hides = hidden.isEmpty ? "" : " (hides " + hidden.joined(separator: ", ") + ")"
                lines.append((entry.name, theme.name, entry.source.description + hides))
            } catch {
                lines.append((entry.name, "(bad file)", error.description))
            }
        }
        let titleWidth = lines.map(\.title.count).max() ?? 0
        for line in lines {
            print(Sanitized.line(padded(line.name, nameWidth) + "  " + padded(line.title, titleWidth) + "  " + line.from))
        }
        print("\nFolders searched, in this order:")
        for folder in folders {
            let exists = FileManager.default.fileExists(atPath: folder)
            print(Sanitized.line("  " + folder + (exists ? "" : " (none)")))
        }
        print("  then the themes built into kpitop")
    }

    private func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
