import ArgumentParser
import Foundation
import KPIEngine

/// The shared options with the config file applied: what every command runs with.
struct ResolvedOptions {
    let config: EffectiveConfig
    /// `--as-of`; nil = the last complete day.
    let asOf: Day?
    let clock: DayClock

    init(config: EffectiveConfig, asOf: Day?) {
        self.config = config
        self.asOf = asOf
        clock = config.tz.value.flatMap { DayClock(identifier: $0) } ?? .system
    }

    /// The directory to read; nil means the demo.
    var dataDirectory: String? { config.data.value }

    /// The data directory, or a usage error for the commands that need one.
    func requireDataDirectory() throws -> String {
        guard let directory = dataDirectory else {
            throw ValidationError("no data directory: pass --data DIR, set data in the config file, or create ./data")
        }
        return directory
    }

    /// The snapshot request these options describe, now, with the config's alerts,
    /// comparison and customer values.
    func request(goals: [Goal], benchmarks: [Benchmark] = []) -> SnapshotRequest {
        var request = SnapshotRequest(window: config.window.value, asOf: asOf, now: currentMilliseconds(), goals: goals,
                                      alerts: config.alerts, comparison: config.compare.value,
                                      defaultCurrency: config.currency.value)
        request.customerValues = config.customerValues
        request.benchmarks = benchmarks
        return request
    }

    /// `--benchmarks FILE`, the configured or the brand's benchmarks file, else the data
    /// directory's `benchmarks.toml` (no file there is no benchmarks). Benchmarks with a
    /// mistake are left out; their problems are in the result.
    func loadBenchmarks(directory: String) -> BenchmarkFile {
        let file = config.benchmarksFile(dataDirectory: directory)
        return BenchmarkFile.load(path: file.path, required: file.required)
    }

    /// `--goals FILE` or the configured goals file, else the data directory's `goals.toml`
    /// (no file there is no goals). Goals with a mistake are left out; their problems are
    /// in the result. A named file that cannot be read stops the program with exit status
    /// 66 (EX_NOINPUT), as a missing data directory does.
    func loadGoals(directory: String) throws -> GoalFile {
        let file = config.goalsFile(dataDirectory: directory)
        if file.required, access(file.path, R_OK) != 0 {
            let reason = String(cString: strerror(errno))
            FileHandle.standardError.write(Data("kpitop: cannot read goals file '\(Sanitized.line(file.path))': \(reason)\n".utf8))
            throw ExitCode(66)
        }
        return GoalFile.load(path: file.path, required: file.required)
    }

    /// The directory's `mapping.toml`; a mistake in it stops the program with file and line.
    func loadMapping(directory: String) throws -> ColumnMapping {
        do { return try ColumnMapping.load(dataDirectory: directory) } catch {
            FileHandle.standardError.write(Data("kpitop: \(error)\n".utf8))
            throw ExitCode(65)
        }
    }

    /// How to read the directory: these options' clock and its `mapping.toml` (unless `mapping`
    /// is given, read already); yesterday's and today's rows keep hourly sums for "today so far".
    func ingestContext(directory: String, mapping: ColumnMapping? = nil) throws -> IngestContext {
        let today = clock.day(ofEpochMilliseconds: currentMilliseconds())
        return try IngestContext(clock: clock, mapping: mapping ?? loadMapping(directory: directory),
                                 currency: config.currency.value, hourlyFrom: today.adding(days: -1),
                                 followLinks: config.followLinks.value, memoryCeiling: MemoryCeiling(config.maxMemory.value))
    }

    /// Reads the whole directory once.
    func loadStore(directory: String) throws -> MetricsStore {
        let loader = try DataLoader(root: directory, context: ingestContext(directory: directory))
        do { return try loader.load() } catch {
            FileHandle.standardError.write(Data("kpitop: \(error)\n".utf8))
            throw ExitCode(66)
        }
    }

    /// A session that follows `directory` (not yet started), computing `goals` and the
    /// config's alerts and `benchmarks` over `window` (the configured one when nil), reading
    /// with `mapping` (the directory's `mapping.toml` when nil).
    func makeSession(directory: String, isDemo: Bool = false, goals: [Goal], benchmarks: [Benchmark] = [],
                     window: WindowLength? = nil, mapping: ColumnMapping? = nil, restartCache: RestartCache? = nil,
                     watcher: DirectoryWatcher.Options) throws -> EngineSession {
        var request = request(goals: goals, benchmarks: benchmarks)
        if let window { request.window = window }
        return try EngineSession(
            root: directory, context: ingestContext(directory: directory, mapping: mapping),
            status: EngineStatus(dataDirectory: directory, isDemo: isDemo,
                                 loading: LoadProgress(filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0)),
            request: request, options: .init(watcher: watcher, restartCache: restartCache), now: { currentMilliseconds() })
    }
}
