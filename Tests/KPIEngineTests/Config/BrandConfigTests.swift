import Foundation
import Testing
@testable import KPIEngine

/// The config keys of issue 13: `[brands]` and `brand`, `compare`, `benchmarks` and `cltv`.
@Suite struct BrandConfigTests {
    static let path = "/home/ana/.config/kpitop/config.toml"

    static func file(_ text: String) throws -> ConfigFile {
        try ConfigFile.parse(TOMLDocument(text: text, file: path), home: "/home/ana")
    }

    /// The problem a config text is refused with (nil when it is read).
    static func problem(_ text: String) -> ConfigProblem? {
        do {
            _ = try file(text)
            return nil
        } catch {
            return error as? ConfigProblem
        }
    }

    static let brands = """
        data = "/srv/default"
        goals = "/srv/default-goals.toml"

        [[alert]]
        kpi = "ctr"
        below = "1%"

        [brands]
        acme = "~/exports/acme"

        [brands.globex]
        data = "exports/globex"
        goals = "/plans/globex-goals.toml"
        benchmarks = "/plans/globex-bench.toml"

        [[brands.globex.alert]]
        kpi = "engagement_rate"
        platform = "instagram"
        below = "2%"
        """

    @Test func brandsAreReadInFileOrderWithTheirFilesAndAlerts() throws {
        let file = try Self.file(Self.brands)
        #expect(file.brands.map(\.name) == ["acme", "globex"])
        #expect(file.brands[0].data == "/home/ana/exports/acme")
        #expect(file.brands[0].goals == nil)
        #expect(file.brands[1].data == "/home/ana/.config/kpitop/exports/globex")
        #expect(file.brands[1].goals == "/plans/globex-goals.toml")
        #expect(file.brands[1].benchmarks == "/plans/globex-bench.toml")
        #expect(file.brands[1].alerts.map(\.kpi) == [.engagementRate])
        #expect(file.brands[1].alerts[0].line == 16)
    }

    @Test func aBrandNamesTheDataDirectoryGoalsBenchmarksAndAlerts() throws {
        let file = try Self.file(Self.brands)
        let globex = EffectiveConfig(flags: ConfigFlags(brand: "globex"), file: file, configPath: Self.path,
                                     directoryExists: { _ in false })
        #expect(globex.brand.value?.name == "globex")
        #expect(globex.data == Setting("/home/ana/.config/kpitop/exports/globex", from: .flag("--brand")))
        #expect(globex.goals.value == "/plans/globex-goals.toml")
        #expect(globex.benchmarksFile(dataDirectory: globex.data.value!).path == "/plans/globex-bench.toml")
        // The file's alerts apply to every brand; the brand adds its own.
        #expect(globex.alerts.map(\.kpi) == [.ctr, .engagementRate])

        let acme = EffectiveConfig(flags: ConfigFlags(brand: "acme"), file: file, configPath: Self.path,
                                   directoryExists: { _ in false })
        // Without files of its own, a brand reads goals.toml and benchmarks.toml in its directory,
        // never the config's goals.
        #expect(acme.goalsFile(dataDirectory: acme.data.value!) == ("/home/ana/exports/acme/goals.toml", false))
        #expect(acme.benchmarksFile(dataDirectory: acme.data.value!) == ("/home/ana/exports/acme/benchmarks.toml", false))
        #expect(acme.alerts.map(\.kpi) == [.ctr])

        // Switching brands in the dashboard.
        let switched = acme.choosing(brand: file.brands[1])
        #expect(switched.data.value == "/home/ana/.config/kpitop/exports/globex")
        #expect(switched.alerts.map(\.kpi) == [.ctr, .engagementRate])
    }

    @Test func withoutABrandTheDataDirectoryIsTheConfigsAndTheConfigsBrandWinsOverIt() throws {
        let plain = EffectiveConfig(flags: ConfigFlags(), file: try Self.file(Self.brands), configPath: Self.path,
                                    directoryExists: { _ in false })
        #expect(plain.brand.value == nil)
        #expect(plain.data.value == "/srv/default")
        let chosen = EffectiveConfig(flags: ConfigFlags(), file: try Self.file("brand = \"acme\"\n" + Self.brands),
                                     configPath: Self.path, directoryExists: { _ in false })
        #expect(chosen.brand.value?.name == "acme")
        #expect(chosen.data.value == "/home/ana/exports/acme")
        // --data beats the config's brand.
        let data = EffectiveConfig(flags: ConfigFlags(data: "/tmp/x"), file: try Self.file("brand = \"acme\"\n" + Self.brands),
                                   configPath: Self.path, directoryExists: { _ in false })
        #expect(data.brand.value == nil)
        #expect(data.data.value == "/tmp/x")
    }

    @Test func anUnknownBrandIsNamedWithTheNearestOne() throws {
        let config = EffectiveConfig(flags: ConfigFlags(brand: "acne"), file: try Self.file(Self.brands),
                                     configPath: Self.path, directoryExists: { _ in false })
        #expect(config.unknownBrand == "acne")
        #expect(Brand.unknownMessage("acne", among: config.brands) == "no brand 'acne' in [brands] (did you mean 'acme'?)")
        #expect(Self.problem("brand = \"nope\"\n" + Self.brands)?.reason.hasPrefix("no brand 'nope' in [brands]") == true)
        #expect(Self.problem("[brands]\nacme = 3\n")?.line == 2)
        #expect(Self.problem("[brands.x]\ngoals = \"g.toml\"\n")?.reason == "brand 'x' needs data = \"directory\"")
    }

    @Test func compareBenchmarksAndCustomerValuesAreRead() throws {
        let file = try Self.file("""
            compare = "year"
            benchmarks = "bench.toml"
            cltv = 180
            """)
        #expect(file.compare == .init(.yearBefore, line: 1))
        #expect(file.benchmarks?.value == "/home/ana/.config/kpitop/bench.toml")
        #expect(file.customerValues?.value == ["*": 180])
        let table = try Self.file("""
            [cltv]
            IG = 240
            facebook = "$150"
            "*" = 90
            """)
        #expect(table.customerValues?.value == ["instagram": 240, "facebook": 150, "*": 90])
        #expect(Self.problem("compare = \"last year\"")?.reason == "compare 'last year' must be \"previous\" or \"year\"")
        #expect(Self.problem("[cltv]\ninstagram = -3\n")?.line == 2)
        // A flag beats the file.
        let config = EffectiveConfig(flags: ConfigFlags(compare: .previousWindow), file: file, configPath: Self.path,
                                     directoryExists: { _ in false })
        #expect(config.compare == Setting(.previousWindow, from: .flag("--compare")))
        #expect(config.customerValues == ["*": 180])
    }
}
