import Glibc

/// The settings a run uses, each with where it came from: the command-line flag, else the
/// config file, else the built-in default. The data directory follows docs/DATA.md
/// section 8: `--data`, else the configured `data`, else `./data` when it exists, else none
/// (the dashboard shows the demo).
public struct EffectiveConfig: Sendable {
    /// Where the config file was looked for (`--config`, or ``ConfigLocation``).
    public var configPath: String?
    /// The config file read; nil when there is none at the default place.
    public var file: ConfigFile?
    /// nil: no data directory (the demo).
    public var data: Setting<String?>
    public var window: Setting<WindowLength>
    /// nil: the system's time zone.
    public var tz: Setting<String?>
    /// nil: `goals.toml` in the data directory, when there is one.
    public var goals: Setting<String?>
    /// nil: the default theme.
    public var theme: Setting<String?>
    public var refresh: Setting<RefreshInterval>
    public var poll: Setting<Bool>
    public var bell: Setting<Bool>
    /// Whether symbolic links to directories in the data directory are followed.
    public var followLinks: Setting<Bool>
    /// The memory beyond which the first load reads no further file (docs/CONFIG.md).
    public var maxMemory: Setting<MemorySize>
    /// The currency of money values the data does not name; nil: none (amounts without a sign).
    public var currency: Setting<Currency?>
    /// What each KPI is compared with.
    public var compare: Setting<Comparison>
    /// nil: `benchmarks.toml` in the data directory, when there is one.
    public var benchmarks: Setting<String?>
    /// The brand in use (`--brand`, else the config's `brand`), nil without one.
    public var brand: Setting<Brand?>
    /// The customer lifetime value per platform from the config (`*`: every platform).
    public var customerValues: [String: Double] { file?.customerValues?.value ?? [:] }

    /// The config file's brands, in file order.
    public var brands: [Brand] { file?.brands ?? [] }

    /// The alert rules in use, in file order: the config file's, then the brand's own.
    public var alerts: [AlertRule] { (file?.alerts ?? []) + (brand.value?.alerts ?? []) }

    /// Merges flags, file and defaults; `directoryExists` answers whether `./data` exists.
    /// A brand (`--brand`, else the config's `brand` unless `--data` is given) names the data
    /// directory, and its goals and benchmarks files replace the config's. A `--brand` that
    /// is not in `[brands]` leaves ``brand`` nil; ``unknownBrand`` says so.
    public init(flags: ConfigFlags, file: ConfigFile?, configPath: String?, directoryExists: (String) -> Bool) {
        self.configPath = configPath
        self.file = file
        func given<Value>(_ flag: Value?, _ name: String, _ entry: ConfigFile.Entry<Value>?) -> Setting<Value>? {
            if let flag { return Setting(flag, from: .flag(name)) }
            if let entry, let file { return Setting(entry.value, from: .file(file.path, line: entry.line)) }
            return nil
        }
        func optional(_ setting: Setting<String>?) -> Setting<String?>? {
            setting.map { Setting($0.value, from: $0.source) }
        }
        let brands = file?.brands ?? []
        let brandName = flags.data == nil ? given(flags.brand, "--brand", file?.brand) : nil
        let chosen = brandName.flatMap { setting in brands.first { $0.name == setting.value }.map { Setting($0, from: setting.source) } }
        brand = chosen.map { Setting(Optional($0.value), from: $0.source) } ?? Setting(nil, from: .builtIn(note: nil))
        unknownBrand = flags.brand.flatMap { name in brands.contains { $0.name == name } ? nil : name }
        compare = given(flags.compare, "--compare", file?.compare) ?? Setting(.previousWindow, from: .builtIn(note: nil))
        if let chosen {
            let brand = chosen.value
            data = Setting(brand.data, from: chosen.source)
            goals = flags.goals.map { Setting($0, from: .flag("--goals")) }
                ?? Setting(brand.goals, from: .builtIn(note: brand.goals == nil ? "goals.toml in brand \(brand.name)'s directory, if any" : "brand \(brand.name)"))
            benchmarks = flags.benchmarks.map { Setting($0, from: .flag("--benchmarks")) }
                ?? Setting(brand.benchmarks, from: .builtIn(note: brand.benchmarks == nil ? "benchmarks.toml in brand \(brand.name)'s directory, if any" : "brand \(brand.name)"))
        } else {
            data = Self.dataSetting(optional(given(flags.data, "--data", file?.data)), directoryExists: directoryExists)
            goals = optional(given(flags.goals, "--goals", file?.goals))
                ?? Setting(nil, from: .builtIn(note: "goals.toml in the data directory, if any"))
            benchmarks = optional(given(flags.benchmarks, "--benchmarks", file?.benchmarks))
                ?? Setting(nil, from: .builtIn(note: "benchmarks.toml in the data directory, if any"))
        }
        window = given(flags.window, "--window", file?.window) ?? Setting(.days(28), from: .builtIn(note: nil))
        tz = optional(given(flags.tz, "--tz", file?.tz)) ?? Setting(nil, from: .builtIn(note: "the system's"))
        theme = optional(given(flags.theme, "--theme", file?.theme)) ?? Setting(nil, from: .builtIn(note: nil))
        refresh = given(flags.refresh, "--refresh", file?.refresh) ?? Setting(.standard, from: .builtIn(note: nil))
        poll = given(flags.poll, "--poll", file?.poll) ?? Setting(false, from: .builtIn(note: nil))
        bell = given(flags.bell, "--bell", file?.bell) ?? Setting(false, from: .builtIn(note: nil))
        followLinks = given(flags.followLinks, "--follow-links", file?.followLinks) ?? Setting(false, from: .builtIn(note: nil))
        maxMemory = given(nil, "", file?.maxMemory) ?? Setting(.defaultCeiling, from: .builtIn(note: nil))
        currency = given(nil, "", file?.currency).map { Setting($0.value, from: $0.source) }
            ?? Setting(nil, from: .builtIn(note: "what the data says"))
    }

