import ArgumentParser

@main
struct KPITop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpitop",
        abstract: "A live terminal dashboard of social-media marketing KPIs.",
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
        subcommands: [Dashboard.self, Report.self, Check.self, Demo.self, Config.self, Themes.self],
        defaultSubcommand: Dashboard.self
    )
}
