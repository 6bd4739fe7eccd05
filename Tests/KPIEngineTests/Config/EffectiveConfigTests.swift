import Foundation
import Testing
@testable import KPIEngine
@testable import KPIReport

@Suite struct EffectiveConfigTests {
    static let path = "/home/ana/.config/kpitop/config.toml"

    static func file(_ text: String) throws -> ConfigFile {
        try ConfigFile.parse(TOMLDocument(text: text, file: path), home: "/home/ana")
    }

    static let everything = """
        data = "/srv/kpi"
        theme = "nord"
        window = "7d"
        tz = "Europe/Berlin"
        refresh = "2s"
        poll = true
        goals = "/srv/goals.toml"
        bell = true
        """

    @Test func theFileBeatsTheDefaults() throws {
        let config = EffectiveConfig(flags: ConfigFlags(), file: try Self.file(Self.everything), configPath: Self.path,
                                     directoryExists: { _ in true })
        #expect(config.data == Setting("/srv/kpi", from: .file(Self.path, line: 1)))
        #expect(config.theme == Setting("nord", from: .file(Self.path, line: 2)))
        #expect(config.window == Setting(.days(7), from: .file(Self.path, line: 3)))
        #expect(config.tz == Setting("Europe/Berlin", from: .file(Self.path, line: 4)))
        #expect(config.refresh.value.milliseconds == 2000)
        #expect(config.poll == Setting(true, from: .file(Self.path, line: 6)))
        #expect(config.goals.value == "/srv/goals.toml")
        #expect(config.bell.source.description == "\(Self.path):8")
    }

    @Test func aFlagBeatsTheFile() throws {
        let flags = ConfigFlags(data: "mine", window: .all, tz: "UTC", goals: "g.toml", theme: "gruvbox",
                                refresh: RefreshInterval("250ms"), poll: false, bell: false)
        let config = EffectiveConfig(flags: flags, file: try Self.file(Self.everything), configPath: Self.path,
                                     directoryExists: { _ in true })
        #expect(config.data == Setting("mine", from: .flag("--data")))
        #expect(config.window == Setting(.all, from: .flag("--window")))
        #expect(config.tz == Setting("UTC", from: .flag("--tz")))
        #expect(config.goals == Setting("g.toml", from: .flag("--goals")))
        #expect(config.theme == Setting("gruvbox", from: .flag("--theme")))
        #expect(config.refresh == Setting(RefreshInterval(milliseconds: 250)!, from: .flag("--refresh")))
        #expect(config.poll == Setting(false, from: .flag("--poll")))
        #expect(config.bell == Setting(false, from: .flag("--bell")))
        #expect(config.goalsFile(dataDirectory: "mine") == ("g.toml", true))
    }

    @Test func withoutFlagsOrFileTheDefaultsApply() {
        let config = EffectiveConfig(flags: ConfigFlags(), file: nil, configPath: Self.path, directoryExists: { _ in false })
        #expect(config.data == Setting(nil, from: .builtIn(note: "no ./data: demo data")))
        #expect(config.window.value == .days(28))
        #expect(config.tz.value == nil)
        #expect(config.refresh.value == .standard)
        #expect(config.poll.value == false)
        #expect(config.bell.value == false)
        #expect(config.theme.value == nil)
        #expect(config.alerts.isEmpty)
        #expect(config.window.source.description == "default")
        // Goals default to the data directory's goals.toml, which need not exist.
        #expect(config.goalsFile(dataDirectory: "d") == ("d/goals.toml", false))
    }

    @Test func dataDirectoryIsTheFlagElseTheFileElseDotDataElseTheDemo() throws {
        let file = try Self.file("data = \"/srv/kpi\"")
        func data(_ flag: String?, _ file: ConfigFile?, dotData: Bool) -> String? {
            EffectiveConfig(flags: ConfigFlags(data: flag), file: file, configPath: nil,
                            directoryExists: { $0 == "data" && dotData }).data.value
        }
        #expect(data("x", file, dotData: true) == "x")
        #expect(data(nil, file, dotData: true) == "/srv/kpi")
        #expect(data(nil, nil, dotData: true) == "data")
        #expect(data(nil, nil, dotData: false) == nil)
    }

    @Test func theConfigFileIsFoundThroughXDGConfigHomeElseHome() {
        #expect(ConfigLocation.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/kpitop/config.toml")
        #expect(ConfigLocation.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/kpitop/config.toml")
        #expect(ConfigLocation.defaultPath(environment: [:]) == nil)
    }

