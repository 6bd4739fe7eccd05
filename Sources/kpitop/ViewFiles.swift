import Foundation
import KPIView

/// Writes a view saved with `e` into a folder (the working directory) as `NAME.md` and
/// `NAME.csv`, never over an existing file (`NAME-2.md`...), and says where.
struct ViewFiles {
    let folder: String

    /// Writes both files; returns "kpitop-x.md and .csv in /folder".
    func save(_ export: ViewExport) throws -> String {
        guard access(folder, W_OK) == 0 else {
            throw SaveError(folder: folder, reason: String(cString: strerror(errno)).lowercased())
        }
        var name = export.name
        var number = 1
        let manager = FileManager.default
        while manager.fileExists(atPath: "\(folder)/\(name).md") || manager.fileExists(atPath: "\(folder)/\(name).csv") {
            number += 1
            name = "\(export.name)-\(number)"
        }
        do {
            try export.markdown.write(toFile: "\(folder)/\(name).md", atomically: true, encoding: .utf8)
            try export.csv.write(toFile: "\(folder)/\(name).csv", atomically: true, encoding: .utf8)
        } catch {
            throw SaveError(folder: folder, reason: error.localizedDescription)
        }
        return "\(name).md and .csv in \(folder)"
    }

    struct SaveError: Error, CustomStringConvertible {
        let folder: String
        let reason: String
        var description: String { "cannot write to \(folder) (\(reason))" }
    }
}
