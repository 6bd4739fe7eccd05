import ArgumentParser
import Foundation
import KPIEngine

/// The options every view takes (data contract section 8).
struct SharedOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Data directory (default: ./data, else the demo).", valueName: "dir"))
    var data: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Anchor day (default: today).", valueName: "yyyy-mm-dd"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Window: 1d, 7d, 28d, 90d, any Nd, or all.", valueName: "Nd"))
    var window: String = "28d"

    @Option(name: .long, help: ArgumentHelp("Time zone, an IANA name (default: the system's).", valueName: "zone"))
    var tz: String?

    @Option(name: .long, help: ArgumentHelp("Goals file (default: goals.toml in the data directory).", valueName: "file"))
    var goals: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date (expected YYYY-MM-DD)")
        }
        if WindowLength(window) == nil {
            throw ValidationError("--window '\(window)' is not a window (expected 1d, 7d, 28d, 90d, Nd or all)")
        }
        if let tz, DayClock(identifier: tz) == nil {
            throw ValidationError("--tz '\(tz)' is not a known time zone (expected an IANA name such as Europe/Berlin)")
        }
    }

    var windowLength: WindowLength { WindowLength(window)! }
    var asOfDay: Day? { asOf.flatMap { Day(iso: $0) } }
    var clock: DayClock { tz.flatMap { DayClock(identifier: $0) } ?? .system }

    /// The directory to read: `--data`, else `./data` when it exists; nil means the demo.
    var dataDirectory: String? {
        if let data { return data }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "data", isDirectory: &isDirectory), isDirectory.boolValue {
            return "data"
        }
        return nil
    }

    /// The snapshot request these options describe, at the current instant.
    func request(now: Int64 = currentMilliseconds(), goals: [Goal] = []) -> SnapshotRequest {
        SnapshotRequest(window: windowLength, asOf: asOfDay, now: now, goals: goals)
    }

    /// `--goals FILE`, else the data directory's `goals.toml` (no file there is no goals).
    /// Goals with a mistake are left out; their problems are in the result.
    func loadGoals(directory: String) -> GoalFile {
        if let goals { return GoalFile.load(path: goals, required: true) }
        return GoalFile.load(path: GoalFile.defaultPath(dataDirectory: directory), required: false)
    }

    /// The directory's `mapping.toml`; a mistake in it stops the program with file and line.
    func loadMapping(directory: String) throws -> ColumnMapping {
        do { return try ColumnMapping.load(dataDirectory: directory) } catch {
            FileHandle.standardError.write(Data("kpitop: \(error)\n".utf8))
            throw ExitCode(65)
        }
    }

    /// Reads the whole directory once.
    func loadStore(directory: String) throws -> MetricsStore {
        let mapping = try loadMapping(directory: directory)
        let loader = DataLoader(root: directory, context: IngestContext(clock: clock, mapping: mapping))
        do { return try loader.load() } catch {
            FileHandle.standardError.write(Data("kpitop: \(error)\n".utf8))
            throw ExitCode(66)
        }
    }
}

/// Milliseconds since the Unix epoch, now.
func currentMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
