import Foundation
import KPIEngine
import KPITerminal

/// The engine the dashboard reads, and the brand switch (`B`): opening a brand of the config
/// file starts an engine on its data directory with its goals, benchmarks and alerts (the
/// config with that brand chosen), and stops the engine it replaces. Used from the UI thread.
final class BrandSessions {
    private let options: ResolvedOptions
    private let watcher: DirectoryWatcher.Options
    /// The engine in use.
    private(set) var current: EngineSession

    /// `first` is the engine the dashboard starts with, already started.
    init(options: ResolvedOptions, watcher: DirectoryWatcher.Options, first: EngineSession) {
        self.options = options
        self.watcher = watcher
        current = first
    }

    /// Starts an engine on brand `name` and stops the one in use. Nothing changes when the
    /// brand is unknown, its `mapping.toml` has a mistake, or its engine cannot start.
    func open(_ name: String) throws -> BrandSource {
        guard let brand = options.config.brands.first(where: { $0.name == name }) else {
            throw Failure(description: Brand.unknownMessage(name, among: options.config.brands))
        }
        let brandOptions = ResolvedOptions(config: options.config.choosing(brand: brand), asOf: options.asOf)
        let directory = brand.data
        let mapping = try ColumnMapping.load(dataDirectory: directory)
        let goalsFile = brandOptions.config.goalsFile(dataDirectory: directory)
        let goals = GoalFile.load(path: goalsFile.path, required: goalsFile.required)
        let benchmarks = brandOptions.loadBenchmarks(directory: directory)
        let session = try brandOptions.makeSession(directory: directory, goals: goals.goals,
                                                   benchmarks: benchmarks.benchmarks, mapping: mapping,
                                                   restartCache: RestartCache(dataDirectory: directory,
                                                                              environment: ProcessInfo.processInfo.environment),
                                                   watcher: watcher)
        session.start()
        current.stop()
        current = session
        return BrandSource(source: session, dataDirectory: directory, goalProblems: goals.problems)
    }

    /// Stops the engine in use.
    func stop() {
        current.stop()
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