    @Test func loadReadsTheFileUnderXDGConfigHome() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("kpitop")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let environment = ["XDG_CONFIG_HOME": root.path, "HOME": "/nonexistent"]

        let none = try EffectiveConfig.load(flags: ConfigFlags(), configFile: nil, environment: environment)
        #expect(none.file == nil)
        #expect(none.configPath == folder.path + "/config.toml")

        try "window = \"90d\"\n".write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let found = try EffectiveConfig.load(flags: ConfigFlags(), configFile: nil, environment: environment)
        #expect(found.window == Setting(.days(90), from: .file(folder.path + "/config.toml", line: 1)))

        let explicit = try EffectiveConfig.load(flags: ConfigFlags(window: .days(1)), configFile: folder.path + "/config.toml",
                                                environment: [:])
        #expect(explicit.window.value == .days(1))
        #expect(throws: ConfigProblem.self) {
            try EffectiveConfig.load(flags: ConfigFlags(), configFile: root.path + "/missing.toml", environment: environment)
        }
    }

    @Test func theListingsPathsAreAbsoluteSoItWorksAsAConfigFileAnywhere() throws {
        let config = EffectiveConfig(flags: ConfigFlags(data: "exports/../kpi", goals: "./goals.toml", theme: "themes/mine.toml"),
                                     file: nil, configPath: "team.toml", directoryExists: { _ in false })
        let text = ConfigListing.render(config, systemTimeZone: "UTC", workingDirectory: "/home/ana/work")
        let lines = text.split(separator: "\n").map { $0.replacing(#/\s+#/#, with: " #") }
        #expect(lines.contains("# config file: /home/ana/work/team.toml (not present)"), "\(text)")
        #expect(lines.contains("data = \"/home/ana/work/kpi\" # flag --data"), "\(text)")
        #expect(lines.contains("goals = \"/home/ana/work/goals.toml\" # flag --goals"), "\(text)")
        #expect(lines.contains("theme = \"/home/ana/work/themes/mine.toml\" # flag --theme"), "\(text)")
        // The listing reads back as the same settings.
        let listed = try ConfigFile.parse(TOMLDocument(text: text, file: "listed.toml"), home: "/home/ana")
        #expect(listed.data?.value == "/home/ana/work/kpi" && listed.goals?.value == "/home/ana/work/goals.toml")
    }

    @Test func theListingShowsEachValueWithItsSource() throws {
        let file = try Self.file("""
            window = "7d"
            bell = true

            [[alert]]
            name = "Slow replies"
            kpi = "first_response_p90_s"
            above = "4h"

            [[alert]]
            kpi = "ctr"
            platform = "x"
            below = 0.01
            """)
        let config = EffectiveConfig(flags: ConfigFlags(data: "/srv/kpi", theme: "nord"), file: file, configPath: Self.path,
                                     directoryExists: { _ in false })
        let text = ConfigListing.render(config, systemTimeZone: "Europe/Lisbon", workingDirectory: "/tmp")
        #expect(text == """
            # kpitop configuration in effect (a flag beats the config file, which beats the default)
            # config file: /home/ana/.config/kpitop/config.toml
            data = "/srv/kpi"                 # flag --data
            window = "7d"                     # /home/ana/.config/kpitop/config.toml:1
            tz = "Europe/Lisbon"              # default (the system's)
            refresh = "1s"                    # default
            goals = "/srv/kpi/goals.toml"     # default (goals.toml in the data directory, if any)
            theme = "nord"                    # flag --theme
            poll = false                      # default
            bell = true                       # /home/ana/.config/kpitop/config.toml:2
            follow_links = false              # default
            max_memory = "1GiB"               # default
            # currency =                      # default (what the data says)
            compare = "previous"              # default
            benchmarks = "/srv/kpi/benchmarks.toml" # default (benchmarks.toml in the data directory, if any)
            # brand =                         # default

            # 2 alerts
            [[alert]]                         # /home/ana/.config/kpitop/config.toml:4
            name = "Slow replies"
            kpi = "first_response_p90_s"
            platform = "all"
            above = "4h"

            [[alert]]                         # /home/ana/.config/kpitop/config.toml:9
            name = "CTR (x)"
            kpi = "ctr"
            platform = "x"
            below = "1.00%"

            """)
        // The listing is itself a config file that means the same.
        let reread = try ConfigFile.parse(TOMLDocument(text: text, file: "listing.toml"), home: nil)
        #expect(reread.alerts.map(\.limit) == file.alerts.map(\.limit))
        #expect(reread.window?.value == .days(7))
    }
}