    /// A `--brand` that the config file's `[brands]` does not have.
    public var unknownBrand: String?

    /// `--data` or the configured `data`, else `./data` when it exists, else none (the demo).
    private static func dataSetting(_ given: Setting<String?>?, directoryExists: (String) -> Bool) -> Setting<String?> {
        given ?? (directoryExists(conventionalDataDirectory)
            ? Setting(conventionalDataDirectory, from: .builtIn(note: "./data exists"))
            : Setting(nil, from: .builtIn(note: "no ./data: demo data")))
    }

    /// The config with another brand chosen (the dashboard's brand switch): its data
    /// directory, goals, benchmarks and alerts; the other settings stay.
    public func choosing(brand: Brand) -> EffectiveConfig {
        var copy = self
        copy.brand = Setting(brand, from: .builtIn(note: "chosen in the dashboard"))
        copy.data = Setting(brand.data, from: .builtIn(note: "brand \(brand.name)"))
        if case .flag = goals.source {} else { copy.goals = Setting(brand.goals, from: .builtIn(note: "brand \(brand.name)")) }
        if case .flag = benchmarks.source {} else {
            copy.benchmarks = Setting(brand.benchmarks, from: .builtIn(note: "brand \(brand.name)"))
        }
        return copy
    }

    /// The benchmarks file to read for a data directory, and whether it must exist (it must
    /// when a flag, the config file or a brand names it).
    public func benchmarksFile(dataDirectory: String) -> (path: String, required: Bool) {
        if let path = benchmarks.value { return (path, true) }
        return (dataDirectory + "/" + BenchmarkFile.fileName, false)
    }

    /// Finds and reads the config file, then merges. `configFile` is `--config` (it must
    /// exist); otherwise a file at the default place is read when it exists.
    /// - Throws: the file's first problem, with file and line.
    public static func load(flags: ConfigFlags, configFile: String?,
                            environment: [String: String]) throws(ConfigProblem) -> EffectiveConfig {
        let path = configFile ?? ConfigLocation.defaultPath(environment: environment)
        var file: ConfigFile?
        if let path, configFile != nil || access(path, F_OK) == 0 {
            file = try ConfigFile.load(path: path, home: environment["HOME"])
        }
        return EffectiveConfig(flags: flags, file: file, configPath: path, directoryExists: isDirectory)
    }

    /// The data directory used when nothing names one and it exists.
    public static let conventionalDataDirectory = "data"

    /// The goals file to read for a data directory, and whether it must exist (it must when
    /// a flag or the config file names it).
    public func goalsFile(dataDirectory: String) -> (path: String, required: Bool) {
        if let path = goals.value { return (path, true) }
        return (GoalFile.defaultPath(dataDirectory: dataDirectory), false)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
