import Foundation
import KPIEngine
import Testing
@testable import KPIView

/// Where themes are looked for (user folders, next to the executable, system folders, built
/// in) and which file wins when several have the same name.
@Suite struct ThemeLookupTests {
    @Test func anInstalledBinarySearchesTheUserThenBesideItselfThenTheSystem() {
        let folders = ThemeFolders.search(
            environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data"],
            executable: "/opt/kpitop/bin/kpitop")
        #expect(folders == [
            "/cfg/kpitop/themes", "/data/kpitop/themes", "/opt/kpitop/share/kpitop/themes",
            "/usr/local/share/kpitop/themes", "/usr/share/kpitop/themes",
        ])
    }

    @Test func homeStandsInForUnsetXDGFoldersAndRelativeOnesAreIgnored() {
        let folders = ThemeFolders.search(
            environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "relative", "XDG_DATA_DIRS": "/x/share/:rel"],
            executable: "/usr/bin/kpitop")
        #expect(folders == [
            "/home/ann/.config/kpitop/themes", "/home/ann/.local/share/kpitop/themes",
            "/usr/share/kpitop/themes", "/x/share/kpitop/themes",
        ])
    }

    @Test func aBareEnvironmentSearchesBesideTheExecutableAndTheSystem() {
        #expect(ThemeFolders.search(environment: [:], executable: "/usr/local/bin/kpitop")
            == ["/usr/local/share/kpitop/themes", "/usr/share/kpitop/themes"])
        #expect(ThemeFolders.search(environment: [:], executable: nil)
            == ["/usr/local/share/kpitop/themes", "/usr/share/kpitop/themes"])
    }

    @Test func aBuildInASourceCheckoutUsesTheCheckoutsThemes() {
        let folders = ThemeFolders.search(environment: [:],
                                          executable: "/src/kpitop/.build/x86_64-unknown-linux-gnu/debug/kpitop")
        #expect(folders.first == "/src/kpitop/Themes")
    }

    @Test func aSymlinkedExecutableFindsTheShareFolderBesideItsTarget() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("opt/kpitop/bin/kpitop", "")
        try FileManager.default.createDirectory(atPath: root.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/bin/kpitop",
                                                   withDestinationPath: "../opt/kpitop/bin/kpitop")
        let folders = ThemeFolders.search(environment: [:], executable: root.path + "/bin/kpitop")
        #expect(folders.first?.hasSuffix("/opt/kpitop/share/kpitop/themes") == true)
    }

    @Test func theFirstFileOfANameWinsAndHidesTheLaterOnes() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        let user = root.path + "/user", system = root.path + "/system"
        try root.write("user/nord.toml", "name = \"My Nord\"\n[colors]\n" + ThemeTests.validColors)
        try root.write("user/ocean.toml", "[colors]\n" + ThemeTests.validColors)
        try root.write("system/NORD.toml", "[colors]\n" + ThemeTests.validColors)
        try root.write("system/broken.toml", "[colors]\ngood = \"green\"\n")

        let entries = ThemeLoader.catalog(searching: [user, system])
        #expect(entries.map(\.name) == ["broken", "default", "gruvbox", "high-contrast", "light", "monochrome",
                                        "nord", "ocean"])
        let nord = try #require(entries.first { $0.name == "nord" })
        #expect(nord.source == .file(path: user + "/nord.toml"))
        #expect(nord.hidden == [.file(path: system + "/NORD.toml"), .builtIn(fileName: "nord.toml")])

        #expect(try ThemeLoader.load("Nord", searching: [user, system]).name == "My Nord")
        #expect(try ThemeLoader.load("ocean", searching: [user, system]).name == "ocean")
        let broken = #expect(throws: ConfigProblem.self) { try ThemeLoader.load("broken", searching: [user, system]) }
        #expect(broken?.file == system + "/broken.toml")
        #expect(broken?.line == 2)

        let available = ThemeLoader.themes(in: [user, system]).map(\.name)
        #expect(available == ["Default", "Gruvbox dark", "High contrast", "Light", "Monochrome", "My Nord", "ocean"])
    }
}

/// A fresh folder under the temporary directory.
private struct TemporaryFolder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-themes-\(UUID().uuidString)").path

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `relativePath`, making its folders.
    func write(_ relativePath: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
