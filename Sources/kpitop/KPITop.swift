import ArgumentParser
import KPIEngine

@main
struct KPITop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpitop",
        abstract: "A live terminal dashboard of social-media marketing KPIs.",
        usage: """
            kpitop [--data <dir>] [--window <length>] [<options>]
            kpitop <subcommand> [<options>]
            """,
        discussion: """
            Reads CSV and JSON Lines exports from a data directory (see docs/DATA.md) and \
            shows reach, engagement, conversion and customer-service KPIs per platform.

            Examples:
              kpitop                          dashboard on ./data, or on live demo data
              kpitop demo                     dashboard on live demo data
              kpitop --data ~/exports         dashboard on a directory
              kpitop report --data ~/exports --window 7d --format json
              kpitop check --data ~/exports   list rejected rows
              kpitop config                   the settings in effect, and from where
              kpitop themes                   the colour themes, and where each comes from

            Settings not given as flags come from ~/.config/kpitop/config.toml \
            (see docs/CONFIG.md).
            """,
        version: kpitopVersion,
        subcommands: [Dashboard.self, Report.self, Check.self, Demo.self, Config.self, Themes.self]
    )

    // The dashboard's options belong to kpitop itself (not only to a default subcommand),
    // so that shell completion offers their values right after `kpitop --data`.
    @OptionGroup var shared: SharedOptions
    @OptionGroup var dashboard: DashboardOptions

    static func main() {
        LargeBlockRelease.install()
        main(nil)
    }

    func run() throws {
        try Dashboard.open(shared: shared, dashboard: dashboard)
    }
}
