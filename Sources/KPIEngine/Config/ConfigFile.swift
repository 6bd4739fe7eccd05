import TOMLKit

/// The settings of a `config.toml` (docs/CONFIG.md), each with the line it is written on,
/// and its `[[alert]]` rules. Paths are resolved as ``ConfigPath`` says.
public struct ConfigFile: Sendable, Equatable {
    /// A value the file gives, with its line.
    public struct Entry<Value: Sendable & Equatable>: Sendable, Equatable {
        public var value: Value
        public var line: Int

        public init(_ value: Value, line: Int) {
            self.value = value
            self.line = line
        }
    }

    public var path: String
    public var data: Entry<String>?
    public var theme: Entry<String>?
    public var window: Entry<WindowLength>?
    public var tz: Entry<String>?
    public var refresh: Entry<RefreshInterval>?
    public var poll: Entry<Bool>?
    public var goals: Entry<String>?
    public var bell: Entry<Bool>?
    public var followLinks: Entry<Bool>?
    /// The memory beyond which the first load reads no further file.
    public var maxMemory: Entry<MemorySize>?
    /// The currency of money values the data does not name.
    public var currency: Entry<Currency>?
    /// What each KPI is compared with: the previous window or the same window a year earlier.
    public var compare: Entry<Comparison>?
    /// The benchmarks file (default: `benchmarks.toml` in the data directory).
    public var benchmarks: Entry<String>?
    /// Customer lifetime value per platform (`*`: every platform), for data without `cltv`.
    public var customerValues: Entry<[String: Double]>?
    /// The brand to open when no flag names a data directory or a brand.
    public var brand: Entry<String>?
    /// The `[brands]`, in file order.
    public var brands: [Brand] = []
    public var alerts: [AlertRule] = []

    /// The keys a config file may have (`alert` as `[[alert]]` tables, `brands` and `cltv` as tables).
    public static let keys = ["data", "theme", "window", "tz", "refresh", "poll", "goals", "bell", "follow_links", "max_memory", "currency", "compare",
                              "benchmarks", "cltv", "brand", "brands", "alert"]

    /// A file that sets nothing.
    public init(path: String) { self.path = path }

    /// Reads and parses the file at `path`; `home` expands `~`.
    public static func load(path: String, home: String?) throws(ConfigProblem) -> ConfigFile {
        try parse(TOMLDocument(path: path), home: home)
    }

    /// The settings of a document. Any mistake (a bad value, an unknown key, a bad alert)
    /// makes the file unusable; the first one, by line, is thrown.
    public static func parse(_ document: TOMLDocument, home: String?) throws(ConfigProblem) -> ConfigFile {
        var file = ConfigFile(path: document.file)
        var problems: [ConfigProblem] = []
        let paths = ConfigPath(configFile: document.file, home: home)
        for (key, value) in document.table {
            let line = document.line(ofKey: key, from: 0)
            func problem(_ reason: String) {
                problems.append(ConfigProblem(file: document.file, line: line, reason: reason))
            }
            func text(_ what: String) -> String? {
                if let text = value.string, !text.trimmingSpaces.isEmpty { return text }
                problem("\(key) must be \(what) in quotes")
                return nil
            }
            func flag() -> Entry<Bool>? {
                if let flag = value.bool { return Entry(flag, line: line) }
                problem("\(key) must be true or false")
                return nil
            }
            switch key {
            case "data":
                file.data = text("a directory").map { Entry(paths.resolve($0), line: line) }
            case "goals":
                file.goals = text("a file").map { Entry(paths.resolve($0), line: line) }
            case "theme":
                file.theme = text("a theme name or a theme file").map { Entry(paths.resolveTheme($0), line: line) }
            case "window":
                guard let written = text("a window such as \"7d\"") else { continue }
                guard let window = WindowLength(written) else {
                    problem("window '\(Sanitized.line(written))' is not a window (expected 1d, 7d, 28d, 90d, Nd or all)")
                    continue
                }
                file.window = Entry(window, line: line)
            case "tz":
                guard let zone = text("an IANA time zone name") else { continue }
                guard DayClock(identifier: zone) != nil else {
                    problem("tz '\(Sanitized.line(zone))' is not a known time zone (expected an IANA name such as Europe/Berlin)")
                    continue
                }
                file.tz = Entry(zone, line: line)
            case "refresh":
                let seconds = value.double ?? value.int.map(Double.init)
                guard let interval = seconds.flatMap(RefreshInterval.init(seconds:)) ?? value.string.flatMap(RefreshInterval.init) else {
                    problem("refresh must be an interval from 100ms to 60s, such as \"1s\" or \"500ms\"")
                    continue
                }
                file.refresh = Entry(interval, line: line)
            case "poll":
                file.poll = flag()
            case "bell":
                file.bell = flag()
            case "follow_links":
                file.followLinks = flag()
            case "max_memory":
                guard let size = value.int.map({ MemorySize(String($0)) }) ?? value.string.map(MemorySize.init), let size else {
                    problem("max_memory must be an amount from 16 MiB to 1 TiB, such as \"1GiB\" or \"512MB\"")
                    continue
                }
                file.maxMemory = Entry(size, line: line)
            case "currency":
                guard let code = text("an ISO 4217 code such as \"EUR\"") else { continue }
                guard let currency = Currency(code: code.trimmingSpaces) else {
                    problem("currency '\(Sanitized.line(code))' is not a three-letter ISO code such as EUR or USD")
                    continue
                }
                file.currency = Entry(currency, line: line)
            case "compare":
                guard let written = text("previous or year") else { continue }
                guard let comparison = Comparison(rawValue: written.trimmingSpaces.lowercased()) else {
                    problem("compare '\(Sanitized.line(written))' must be \"previous\" or \"year\"")
                    continue
                }
                file.compare = Entry(comparison, line: line)
            case "benchmarks":
                file.benchmarks = text("a file").map { Entry(paths.resolve($0), line: line) }
            case "cltv":
                let keyLine = line > 0 ? line : document.line(ofTable: key)
                if let values = CustomerValueSetting.parse(value, document: document, line: keyLine, problems: &problems) {
                    file.customerValues = Entry(values, line: keyLine)
                }
            case "brand":
                file.brand = text("a brand name").map { Entry(String($0.trimmingSpaces), line: line) }
            case "brands":
                file.brands = BrandTable.brands(value, document: document, paths: paths, problems: &problems)
            case "alert":
                file.alerts = AlertTable.rules(value, document: document, problems: &problems)
            default:
                let keyLine = line > 0 ? line : document.line(ofTable: key)
                problems.append(ConfigProblem(file: document.file, line: keyLine,
                                              reason: Spelling.unknownKey(key, allowed: keys, in: "the config file")))
            }
        }
        if let first = problems.min(by: { $0.line < $1.line }) { throw first }
        if let brand = file.brand, !file.brands.contains(where: { $0.name == brand.value }) {
            throw ConfigProblem(file: document.file, line: brand.line,
                                reason: Brand.unknownMessage(brand.value, among: file.brands))
        }
        return file
    }
}
