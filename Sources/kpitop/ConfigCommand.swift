import ArgumentParser
import Foundation
import KPIEngine
import KPIReport

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the configuration in effect and where each value comes from.",
        usage: "kpitop config [<options>]",
        discussion: """
            Reads the config file ($XDG_CONFIG_HOME/kpitop/config.toml, else \
            ~/.config/kpitop/config.toml, or --config FILE) and applies the same flags as the \
            dashboard: a flag beats the file, which beats the built-in default. The output is \
            itself a config file that works as it is, from any folder (paths are absolute). \
            Exit status 65 when the config file has a mistake.

            Examples:
              kpitop config
              kpitop config --window 7d --config ./team.toml
            """
    )

    @OptionGroup var shared: SharedOptions
    @OptionGroup var dashboard: DashboardOptions

    func run() throws {
        let options = try shared.resolve(dashboard: dashboard)
        print(ConfigListing.render(options.config, systemTimeZone: DayClock.system.identifier,
                                   workingDirectory: FileManager.default.currentDirectoryPath), terminator: "")
    }
}
