import Foundation
import Testing
@testable import KPIEngine

@Suite struct ConfigFileTests {
    static func parse(_ text: String, file: String = "/home/ana/.config/kpitop/config.toml") throws -> ConfigFile {
        try ConfigFile.parse(TOMLDocument(text: text, file: file), home: "/home/ana")
    }

    /// The problem parsing `text` throws; nil (failing the expectation that uses it) when none.
    static func problem(_ text: String, file: String = "/home/ana/.config/kpitop/config.toml") -> ConfigProblem? {
        do {
            _ = try parse(text, file: file)
            return nil
        } catch {
            return error as? ConfigProblem
        }
    }

    @Test func everyKeyIsReadWithItsLine() throws {
        let file = try Self.parse("""
            # team settings
            data = "~/exports"
            theme = "nord"
            window = "7d"
            tz = "Europe/Berlin"
            refresh = "500ms"
            poll = true
            goals = "goals/q4.toml"
            bell = true
            currency = "eur"
            """)
        #expect(file.data == .init("/home/ana/exports", line: 2))
        #expect(file.theme == .init("nord", line: 3))
        #expect(file.window == .init(.days(7), line: 4))
        #expect(file.tz == .init("Europe/Berlin", line: 5))
        #expect(file.refresh == .init(RefreshInterval(milliseconds: 500)!, line: 6))
        #expect(file.poll == .init(true, line: 7))
        // A relative path is relative to the config file's folder.
        #expect(file.goals == .init("/home/ana/.config/kpitop/goals/q4.toml", line: 8))
        #expect(file.bell == .init(true, line: 9))
        #expect(file.currency == .init(.eur, line: 10))
        #expect(file.alerts.isEmpty)
    }

    @Test func pathsAreResolvedAgainstHomeAndTheFilesFolder() throws {
        let file = try Self.parse("data = \"../../kpi/./data\"\ntheme = \"themes/mine.toml\"\ngoals = \"/srv/goals.toml\"")
        #expect(file.data?.value == "/home/ana/kpi/data")
        #expect(file.theme?.value == "/home/ana/.config/kpitop/themes/mine.toml")
        #expect(file.goals?.value == "/srv/goals.toml")
        let here = try Self.parse("data = \"exports\"", file: "config.toml")
        #expect(here.data?.value == "exports")
    }

    @Test func aNumberOfSecondsIsARefreshInterval() throws {
        #expect(try Self.parse("refresh = 2").refresh?.value.milliseconds == 2000)
        #expect(try Self.parse("refresh = 0.25").refresh?.value.milliseconds == 250)
    }

    @Test func refreshIntervalsParseAndPrint() {
        #expect(RefreshInterval("1s")?.milliseconds == 1000)
        #expect(RefreshInterval(" 250ms ")?.milliseconds == 250)
        #expect(RefreshInterval("2.5s")?.description == "2.5s")
        #expect(RefreshInterval("3")?.description == "3s")
        #expect(RefreshInterval("750ms")?.description == "750ms")
        #expect(RefreshInterval("10ms") == nil)
        #expect(RefreshInterval("2m") == nil)
        #expect(RefreshInterval("61s") == nil)
        #expect(RefreshInterval("soon") == nil)
    }

    @Test func aMistakeNamesFileLineAndProblem() throws {
        let typo = try #require(Self.problem("window = \"7d\"\n\nthme = \"nord\"\n"))
        #expect(typo.description == "/home/ana/.config/kpitop/config.toml:3: unknown key 'thme' in the config file (did you mean 'theme'?)")
        #expect(Self.problem("window = \"3w\"")?.reason.contains("'3w' is not a window") == true)
        #expect(Self.problem("tz = \"Mars/Olympus\"")?.reason.contains("not a known time zone") == true)
        #expect(Self.problem("bell = \"yes\"")?.reason == "bell must be true or false")
        #expect(Self.problem("currency = \"euro\"")?.reason == "currency 'euro' is not a three-letter ISO code such as EUR or USD")
        #expect(Self.problem("data = 3")?.reason == "data must be a directory in quotes")
        #expect(Self.problem("max_memory = \"a lot\"")?.reason
                == "max_memory must be an amount from 16 MiB to 1 TiB, such as \"1GiB\" or \"512MB\"")
        #expect(Self.problem("refresh = \"10ms\"")?.line == 1)
        #expect(Self.problem("data = \"x\"\n[colors]\ntext = \"#fff\"")?.line == 2)
        #expect(Self.problem("data = \"x\"\nwindow = \n")?.line == 2)
    }

    @Test func theFirstMistakeByLineIsReported() {
        // Keys come back from TOML in no particular order; the message names the earliest.
        #expect(Self.problem("zzz = 1\nwindow = \"3w\"\naaa = 2")?.line == 1)
    }

    @Test func aMissingFileNamedWithConfigIsAProblem() {
        #expect(throws: ConfigProblem.self) { try ConfigFile.load(path: "/nonexistent/kpitop.toml", home: nil) }
    }
}
