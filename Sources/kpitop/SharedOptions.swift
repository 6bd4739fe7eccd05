import ArgumentParser
import Foundation
import KPIEngine

/// The options every view takes (data contract section 8), and the config file to read.
struct SharedOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Data directory (default: the configured one, else ./data, else the demo).", valueName: "dir"))
    var data: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Anchor day (default: today).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Window: 1d, 7d, 28d, 90d, any Nd, or all (default: 28d).", valueName: "length"))
    var window: String?

    @Option(name: .long, help: ArgumentHelp("Time zone, an IANA name (default: the system's).", valueName: "zone"))
    var tz: String?

    @Option(name: .long, help: ArgumentHelp("Goals file (default: goals.toml in the data directory).", valueName: "file"))
    var goals: String?

    @Option(name: .long, help: ArgumentHelp(
        "Config file (default: $XDG_CONFIG_HOME/kpitop/config.toml, else ~/.config/kpitop/config.toml).",
        valueName: "file"))
    var config: String?

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
        if let window, WindowLength(window) == nil {
            throw ValidationError("--window '\(window)' is not a window (expected 1d, 7d, 28d, 90d, Nd or all)")
        }
        if let tz, DayClock(identifier: tz) == nil {
            throw ValidationError("--tz '\(tz)' is not a known time zone (expected an IANA name such as Europe/Berlin)")
        }
    }

    /// These flags (and the dashboard's) merged with the config file and the defaults.
    /// A bad config file is reported on stderr with file, line and problem, and stops the
    /// program with exit status 65 (EX_DATAERR).
    func resolve(dashboard: DashboardOptions? = nil) throws -> ResolvedOptions {
        let flags = ConfigFlags(
            data: data, window: window.flatMap(WindowLength.init), tz: tz, goals: goals, theme: dashboard?.theme,
            refresh: dashboard?.refresh, poll: dashboard?.poll, bell: dashboard?.bell, followLinks: followLinks)
        do {
            let config = try EffectiveConfig.load(flags: flags, configFile: config,
                                                  environment: ProcessInfo.processInfo.environment)
            return ResolvedOptions(config: config, asOf: asOf.flatMap { Day(iso: $0) })
        } catch {
            FileHandle.standardError.write(Data("kpitop: \(Sanitized.line(error.description))\n".utf8))
            throw ExitCode(65)
        }
    }
}

/// Milliseconds since the Unix epoch, now.
func currentMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
