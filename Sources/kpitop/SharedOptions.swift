import ArgumentParser
import Foundation
import KPIEngine

/// The options every view takes (docs/CONFIG.md), and the config file to read.
struct SharedOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Data directory (default: the configured one, else ./data, else the demo).", valueName: "dir"),
        completion: .directory)
    var data: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Anchor day (default: yesterday, the last complete day).",
                                                           valueName: "yyyy-mm-dd"),
            completion: .custom { _, _, _ in CompletionValues.recentDays })
    var asOf: String?

    @OptionGroup var view: ViewOptions

    @Option(name: .long, help: ArgumentHelp("Goals file (default: goals.toml in the data directory).", valueName: "file"),
            completion: .file(extensions: ["toml"]))
    var goals: String?

    @Option(name: .long, help: ArgumentHelp(
        "Benchmarks file (default: benchmarks.toml in the data directory).", valueName: "file"),
            completion: .file(extensions: ["toml"]))
    var benchmarks: String?

    @Option(name: .long, help: ArgumentHelp("A brand of the config file's [brands]: its data, goals, benchmarks and alerts.",
                                            valueName: "name"))
    var brand: String?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Read the directories that symbolic links in the data directory lead to, and follow them live (default: no; never into /proc, /sys or /dev)."))
    var followLinks: Bool?

    /// The years `--as-of` accepts: the Unix epoch on, with four digits.
    static let asOfYears = 1970...9999

    func validate() throws {
        if let asOf {
            guard let day = Day(iso: asOf) else {
                throw ValidationError("--as-of '\(asOf)' is not a date (expected YYYY-MM-DD)")
            }
            guard Self.asOfYears.contains(day.civil.year) else {
                throw ValidationError("--as-of '\(asOf)' is out of range: the year must be from 1970 to 9999")
            }
        }
        if brand != nil, data != nil { throw ValidationError("--brand names a data directory: leave out --data") }
    }

    /// These flags (and the dashboard's) merged with the config file and the defaults.
    func resolve(dashboard: DashboardOptions? = nil) throws -> ResolvedOptions {
        try view.resolve(data: data, goals: goals, asOf: asOf.flatMap { Day(iso: $0) }, followLinks: followLinks,
                         benchmarks: benchmarks, brand: brand, dashboard: dashboard)
    }
}

/// The options of every command that shows KPIs, the demo included: the window, the time
/// zone and the config file.
struct ViewOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Window: 1d, 7d, 28d, 90d, any Nd, mtd, qtd or all (default: 28d).",
                                            valueName: "length"),
            completion: .list(CompletionValues.windows))
    var window: String?

    @Option(name: .long, help: ArgumentHelp("Time zone, an IANA name (default: the system's).", valueName: "zone"),
            completion: .custom { _, _, _ in TimeZone.knownTimeZoneIdentifiers })
    var tz: String?

    @Option(name: .long, help: ArgumentHelp(
        "Compare each KPI with the previous window or the same window a year earlier (default: previous).",
        valueName: "previous|year"))
    var compare: String?

    @Option(name: .long, help: ArgumentHelp(
        "Config file (default: $XDG_CONFIG_HOME/kpitop/config.toml, else ~/.config/kpitop/config.toml).",
        valueName: "file"), completion: .file(extensions: ["toml"]))
    var config: String?

    func validate() throws {
        if let window, WindowLength(window) == nil {
            throw ValidationError("--window '\(window)' is not a window (expected 1d, 7d, 28d, 90d, Nd, mtd, qtd or all)")
        }
        if let tz, DayClock(identifier: tz) == nil {
            throw ValidationError("--tz '\(tz)' is not a known time zone (expected an IANA name such as Europe/Berlin)")
        }
        if let compare, Comparison(rawValue: compare) == nil {
            throw ValidationError("--compare '\(compare)' must be previous or year")
        }
    }

    /// These flags and the given ones merged with the config file and the defaults. A bad
    /// config file is reported on stderr with file, line and problem, and stops the program
    /// with exit status 65 (EX_DATAERR).
    func resolve(data: String? = nil, goals: String? = nil, asOf: Day? = nil, followLinks: Bool? = nil,
                 benchmarks: String? = nil, brand: String? = nil,
                 dashboard: DashboardOptions? = nil) throws -> ResolvedOptions {
        let flags = ConfigFlags(
            data: data, window: window.flatMap(WindowLength.init), tz: tz, goals: goals, theme: dashboard?.theme,
            refresh: dashboard?.refresh, poll: dashboard?.poll, bell: dashboard?.bell,
            compare: compare.flatMap(Comparison.init(rawValue:)), benchmarks: benchmarks, brand: brand,
            followLinks: followLinks)
        let config: EffectiveConfig
        do {
            config = try EffectiveConfig.load(flags: flags, configFile: self.config,
                                              environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("kpitop: \(Sanitized.line(error.description))\n".utf8))
            throw ExitCode(65)
        }
        if let unknown = config.unknownBrand {
            throw ValidationError("--brand: " + Brand.unknownMessage(unknown, among: config.brands))
        }
        return ResolvedOptions(config: config, asOf: asOf)
    }
}

/// Milliseconds since the Unix epoch, now.
func currentMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
